package io.microreach.signals.community;

/**
 * One graph statistic next to what an Erdős–Rényi random graph with the same number of nodes and the same density
 * would show. When the statistic is undefined (no edges for reciprocity, no node with two neighbours for
 * clustering, too small a sample) every number is {@code null} and {@link #unavailableReason()} says why.
 *
 * @param value the observed statistic
 * @param expected its expectation in the random graph
 * @param ratio {@code value / expected}; {@code null} when the expectation is 0 (an empty graph)
 * @param excess {@code value - expected}
 * @param basis how many items the statistic is taken over: ordered pairs for density, follow edges for
 *     reciprocity, nodes with at least two neighbours for clustering
 * @param unavailableReason {@code null} when the statistic is available
 */
public record GraphMetric(
        Double value, Double expected, Double ratio, Double excess, long basis, String unavailableReason) {

    static GraphMetric of(double value, double expected, long basis) {
        Double ratio = expected > 0 ? value / expected : null;
        return new GraphMetric(value, expected, ratio, value - expected, basis, null);
    }

    static GraphMetric unavailable(String reason, long basis) {
        return new GraphMetric(null, null, null, null, basis, reason);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
