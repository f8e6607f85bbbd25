package io.microreach.forecast;

import io.microreach.pricing.Deliverable;

/**
 * Share of followers a deliverable reaches. PRODUCT.md: roughly 38% of followers for accounts under 20k down to 19%
 * above 1M, for feed posts; in between we interpolate linearly in log(followers). Other formats get a multiplier
 * (modelling assumptions, documented in docs/planner.md): reels and shorts are pushed beyond followers (×1.3),
 * long videos as posts (×1.0), stories are seen by fewer (×0.6).
 */
public final class ReachRates {
    private static final double SMALL = 0.38;
    private static final double LARGE = 0.19;
    private static final double SMALL_EDGE = 20_000;
    private static final double LARGE_EDGE = 1_000_000;

    private ReachRates() {}

    public static double feedReachRate(long followers) {
        if (followers <= SMALL_EDGE) {
            return SMALL;
        }
        if (followers >= LARGE_EDGE) {
            return LARGE;
        }
        double t = Math.log(followers / SMALL_EDGE) / Math.log(LARGE_EDGE / SMALL_EDGE);
        return SMALL + t * (LARGE - SMALL);
    }

    public static double formatFactor(Deliverable d) {
        return switch (d) {
            case POST, VIDEO -> 1.0;
            case REEL, SHORT -> 1.3;
            case STORY -> 0.6;
        };
    }
}
