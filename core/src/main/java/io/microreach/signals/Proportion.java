package io.microreach.signals;

/**
 * A share estimated from a sample, with its Wilson score interval.
 *
 * <p>Wilson (1927) rather than the normal approximation: it stays inside [0, 1] and keeps close to its nominal
 * coverage for small samples and shares near 0 or 1, which is exactly where follower samples and reply counts live.
 *
 * @param successes counted items (e.g. suspicious followers)
 * @param sampleSize items looked at
 */
public record Proportion(long successes, long sampleSize, double estimate, double low, double high) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static Proportion wilson(long successes, long sampleSize) {
        return wilson(successes, sampleSize, Z95);
    }

    public static Proportion wilson(long successes, long sampleSize, double z) {
        if (sampleSize <= 0) {
            throw new IllegalArgumentException("sample size must be positive, got " + sampleSize);
        }
        if (successes < 0 || successes > sampleSize) {
            throw new IllegalArgumentException("successes must be within 0.." + sampleSize + ", got " + successes);
        }
        double n = sampleSize;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(successes, sampleSize, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
