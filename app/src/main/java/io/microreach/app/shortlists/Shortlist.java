package io.microreach.app.shortlists;

import java.time.Instant;

/** A named shortlist of the workspace, with how many accounts it holds. */
public record Shortlist(long id, String name, int size, Instant createdAt) {}
