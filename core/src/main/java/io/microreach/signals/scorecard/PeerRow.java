package io.microreach.signals.scorecard;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import java.util.List;

/**
 * The few numbers of one account that peer comparisons need; {@code null} where the account has no value. Small
 * on purpose: the pool is summarised from these, and the app can rebuild them from the stored headline numbers so that an
 * incremental rescore need not measure the whole pool again.
 */
public record PeerRow(
        Platform platform,
        Tier tier,
        List<String> niches,
        long followers,
        Double engagementRate,
        Double suspiciousShare,
        Double replyRate,
        Double cohesion,
        Double invitingShare,
        Double sponsoredShare,
        Double likesPerComment) {

    public PeerRow {
        niches = List.copyOf(niches);
    }

    /** The same row with other niches. */
    public PeerRow withNiches(List<String> value) {
        return new PeerRow(
                platform,
                tier,
                value,
                followers,
                engagementRate,
                suspiciousShare,
                replyRate,
                cohesion,
                invitingShare,
                sponsoredShare,
                likesPerComment);
    }

    public static PeerRow of(AccountSignals s) {
        return new PeerRow(
                s.platform(),
                s.tier(),
                s.niches(),
                s.followers(),
                s.engagement().available() ? s.engagement().median() : null,
                s.suspicious().estimate().map(e -> e.share()).orElse(null),
                s.replies().available() ? s.replies().rate().estimate() : null,
                s.cohesion().available() ? s.cohesion().score() : null,
                s.interaction().captions().available()
                        ? s.interaction().captions().share().estimate()
                        : null,
                s.commercial().available() ? s.commercial().sponsoredShare().estimate() : null,
                s.likeComments().ratio());
    }
}
