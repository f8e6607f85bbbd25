package io.microreach.app.campaigns;

import io.microreach.campaigns.DeliverableStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One agreed deliverable and where it stands.
 *
 * @param postRef the published post as the user gave it (URL or platform id), or null
 * @param postId the stored post it resolved to, or null while that post is not imported yet
 * @param late past its due date and not yet published
 */
public record CampaignDeliverable(
        long id,
        long creatorId,
        String platform,
        String format,
        LocalDate dueOn,
        BigDecimal fee,
        List<String> requiredHashtags,
        List<String> requiredMentions,
        boolean requireLink,
        DeliverableStatus status,
        Instant statusAt,
        int revisions,
        String postRef,
        Long postId,
        Instant publishedAt,
        boolean late) {

    public CampaignDeliverable {
        requiredHashtags = List.copyOf(requiredHashtags);
        requiredMentions = List.copyOf(requiredMentions);
    }

    /** The statuses this deliverable may move to now. */
    public List<DeliverableStatus> nextStatuses() {
        return java.util.Arrays.stream(DeliverableStatus.values())
                .filter(status::canMoveTo)
                .toList();
    }
}
