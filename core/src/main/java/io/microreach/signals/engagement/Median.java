package io.microreach.signals.engagement;

import java.util.Arrays;

/** Median of a sample, the mean of the two middle values when the count is even. */
final class Median {
    private Median() {}

    static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
