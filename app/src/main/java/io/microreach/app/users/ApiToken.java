package io.microreach.app.users;

import java.time.Instant;

/** A stored API token as listed: never the token itself, only its first characters. */
public record ApiToken(
        long id,
        String email,
        String workspace,
        String name,
        String prefix,
        TokenScope scope,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
