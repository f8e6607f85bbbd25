package io.microreach.app.creators;

/** One line of the creators list. */
public record CreatorRow(
        long id,
        String platform,
        String handle,
        String displayName,
        long followers,
        Long following,
        Long postsCount,
        String country,
        String language,
        boolean verified,
        String tier,
        boolean demo) {}
