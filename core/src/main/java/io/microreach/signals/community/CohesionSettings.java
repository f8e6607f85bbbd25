package io.microreach.signals.community;

/**
 * Thresholds of the cohesion signal.
 *
 * @param minimumNodes below this many sampled followers the graph metrics and the score are unavailable
 * @param highConfidenceNodes from this many sampled followers on the confidence is high
 * @param halfScoreDensity the undirected density at which the score is 0.5 (see {@link CohesionMeter})
 * @param recentPosts the repeat-commenter ratio looks at this many most recent posts
 * @param repeatPosts a commenter on at least this many of them is a repeat commenter
 * @param minimumCommenters below this many distinct commenters the repeat-commenter ratio is unavailable
 * @param highConfidenceCommenters from this many distinct commenters on its confidence is high
 * @param evidenceLimit at most this many ids are returned as evidence
 */
record CohesionSettings(
        int minimumNodes,
        int highConfidenceNodes,
        double halfScoreDensity,
        int recentPosts,
        int repeatPosts,
        int minimumCommenters,
        int highConfidenceCommenters,
        int evidenceLimit) {

    public CohesionSettings {
        if (minimumNodes < 2) {
            throw new IllegalArgumentException("minimumNodes must be at least 2, got " + minimumNodes);
        }
        if (highConfidenceNodes < minimumNodes) {
            throw new IllegalArgumentException("highConfidenceNodes must be at least minimumNodes");
        }
        if (!(halfScoreDensity > 0 && halfScoreDensity < 1)) {
            throw new IllegalArgumentException("halfScoreDensity must be in (0, 1), got " + halfScoreDensity);
        }
        if (repeatPosts < 2 || recentPosts < repeatPosts) {
            throw new IllegalArgumentException("need 2 <= repeatPosts <= recentPosts");
        }
        if (minimumCommenters < 1 || highConfidenceCommenters < minimumCommenters) {
            throw new IllegalArgumentException("need 1 <= minimumCommenters <= highConfidenceCommenters");
        }
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be positive, got " + evidenceLimit);
        }
    }

    /**
     * Defaults: 30 sampled followers at least (fewer pairs than ~450 make a density of a few percent a matter of
     * one or two edges), high confidence from 150; score 0.5 at 1% density; repeat commenters per PRODUCT.md (at
     * least 3 of the last 10 posts), from 10 distinct commenters on, high confidence from 100.
     */
    public static CohesionSettings defaults() {
        return new CohesionSettings(30, 150, 0.01, 10, 3, 10, 100, 10);
    }
}
