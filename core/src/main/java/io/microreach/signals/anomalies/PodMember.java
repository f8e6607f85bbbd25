package io.microreach.signals.anomalies;

import java.time.Duration;

/**
 * A suspected comment-pod member.
 *
 * @param id the commenter's platform id, or {@code @handle} when the id is unknown
 * @param handle the commenter's handle as last seen
 * @param posts how many of the checked posts the member commented on
 * @param medianDelay median time from publishing to the member's first comment on a post
 */
public record PodMember(String id, String handle, int posts, Duration medianDelay) {}
