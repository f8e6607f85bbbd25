package io.microreach.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * A human click on a creator's tracking link (bots, link previews and prefetches are never tracked clicks).
 *
 * @param creatorId the campaign creator whose link was followed
 */
public record TrackedClick(String clickId, long creatorId, Instant at) {
    public TrackedClick {
        Objects.requireNonNull(clickId, "clickId");
        Objects.requireNonNull(at, "at");
    }
}
