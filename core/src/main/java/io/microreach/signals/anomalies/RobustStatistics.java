package io.microreach.signals.anomalies;

import java.util.Arrays;

/**
 * Median, median absolute deviation and the robust z-score (x − median) / (1.4826 · MAD). 1.4826 = 1 / Φ⁻¹(3/4)
 * makes the MAD estimate the standard deviation of a normal distribution (Rousseeuw &amp; Croux, JASA 88, 1993), so
 * the z-score reads like a classical one while a few outliers (the spikes themselves) cannot inflate the scale.
 */
final class RobustStatistics {
    static final double MAD_TO_SD = 1.4826;

    private RobustStatistics() {}

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of nothing");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double mad(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations);
    }
}
