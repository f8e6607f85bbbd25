package io.microreach.planner;

/** How many chosen creators a niche or platform must (min) and may (max) have. */
public record Quota(int min, int max) {
    public Quota {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("quota needs 0 <= min <= max, got min=" + min + " max=" + max);
        }
    }

    public static Quota atLeast(int min) {
        return new Quota(min, Integer.MAX_VALUE);
    }

    public static Quota atMost(int max) {
        return new Quota(0, max);
    }
}
