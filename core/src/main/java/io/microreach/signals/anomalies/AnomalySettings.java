package io.microreach.signals.anomalies;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the anomaly checks; {@link #defaults()} documents the reasoning behind each default.
 *
 * @param spikeZ a day is a spike from this robust z-score of its relative follower change on
 * @param spikeMinimumJump ... and when the count grew at least this fraction of the day before
 * @param spikeMinimumAdded ... and by at least this many followers
 * @param spikeScaleFloor lower bound of the robust scale (relative change per day), so that a perfectly flat
 *     history (MAD 0) does not turn every small move into an infinite z-score
 * @param minimumHistoryDays below this many daily counts the spike check is unavailable
 * @param ratioPosts the like-to-comment ratio uses at most this many recent posts
 * @param ratioMinimumPosts ... and needs at least this many posts that report likes and comments
 * @param ratioMinimumComments ... and at least this many comments on them
 * @param ratioZ the ratio is an outlier from this absolute robust z-score among peers on
 * @param minimumPeers below this many peers the ratio is not compared
 * @param podPosts comment pods are looked for on this many most recent posts
 * @param podMinimumPosts ... of which at least this many must carry comments by others
 * @param podCoverage a pod member comments on at least this share of those posts
 * @param podMaximumDelay ... with a median delay after publishing of at most this
 * @param podMinimumMembers a pod has at least this many members
 * @param podMaximumMembers ... and at most this many (a larger set of fast regulars is not a "small set")
 * @param evidenceLimit at most this many ids per evidence list
 */
record AnomalySettings(
        double spikeZ,
        double spikeMinimumJump,
        long spikeMinimumAdded,
        double spikeScaleFloor,
        int minimumHistoryDays,
        int ratioPosts,
        int ratioMinimumPosts,
        long ratioMinimumComments,
        double ratioZ,
        int minimumPeers,
        int podPosts,
        int podMinimumPosts,
        double podCoverage,
        Duration podMaximumDelay,
        int podMinimumMembers,
        int podMaximumMembers,
        int evidenceLimit) {

    public AnomalySettings {
        Objects.requireNonNull(podMaximumDelay, "podMaximumDelay");
        if (!(spikeZ > 0) || spikeMinimumJump < 0 || spikeMinimumAdded < 0 || !(spikeScaleFloor > 0)) {
            throw new IllegalArgumentException("spike thresholds must be positive");
        }
        if (minimumHistoryDays < 3) {
            throw new IllegalArgumentException("minimumHistoryDays must be at least 3, got " + minimumHistoryDays);
        }
        if (ratioMinimumPosts < 1 || ratioPosts < ratioMinimumPosts || ratioMinimumComments < 1) {
            throw new IllegalArgumentException("need 1 <= ratioMinimumPosts <= ratioPosts, ratioMinimumComments >= 1");
        }
        if (!(ratioZ > 0) || minimumPeers < 3) {
            throw new IllegalArgumentException("need ratioZ > 0 and minimumPeers >= 3");
        }
        if (podMinimumPosts < 2 || podPosts < podMinimumPosts || !(podCoverage > 0 && podCoverage <= 1)) {
            throw new IllegalArgumentException("need 2 <= podMinimumPosts <= podPosts and 0 < podCoverage <= 1");
        }
        if (podMinimumMembers < 2 || podMaximumMembers < podMinimumMembers) {
            throw new IllegalArgumentException("need 2 <= podMinimumMembers <= podMaximumMembers");
        }
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be positive, got " + evidenceLimit);
        }
    }

    /**
     * Defaults.
     *
     * <ul>
     *   <li>Spikes: z ≥ 6 (Iglewicz &amp; Hoaglin's outlier cut-off for the modified z-score is 3.5; a daily series
     *       of 90 points has heavier tails than a normal sample, and a false "bought followers" flag is costly, so
     *       we ask for far more), a jump of at least 2% and 10 followers (organic daily noise is 0.03–0.4%; the two
     *       floors stop integer rounding on accounts of a few hundred followers from qualifying), scale floor 0.05%
     *       a day, at least 14 days of history.
     *   <li>Like-to-comment ratio: the last 30 posts (PRODUCT.md's window), at least 5 posts and 5 comments, outlier
     *       at |z| ≥ 3.5 (Iglewicz &amp; Hoaglin), at least 20 peers.
     *   <li>Pods: the last 10 posts (those with comment records), at least 5 of them commented, members on ≥ 60% of
     *       them with a median delay ≤ 15 minutes (organic comments arrive after hours), 3–15 members.
     * </ul>
     */
    public static AnomalySettings defaults() {
        return new AnomalySettings(
                6.0, 0.02, 10, 0.0005, 14, 30, 5, 5, 3.5, 20, 10, 5, 0.6, Duration.ofMinutes(15), 3, 15, 20);
    }
}
