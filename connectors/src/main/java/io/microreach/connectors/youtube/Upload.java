package io.microreach.connectors.youtube;

import java.time.Instant;

/**
 * One item of an uploads playlist. {@code publishedAt} is the video's {@code contentDetails.videoPublishedAt}; it is
 * {@code null} for an item whose video was deleted or made private, which the playlist still lists.
 */
record Upload(String videoId, Instant publishedAt) {}
