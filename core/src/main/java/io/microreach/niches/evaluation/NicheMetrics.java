package io.microreach.niches.evaluation;

/**
 * Precision, recall and F1 of one niche.
 *
 * @param support texts that truly belong to the niche
 * @param predicted texts the classifier put in the niche
 */
public record NicheMetrics(
        String nicheId, int support, int predicted, int truePositives, double precision, double recall, double f1) {}
