package io.microreach.app.planner;

import io.microreach.audience.Bounded;
import java.util.List;

/**
 * Overlap matrix of a shortlist: {@code pairs} lists every ordered pair (a, b), a ≠ b, with the share of a's audience
 * also in b's and the people in both, each with bounds.
 *
 * @param noAudienceData handles without a follower sample or commenters: their overlap is unknown, not zero
 */
public record OverlapResponse(String platform, List<String> handles, List<Pair> pairs, List<String> noAudienceData) {
    /**
     * The widest 95% interval of a share (upper − lower) still shown as a figure; a wider one says little more than "0
     * to 100%", so it reads as "not enough data".
     */
    public static final double WIDEST_USEFUL_INTERVAL = 0.5;

    /**
     * One ordered pair.
     *
     * @param shareOfAInB null when a side has no audience data
     * @param people null when a side has no audience data
     * @param enoughData false when a side has no audience data or the share's interval is wider than {@link
     *     #WIDEST_USEFUL_INTERVAL}: show "not enough data" rather than the estimate
     */
    public record Pair(
            String a,
            String b,
            Bounded shareOfAInB,
            Bounded people,
            boolean samplingNoiseIncluded,
            boolean enoughData) {
        static Pair of(String a, String b, Bounded share, Bounded people, boolean noise) {
            boolean enough = share != null && share.upper() - share.lower() <= WIDEST_USEFUL_INTERVAL;
            return new Pair(a, b, share, people, noise, enough);
        }
    }
}
