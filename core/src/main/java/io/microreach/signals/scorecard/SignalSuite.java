package io.microreach.signals.scorecard;

import io.microreach.signals.AccountActivity;
import io.microreach.signals.anomalies.AnomalyDetector;
import io.microreach.signals.commercial.SponsorshipDetector;
import io.microreach.signals.community.CohesionMeter;
import io.microreach.signals.conversation.InteractionAnalyzer;
import io.microreach.signals.conversation.ReplyRateCalculator;
import io.microreach.signals.engagement.EngagementRates;
import io.microreach.signals.engagement.TierPolicy;
import io.microreach.signals.followers.SuspiciousShareEstimator;
import java.util.List;

/**
 * Measures all signals of one account. Stateless after construction and safe to share between threads, so a
 * scorer can run it on many accounts in parallel.
 */
public final class SignalSuite {
    private final TierPolicy tiers;
    private final EngagementRates engagement;
    private final SuspiciousShareEstimator suspicious;
    private final ReplyRateCalculator replies;
    private final InteractionAnalyzer interaction;
    private final SponsorshipDetector sponsorship;
    private final CohesionMeter cohesion;
    private final AnomalyDetector anomalies;

    public SignalSuite() {
        this(TierPolicy.defaults(), new SuspiciousShareEstimator());
    }

    public SignalSuite(TierPolicy tiers, SuspiciousShareEstimator suspicious) {
        this.tiers = tiers;
        this.engagement = new EngagementRates();
        this.suspicious = suspicious;
        this.replies = new ReplyRateCalculator();
        this.interaction = new InteractionAnalyzer();
        this.sponsorship = new SponsorshipDetector();
        this.cohesion = new CohesionMeter();
        this.anomalies = new AnomalyDetector();
    }

    public TierPolicy tiers() {
        return tiers;
    }

    public AnomalyDetector anomalyDetector() {
        return anomalies;
    }

    public AccountSignals measure(AccountActivity activity) {
        return measure(activity, List.of());
    }

    public AccountSignals measure(AccountActivity activity, List<String> niches) {
        var account = activity.account();
        return new AccountSignals(
                account.platform(),
                account.platformId(),
                account.handle(),
                account.followers(),
                tiers.tierOf(account.platform(), account.followers()),
                niches,
                engagement.engagementRate(activity),
                anomalies.likeCommentRatio(activity.posts(), null),
                suspicious.estimate(activity),
                replies.measure(activity),
                interaction.analyze(activity),
                sponsorship.measure(activity),
                cohesion.measure(activity),
                anomalies.followerSpikes(activity.history()),
                anomalies.commentPods(activity),
                anomalies.genericComments(activity));
    }
}
