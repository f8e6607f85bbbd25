package io.microreach.planner;

/** A candidate that is not in the plan, and why (e.g. "below min trust", "overlap 62% with @x", "over budget"). */
public record RejectedCreator(String id, String handle, String reason) {}
