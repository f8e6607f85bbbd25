package io.microreach.app.users;

import java.time.Instant;

/** A team's private space: its shortlists, notes, prices, plans and tokens. */
public record Workspace(long id, String name, Instant createdAt, int members) {}
