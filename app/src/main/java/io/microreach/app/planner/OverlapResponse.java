package io.microreach.app.planner;

import io.microreach.audience.Bounded;
import java.util.List;

/**
 * Overlap matrix of a shortlist: {@code pairs} lists every ordered pair (a, b), a ≠ b, with the share of a's audience
 * also in b's and the people in both, each with bounds.
 */
public record OverlapResponse(String platform, List<String> handles, List<Pair> pairs) {
    /** One ordered pair. */
    public record Pair(String a, String b, Bounded shareOfAInB, Bounded people, boolean samplingNoiseIncluded) {}
}
