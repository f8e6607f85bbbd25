package io.microreach.evaluation;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Spearman's rank correlation: Pearson's correlation of the two samples' ranks, ties sharing their average rank. It
 * asks only whether the measured values order the accounts as the truth does, so a measure on another scale (a
 * density against a cohesion score) can still be judged.
 *
 * <p>{@link #separation} is the same idea for a yes/no truth: the Mann-Whitney statistic divided by the number of
 * positive-negative pairs, i.e. the area under the ROC curve (Hanley &amp; McNeil 1982), taken from the same tied
 * ranks so that a tie counts half.
 */
public final class RankCorrelation {
    private RankCorrelation() {}

    /**
     * The correlation of the ranks of {@code x} and {@code y} (paired by index), or empty when there are fewer than
     * three pairs or either sample is constant (no order to compare).
     */
    public static OptionalDouble spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("samples of different sizes: " + x.length + " and " + y.length);
        }
        if (x.length < 3) {
            return OptionalDouble.empty();
        }
        double[] a = ranks(x);
        double[] b = ranks(y);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? OptionalDouble.empty() : OptionalDouble.of(cov / Math.sqrt(va * vb));
    }

    /**
     * The probability that a randomly drawn positive scores above a randomly drawn negative (ties count half), or
     * empty when either class is absent.
     */
    public static OptionalDouble separation(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(
                    "samples of different sizes: " + scores.length + " and " + positive.length);
        }
        double[] r = ranks(scores);
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < r.length; i++) {
            if (positive[i]) {
                rankSum += r[i];
                positives++;
            }
        }
        long negatives = r.length - positives;
        if (positives == 0 || negatives == 0) {
            return OptionalDouble.empty();
        }
        double u = rankSum - positives * (positives + 1) / 2.0;
        return OptionalDouble.of(u / ((double) positives * negatives));
    }

    /** 1-based ranks in ascending order; tied values share the mean of the ranks they span. */
    public static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] ranks = new double[order.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
