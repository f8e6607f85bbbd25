package io.microreach.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * What the app already holds about an account, so that a refresh fetches only what is new: its platform id, the
 * post count the platform reported at the last sync (a source that reports post counts can skip an account whose
 * count has not changed) and the publication time of the newest stored post (paging stops there).
 *
 * @param platformId the platform's id of the account (a DID, a channel id, an instance-qualified account id...)
 * @param handle the handle at the last sync, for sources that look accounts up by name
 * @param postsCount the post count the platform reported at the last sync; {@code null} when unknown
 * @param newestPostAt publication time of the newest stored post; {@code null} when none is stored
 */
public record KnownAccount(String platformId, String handle, Long postsCount, Instant newestPostAt) {

    public KnownAccount {
        Objects.requireNonNull(platformId, "platformId");
    }
}
