package io.microreach.audience;

/** An account whose audience overlaps with a given one; {@code overlap} has the given account as A. */
public record Lookalike(String id, Overlap overlap) {}
