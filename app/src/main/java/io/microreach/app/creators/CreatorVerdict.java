package io.microreach.app.creators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-line verdict at the top of the creator page, red flags first, derived from the scorecard alone.
 *
 * <p>Thresholds (each a plain cut a marketer can check against the breakdown below it):
 * <ul>
 *   <li>suspicious followers: a red flag from 25% of the sampled followers (the real-followers component is then at
 *       half of its points or less), good up to 10% (the generator's and the literature's background level of spam
 *       followers is around 7–11%);
 *   <li>engagement: a red flag at or below the 20th percentile of peers (same platform and tier), good from the 75th;
 *   <li>replies: a red flag below 10% of fan comments answered within 7 days, good from 40%;
 *   <li>sponsored posts: a red flag from 40% of recent posts, good up to 15%;
 *   <li>follower spikes, a comment pod, a like-to-comment ratio far from peers: each a red flag (the anomaly checks'
 *       own thresholds, docs/signals-engagement.md);
 *   <li>community cohesion: good from 50 / 100; inviting content: good from 40% of captions.
 * </ul>
 * The headline: without a trust score, "Not enough data for a verdict"; with fake followers, spikes or a pod, "Check
 * before booking"; with another red flag, "Mixed evidence"; without red flags and a trust score of 60 or more, "Looks
 * trustworthy"; otherwise "Mixed evidence". Components without data are listed as "not checked", never as good.
 */
final class CreatorVerdict {
    static final double SUSPICIOUS_RED = 0.25;
    static final double SUSPICIOUS_GOOD = 0.10;
    static final double ER_PERCENTILE_RED = 20;
    static final double ER_PERCENTILE_GOOD = 75;
    static final double REPLY_RED = 0.10;
    static final double REPLY_GOOD = 0.40;
    static final double SPONSORED_RED = 0.40;
    static final double SPONSORED_GOOD = 0.15;
    static final double COHESION_GOOD = 0.5;
    static final double INVITING_GOOD = 0.4;
    static final double TRUSTWORTHY_SCORE = 60;

    private CreatorVerdict() {}

    /**
     * What the verdict reads from a scorecard; {@code null} where the metric is unavailable.
     *
     * @param likeCommentDirection {@code MORE_LIKES_PER_COMMENT} or {@code FEWER_LIKES_PER_COMMENT} when the ratio is
     *     an outlier, else {@code null}
     * @param notChecked labels of the trust components without data
     */
    record Inputs(
            Double trustScore,
            Double suspiciousShare,
            Integer suspiciousSample,
            Double engagementPercentile,
            Double replyRate,
            Double replyDelayHours,
            Double sponsoredShare,
            Double cohesion,
            Double invitingShare,
            int followerSpikes,
            boolean commentPod,
            String likeCommentDirection,
            List<String> notChecked) {}

    /**
     * @param tone {@code bad}, {@code warn}, {@code good} or {@code unknown} (for the page's colour)
     */
    record Verdict(String headline, String tone, List<String> redFlags, List<String> good, List<String> notChecked) {
        /** The whole line as text: headline, red flags, good signs, not checked. */
        String summary() {
            StringBuilder out = new StringBuilder(headline).append('.');
            if (!redFlags.isEmpty()) {
                out.append(" Red flags: ").append(String.join("; ", redFlags)).append('.');
            }
            if (!good.isEmpty()) {
                out.append(" Good: ").append(String.join("; ", good)).append('.');
            }
            if (!notChecked.isEmpty()) {
                out.append(" Not checked: ")
                        .append(String.join(", ", notChecked))
                        .append('.');
            }
            return out.toString();
        }
    }

    static Verdict of(Inputs in) {
        List<String> red = new ArrayList<>();
        List<String> good = new ArrayList<>();
        boolean serious = false;
        if (in.suspiciousShare() != null) {
            double s = in.suspiciousShare();
            String sample = in.suspiciousSample() == null ? "" : " (of " + in.suspiciousSample() + ")";
            if (s >= SUSPICIOUS_RED) {
                red.add(whole(s) + " of sampled followers look suspicious" + sample);
                serious = true;
            } else if (s <= SUSPICIOUS_GOOD) {
                good.add("real followers (" + whole(s) + " look suspicious" + sample + ")");
            }
        }
        if (in.followerSpikes() > 0) {
            red.add("sudden follower jumps on " + in.followerSpikes() + (in.followerSpikes() == 1 ? " day" : " days"));
            serious = true;
        }
        if (in.commentPod()) {
            red.add("a comment pod (the same few accounts comment on most posts within minutes)");
            serious = true;
        }
        if (in.likeCommentDirection() != null) {
            red.add(
                    in.likeCommentDirection().startsWith("MORE")
                            ? "far more likes per comment than peers (bought likes, or comments hidden)"
                            : "far fewer likes per comment than peers (bought or pod comments)");
        }
        if (in.engagementPercentile() != null) {
            double p = in.engagementPercentile();
            if (p <= ER_PERCENTILE_RED) {
                red.add("engagement below " + Math.round(100 - p) + "% of peers");
            } else if (p >= ER_PERCENTILE_GOOD) {
                good.add("engagement above " + Math.round(p) + "% of peers");
            }
        }
        if (in.replyRate() != null) {
            double r = in.replyRate();
            if (r < REPLY_RED) {
                red.add("rarely replies to fans (" + whole(r) + " answered)");
            } else if (r >= REPLY_GOOD) {
                good.add("replies to fans (" + whole(r)
                        + (in.replyDelayHours() == null ? "" : ", median " + ScorecardText.hours(in.replyDelayHours()))
                        + ")");
            }
        }
        if (in.sponsoredShare() != null) {
            double s = in.sponsoredShare();
            if (s >= SPONSORED_RED) {
                red.add(whole(s) + " of recent posts are sponsored");
            } else if (s <= SPONSORED_GOOD) {
                good.add("few sponsored posts (" + whole(s) + ")");
            }
        }
        if (in.cohesion() != null && in.cohesion() >= COHESION_GOOD) {
            good.add(String.format(Locale.ROOT, "tight-knit community (cohesion %.0f / 100)", in.cohesion() * 100));
        }
        if (in.invitingShare() != null && in.invitingShare() >= INVITING_GOOD) {
            good.add("posts invite conversation (" + whole(in.invitingShare()) + " of captions)");
        }
        String headline;
        String tone;
        if (in.trustScore() == null) {
            headline = "Not enough data for a verdict";
            tone = "unknown";
        } else if (serious) {
            headline = "Check before booking";
            tone = "bad";
        } else if (red.isEmpty() && in.trustScore() >= TRUSTWORTHY_SCORE) {
            headline = "Looks trustworthy";
            tone = "good";
        } else {
            headline = "Mixed evidence";
            tone = "warn";
        }
        return new Verdict(headline, tone, List.copyOf(red), List.copyOf(good), List.copyOf(in.notChecked()));
    }

    private static String whole(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
