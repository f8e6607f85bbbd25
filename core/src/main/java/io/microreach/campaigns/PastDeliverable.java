package io.microreach.campaigns;

import io.microreach.forecast.Band;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One deliverable of a creator in an earlier campaign, as far as it got.
 *
 * @param dueOn the agreed due date, or null
 * @param publishedOn when the post went out, or null when it did not
 * @param revisions how many times revisions were requested
 * @param disclosed whether the published post was disclosed; null when not checked or not published
 * @param forecast the planner's engagement band for the post, or null
 * @param actualEngagements the post's engagements, or null when not known
 */
public record PastDeliverable(
        DeliverableStatus status,
        LocalDate dueOn,
        LocalDate publishedOn,
        int revisions,
        Boolean disclosed,
        Band forecast,
        Long actualEngagements) {
    public PastDeliverable {
        Objects.requireNonNull(status, "status");
        if (revisions < 0) {
            throw new IllegalArgumentException("revisions must be at least 0, got " + revisions);
        }
    }
}
