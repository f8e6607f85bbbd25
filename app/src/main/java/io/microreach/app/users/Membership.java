package io.microreach.app.users;

/** A user's role in one workspace. */
public record Membership(long workspaceId, String workspace, Role role) {}
