package io.microreach.signals.scorecard;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.signals.anomalies.PeerRatios;
import io.microreach.signals.engagement.ErObservation;
import io.microreach.signals.engagement.ExpectedEngagement;
import io.microreach.signals.engagement.PeerDistribution;
import io.microreach.signals.engagement.PeerGroup;
import io.microreach.signals.engagement.PeerValue;
import io.microreach.signals.engagement.Percentile;
import io.microreach.signals.trust.TrustComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What the pool looks like, for peer comparisons: per metric the distribution among peers (same platform and tier,
 * and niche when known), the expected-ER curve per platform, and the like-to-comment summary per peer group. Built
 * from one small row per account, so a pool of a million accounts takes tens of megabytes.
 */
public final class PoolStatistics {
    private final PeerDistribution engagement;
    private final PeerDistribution realFollowers;
    private final PeerDistribution replies;
    private final PeerDistribution cohesion;
    private final PeerDistribution inviting;
    private final PeerDistribution commercial;
    private final ExpectedEngagement expected;
    private final Map<PeerGroup, PeerRatios> likeComments;
    private final int accounts;
    private final int nicheMinimumPeers;

    private PoolStatistics(Builder b) {
        engagement = PeerDistribution.of(b.engagement);
        realFollowers = PeerDistribution.of(b.realFollowers);
        replies = PeerDistribution.of(b.replies);
        cohesion = PeerDistribution.of(b.cohesion);
        inviting = PeerDistribution.of(b.inviting);
        commercial = PeerDistribution.of(b.commercial);
        expected = ExpectedEngagement.fit(b.observations);
        Map<PeerGroup, PeerRatios> ratios = new HashMap<>();
        b.ratios.forEach((group, values) -> ratios.put(group, PeerRatios.of(group.toString(), values)));
        likeComments = Map.copyOf(ratios);
        accounts = b.accounts;
        nicheMinimumPeers = b.nicheMinimumPeers;
    }

    /** Default least number of peers in a platform × tier × niche group for a niche percentile. */
    public static final int DEFAULT_NICHE_MINIMUM_PEERS = 30;

    public static Builder builder() {
        return new Builder();
    }

    public int accounts() {
        return accounts;
    }

    static PeerGroup group(PeerRow s) {
        return PeerGroup.of(s.platform(), s.tier());
    }

    Percentile engagementPercentile(PeerRow s, double value) {
        return engagement.percentileWithNicheFallback(group(s), value);
    }

    Percentile realFollowersPercentile(PeerRow s, double value) {
        return realFollowers.percentile(group(s), value);
    }

    Percentile repliesPercentile(PeerRow s, double value) {
        return replies.percentile(group(s), value);
    }

    Percentile cohesionPercentile(PeerRow s, double value) {
        return cohesion.percentile(group(s), value);
    }

    Percentile invitingPercentile(PeerRow s, double value) {
        return inviting.percentile(group(s), value);
    }

    Percentile commercialPercentile(PeerRow s, double value) {
        return commercial.percentile(group(s), value);
    }

    /**
     * The value's percentile among peers of the same platform, tier and primary niche (the first of the account's
     * niches) for a component with peer distributions; unavailable with a reason when the account has no niche, its
     * niche group has fewer than the niche minimum of values, or the component has no peer comparison.
     */
    Percentile nichePercentile(TrustComponent component, PeerRow s, double value) {
        PeerGroup base = group(s);
        PeerDistribution d = switch (component) {
            case ENGAGEMENT -> engagement;
            case REAL_FOLLOWERS -> realFollowers;
            case REPLIES -> replies;
            case COMMUNITY -> cohesion;
            case INVITING_CONTENT -> inviting;
            case AUTHENTICITY -> commercial;
            default -> null;
        };
        if (d == null) {
            return new Percentile(null, base, 0, "no peer comparison for this component");
        }
        if (s.niches().isEmpty()) {
            return new Percentile(null, base, d.peers(base), "no niche known for this account");
        }
        PeerGroup niche = new PeerGroup(s.platform(), s.tier(), s.niches().get(0));
        int peers = d.peers(niche);
        if (peers < nicheMinimumPeers) {
            return new Percentile(
                    null,
                    niche,
                    peers,
                    "too few niche peers: " + peers + " in " + niche + ", at least " + nicheMinimumPeers + " needed");
        }
        return d.percentile(niche, value);
    }

    ExpectedEngagement expected() {
        return expected;
    }

    PeerRatios likeComments(PeerRow s) {
        return likeComments.get(group(s));
    }

    /** Collects the per-account values; {@link #add} may be called from several threads. */
    public static final class Builder {
        private final List<PeerValue> engagement = new ArrayList<>();
        private final List<PeerValue> realFollowers = new ArrayList<>();
        private final List<PeerValue> replies = new ArrayList<>();
        private final List<PeerValue> cohesion = new ArrayList<>();
        private final List<PeerValue> inviting = new ArrayList<>();
        private final List<PeerValue> commercial = new ArrayList<>();
        private final List<ErObservation> observations = new ArrayList<>();
        private final Map<PeerGroup, List<Double>> ratios = new HashMap<>();
        private int accounts;
        private int nicheMinimumPeers = DEFAULT_NICHE_MINIMUM_PEERS;

        private Builder() {}

        /** Least number of peers in a platform × tier × niche group for a niche percentile (at least 1). */
        public synchronized Builder nicheMinimumPeers(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("niche minimum peers must be at least 1: " + value);
            }
            nicheMinimumPeers = value;
            return this;
        }

        public Builder add(AccountSignals s) {
            return add(PeerRow.of(s));
        }

        public synchronized Builder add(PeerRow r) {
            accounts++;
            Platform p = r.platform();
            Tier t = r.tier();
            var niches = new HashSet<>(r.niches());
            if (r.engagementRate() != null) {
                engagement.add(new PeerValue(p, t, niches, r.engagementRate()));
                observations.add(new ErObservation(p, r.followers(), r.engagementRate()));
            }
            if (r.suspiciousShare() != null) {
                realFollowers.add(new PeerValue(p, t, niches, 1 - r.suspiciousShare()));
            }
            if (r.replyRate() != null) {
                replies.add(new PeerValue(p, t, niches, r.replyRate()));
            }
            if (r.cohesion() != null) {
                cohesion.add(new PeerValue(p, t, niches, r.cohesion()));
            }
            if (r.invitingShare() != null) {
                inviting.add(new PeerValue(p, t, niches, r.invitingShare()));
            }
            if (r.sponsoredShare() != null) {
                commercial.add(new PeerValue(p, t, niches, 1 - r.sponsoredShare()));
            }
            if (r.likesPerComment() != null) {
                ratios.computeIfAbsent(PeerGroup.of(p, t), g -> new ArrayList<>())
                        .add(r.likesPerComment());
            }
            return this;
        }

        public synchronized PoolStatistics build() {
            return new PoolStatistics(this);
        }
    }
}
