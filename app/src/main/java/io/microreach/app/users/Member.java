package io.microreach.app.users;

import java.time.Instant;

/** One member of a workspace, as its owners see them. */
public record Member(long userId, String email, Role role, boolean disabled, Instant lastSignIn) {}
