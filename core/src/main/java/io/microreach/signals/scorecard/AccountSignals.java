package io.microreach.signals.scorecard;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.signals.anomalies.GenericComments;
import io.microreach.signals.anomalies.LikeCommentRatio;
import io.microreach.signals.anomalies.PodScan;
import io.microreach.signals.anomalies.SpikeScan;
import io.microreach.signals.commercial.Commercialisation;
import io.microreach.signals.community.Cohesion;
import io.microreach.signals.conversation.InteractionInvitation;
import io.microreach.signals.conversation.ReplyRate;
import io.microreach.signals.engagement.EngagementRate;
import io.microreach.signals.followers.SuspiciousShare;
import java.util.List;

/**
 * Every signal of one account measured on its own (before any peer comparison). Holds no posts or comments, only
 * results and their evidence ids, so a whole pool of these fits in memory while peers are summarised.
 *
 * @param niches the account's niche ids when known (for niche peer groups; the first is its primary niche), else
 *     empty
 * @param likeComments the like-to-comment ratio without peers; compared with peers when the scorecard is assembled
 */
public record AccountSignals(
        Platform platform,
        String accountId,
        String handle,
        long followers,
        Tier tier,
        List<String> niches,
        EngagementRate engagement,
        LikeCommentRatio likeComments,
        SuspiciousShare suspicious,
        ReplyRate replies,
        InteractionInvitation interaction,
        Commercialisation commercial,
        Cohesion cohesion,
        SpikeScan spikes,
        PodScan pods,
        GenericComments genericComments) {

    public AccountSignals {
        niches = List.copyOf(niches);
    }

    /** The same signals with other niches (niches change without the account's data changing). */
    public AccountSignals withNiches(List<String> value) {
        return new AccountSignals(
                platform,
                accountId,
                handle,
                followers,
                tier,
                value,
                engagement,
                likeComments,
                suspicious,
                replies,
                interaction,
                commercial,
                cohesion,
                spikes,
                pods,
                genericComments);
    }
}
