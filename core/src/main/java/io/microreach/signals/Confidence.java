package io.microreach.signals;

/**
 * How much a signal can be trusted given the amount of data behind it. Thresholds are per signal (a follower
 * sample of 200 and 30 posts are both "high"); {@link #of(long, long, long)} applies them.
 */
public enum Confidence {
    /** Too little data to say anything: the signal is reported as unavailable. */
    NONE,
    LOW,
    MEDIUM,
    HIGH;

    /**
     * @param n the sample size behind the signal
     * @param minimum below this the signal is unavailable
     * @param high from this on the confidence is high; between the two it is low, then medium from the midpoint
     */
    public static Confidence of(long n, long minimum, long high) {
        if (n < minimum) {
            return NONE;
        }
        if (n >= high) {
            return HIGH;
        }
        return n >= (minimum + high) / 2 ? MEDIUM : LOW;
    }
}
