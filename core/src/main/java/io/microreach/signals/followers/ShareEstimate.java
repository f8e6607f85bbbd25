package io.microreach.signals.followers;

/**
 * The suspicious share corrected for the classifier's errors, with its 95% interval.
 *
 * @param share the Rogan–Gladen estimate of the true suspicious share, 0–1
 * @param low lower bound: the Wilson lower bound of the flagged share, corrected the same way
 * @param high upper bound: the Wilson upper bound of the flagged share, corrected the same way
 */
public record ShareEstimate(double share, double low, double high) {
    public ShareEstimate {
        if (!(0 <= low && low <= share && share <= high && high <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 <= low <= share <= high <= 1, got " + low + ", " + share + ", " + high);
        }
    }
}
