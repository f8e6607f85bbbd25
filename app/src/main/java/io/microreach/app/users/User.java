package io.microreach.app.users;

import java.time.Instant;
import java.util.List;

/** A person who signs in, with the workspaces they belong to. */
public record User(
        long id, String email, boolean admin, boolean disabled, Instant createdAt, List<Membership> memberships) {}
