package io.microreach.connectors.youtube;

/**
 * A {@code youtube#channel} resource as far as the crawl reads it. Counts are {@code null} when the resource does not
 * carry them; {@code subscribers} is also {@code null} when the channel hides its count ({@code hiddenSubscribers}).
 *
 * @param handle the handle without {@code @} ({@code snippet.customUrl}), or {@code null} when the channel has none
 * @param uploadsPlaylist {@code contentDetails.relatedPlaylists.uploads}, the playlist of every public upload
 */
record Channel(
        String id,
        String handle,
        String title,
        String description,
        String country,
        String language,
        Long subscribers,
        boolean hiddenSubscribers,
        Long videoCount,
        String uploadsPlaylist) {}
