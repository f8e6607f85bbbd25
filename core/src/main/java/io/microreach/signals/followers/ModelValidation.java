package io.microreach.signals.followers;

/**
 * How the model's threshold performed on profiles it was not fitted on, measured when it was trained. The
 * suspicious share uses {@link #sensitivity()} and {@link #specificity()} to correct a raw flagged count for the
 * classifier's errors.
 *
 * @param method how the numbers were obtained (e.g. out-of-fold predictions of a k-fold cross-validation)
 * @param positives suspicious profiles validated on
 * @param negatives genuine profiles validated on
 * @param truePositives suspicious profiles flagged
 * @param trueNegatives genuine profiles not flagged
 */
public record ModelValidation(String method, int positives, int negatives, int truePositives, int trueNegatives) {

    public ModelValidation {
        if (positives <= 0 || negatives <= 0) {
            throw new IllegalArgumentException("validation needs both classes, got " + positives + " suspicious and "
                    + negatives + " genuine profiles");
        }
        if (truePositives < 0 || truePositives > positives || trueNegatives < 0 || trueNegatives > negatives) {
            throw new IllegalArgumentException("true positives/negatives must be within the class sizes");
        }
    }

    /** True-positive rate: the share of suspicious profiles that the threshold flags. */
    public double sensitivity() {
        return (double) truePositives / positives;
    }

    /** True-negative rate: the share of genuine profiles that the threshold leaves alone. */
    public double specificity() {
        return (double) trueNegatives / negatives;
    }

    public double falsePositiveRate() {
        return 1 - specificity();
    }
}
