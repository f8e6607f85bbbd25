package io.microreach.connectors.mastodon;

import java.time.Instant;

/**
 * A Mastodon {@code Account} entity as this instance serves it. The counts are {@code null} when absent or negative
 * (a server that hides follower counts reports -1).
 *
 * @param id the account's id on this instance (remote accounts have one too)
 * @param handle {@code user@host}: the {@code acct}, qualified with the instance's host for local accounts
 * @param note the bio as plain text; {@code null} when empty
 * @param link the first link among the profile fields, a verified one (rel="me") preferred
 * @param avatarMissing whether the avatar is Mastodon's default picture ({@code .../missing.png})
 */
record Profile(
        String id,
        String handle,
        String displayName,
        String note,
        String url,
        String link,
        String avatar,
        boolean avatarMissing,
        Long followers,
        Long following,
        Long statuses,
        boolean bot,
        boolean locked,
        Instant createdAt) {}
