package io.microreach.signals.commercial.evaluation;

/**
 * Precision, recall and F1 of one yes/no question, with the counts they come from; a figure is {@code null} when
 * its denominator is zero (nothing predicted, nothing to find), never a made-up 0 or 1.
 *
 * @param hits predicted and true
 * @param predicted predicted yes
 * @param actual labelled yes
 */
public record Scores(Double precision, Double recall, Double f1, int hits, int predicted, int actual) {

    static Scores of(int hits, int predicted, int actual) {
        Double p = predicted == 0 ? null : (double) hits / predicted;
        Double r = actual == 0 ? null : (double) hits / actual;
        Double f = p == null || r == null ? null : p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        return new Scores(p, r, f, hits, predicted, actual);
    }
}
