package io.microreach.signals.community;

/**
 * Thresholds of the cohesion signal.
 *
 * @param minimumNodes below this many sampled followers the graph metrics and the score are unavailable
 * @param highConfidenceNodes from this many sampled followers on the node count allows a high confidence
 * @param scoring how the score is combined and shrunk, and how many edges each confidence level needs
 * @param recentPosts the repeat-commenter ratio looks at this many most recent posts
 * @param repeatPosts a commenter on at least this many of them is a repeat commenter
 * @param minimumCommenters below this many distinct commenters the repeat-commenter ratio is unavailable
 * @param highConfidenceCommenters from this many distinct commenters on its confidence is high
 * @param evidenceLimit at most this many ids are returned as evidence
 */
record CohesionSettings(
        int minimumNodes,
        int highConfidenceNodes,
        Scoring scoring,
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
        if (scoring == null) {
            throw new IllegalArgumentException("scoring is missing");
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
     * Defaults: 30 sampled followers at least (fewer than ~450 pairs make every statistic a matter of one or two
     * edges), high confidence from 150 with enough edges (see {@link Scoring#defaults()}); repeat commenters per
     * PRODUCT.md (at least 3 of the last 10 posts), from 10 distinct commenters on, high confidence from 100.
     */
    public static CohesionSettings defaults() {
        return new CohesionSettings(30, 150, Scoring.defaults(), 10, 3, 10, 100, 10);
    }

    /**
     * How the score combines its parts (see {@link CohesionMeter}).
     *
     * @param clusteringWeight weight of the clustering excess
     * @param reciprocityWeight weight of the reciprocity excess
     * @param repeatWeight weight of the repeat-commenter share, when it is measured
     * @param clusteringPriorNodes pseudo-nodes at the random expectation that the mean local clustering is shrunk
     *     with
     * @param reciprocityPriorEdges pseudo-edges at the random expectation that the reciprocity is shrunk with
     * @param repeatPriorCommenters pseudo-commenters who never return that the repeat-commenter share is shrunk with
     * @param mediumConfidenceEdges below this many follow edges the confidence is low
     * @param highConfidenceEdges from this many follow edges (and {@code highConfidenceNodes} nodes) it is high
     */
    record Scoring(
            double clusteringWeight,
            double reciprocityWeight,
            double repeatWeight,
            double clusteringPriorNodes,
            double reciprocityPriorEdges,
            double repeatPriorCommenters,
            long mediumConfidenceEdges,
            long highConfidenceEdges) {

        public Scoring {
            if (!(clusteringWeight >= 0 && reciprocityWeight >= 0 && repeatWeight >= 0)
                    || clusteringWeight + reciprocityWeight <= 0) {
                throw new IllegalArgumentException(
                        "weights must be non-negative and clusteringWeight + reciprocityWeight positive");
            }
            if (!(clusteringPriorNodes >= 0 && reciprocityPriorEdges >= 0 && repeatPriorCommenters >= 0)) {
                throw new IllegalArgumentException("prior counts must be non-negative");
            }
            if (mediumConfidenceEdges < 0 || highConfidenceEdges < mediumConfidenceEdges) {
                throw new IllegalArgumentException("need 0 <= mediumConfidenceEdges <= highConfidenceEdges");
            }
        }

        /**
         * Clustering 0.5, reciprocity 0.3, repeat commenters 0.2: clustering is the part only a community shows
         * (a crowd following one account closes no triangles), reciprocity the part a real audience shows most
         * often, the repeat share the part pods can fake. Priors of 5 nodes, 10 edges and 10 commenters: a
         * handful of ties moves the score little, a few dozen move it nearly fully. Confidence: low below 20 follow
         * edges, high from 100.
         */
        static Scoring defaults() {
            return new Scoring(0.5, 0.3, 0.2, 5, 10, 10, 20, 100);
        }
    }
}
