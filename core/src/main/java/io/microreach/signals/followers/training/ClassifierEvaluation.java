package io.microreach.signals.followers.training;

import io.microreach.signals.followers.SuspiciousFollowerModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How well a classifier separates suspicious from genuine profiles on a labelled set: the confusion counts at a
 * threshold, the rates derived from them, and the threshold-free ROC-AUC.
 *
 * <p>ROC-AUC is computed exactly as the Mann–Whitney rank statistic, {@code AUC = (R₊ − n₊(n₊+1)/2) ÷ (n₊·n₋)},
 * where {@code R₊} is the sum of the suspicious profiles' ranks among all scores and tied scores share their mean
 * rank, so a tie between a suspicious and a genuine profile counts one half. That equals the probability that a
 * random suspicious profile scores above a random genuine one (Hanley &amp; McNeil 1982), in O(n log n). A rate
 * whose denominator is zero (precision with nothing flagged, AUC with one class absent) is empty, not a number.
 *
 * @param threshold profiles with probability ≥ threshold count as flagged
 * @param mcc Matthews correlation coefficient (used by Cresci et al. 2015, quoted in PRODUCT.md)
 */
public record ClassifierEvaluation(
        int n,
        int positives,
        int negatives,
        int truePositives,
        int falsePositives,
        int trueNegatives,
        int falseNegatives,
        double threshold,
        double accuracy,
        OptionalDouble precision,
        OptionalDouble recall,
        OptionalDouble falsePositiveRate,
        OptionalDouble rocAuc,
        OptionalDouble mcc) {

    /** Scores {@code data} with {@code model} and evaluates at the model's threshold. */
    public static ClassifierEvaluation of(SuspiciousFollowerModel model, List<LabelledProfile> data) {
        List<LabelledScore> scored = new ArrayList<>(data.size());
        for (LabelledProfile p : data) {
            scored.add(new LabelledScore(model.probability(p.profile()), p.suspicious()));
        }
        return of(scored, model.threshold());
    }

    /** @throws IllegalArgumentException for an empty list */
    static ClassifierEvaluation of(List<LabelledScore> scored, double threshold) {
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no labelled scores");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (LabelledScore s : scored) {
            boolean flagged = s.probability() >= threshold;
            if (s.suspicious()) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        int n = scored.size();
        double mccDenominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return new ClassifierEvaluation(
                n,
                tp + fn,
                tn + fp,
                tp,
                fp,
                tn,
                fn,
                threshold,
                (double) (tp + tn) / n,
                ratio(tp, tp + fp),
                ratio(tp, tp + fn),
                ratio(fp, fp + tn),
                rocAuc(scored),
                mccDenominator == 0
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(((double) tp * tn - (double) fp * fn) / mccDenominator));
    }

    /** Exact ROC-AUC by the rank statistic with mid-ranks for ties; empty when a class is absent. */
    static OptionalDouble rocAuc(List<LabelledScore> scored) {
        LabelledScore[] sorted = scored.toArray(LabelledScore[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(LabelledScore::probability));
        long positives = 0;
        double rankSum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            int positivesInTie = 0;
            while (j < sorted.length && sorted[j].probability() == sorted[i].probability()) {
                positivesInTie += sorted[j].suspicious() ? 1 : 0;
                j++;
            }
            // Ranks i+1..j share their mean.
            rankSum += positivesInTie * ((i + 1) + j) / 2.0;
            positives += positivesInTie;
            i = j;
        }
        long negatives = sorted.length - positives;
        if (positives == 0 || negatives == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives));
    }

    private static OptionalDouble ratio(int numerator, int denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
