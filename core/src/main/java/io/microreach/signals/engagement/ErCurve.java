package io.microreach.signals.engagement;

import io.microreach.domain.Platform;

/**
 * The expected-ER curve of one platform: ln(ER) = intercept + slope · ln(followers), i.e. ER = e^intercept ·
 * followers^slope. Fitted on ln(ER), it predicts the <em>median</em> creator at a size (the geometric mean), not the
 * mean, which is what a creator's own median ER should be compared with.
 *
 * @param slope the elasticity of ER to followers; negative when ER falls with size
 * @param slopeStandardError the slope's standard error (residualSd ÷ √Σ(x − x̄)²): how well the pool pins the
 *     slope down; a pool of similar-sized accounts leaves it wide
 * @param residualSd standard deviation of the ln residuals (n − 2 degrees of freedom): the spread that makes z-scores
 * @param points observations the fit used
 * @param skipped observations left out: ER of 0 (no logarithm) or 0 followers
 * @param minFollowers smallest follower count in the fit
 * @param maxFollowers largest follower count in the fit
 */
record ErCurve(
        Platform platform,
        double intercept,
        double slope,
        double slopeStandardError,
        double residualSd,
        int points,
        int skipped,
        long minFollowers,
        long maxFollowers) {

    /** The expected (median) ER at {@code followers} (&gt; 0). */
    public double expectedEr(long followers) {
        if (followers <= 0) {
            throw new IllegalArgumentException("followers must be positive: " + followers);
        }
        return Math.exp(intercept + slope * Math.log(followers));
    }

    /** Whether {@code followers} lies outside the follower range the curve was fitted on. */
    public boolean extrapolates(long followers) {
        return followers < minFollowers || followers > maxFollowers;
    }
}
