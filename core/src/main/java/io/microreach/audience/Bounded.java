package io.microreach.audience;

/** An estimate with the lower and upper bound of its approximately 95% (2σ) interval. */
public record Bounded(double estimate, double lower, double upper) {
    public Bounded {
        if (!(lower <= estimate && estimate <= upper)) {
            throw new IllegalArgumentException(
                    "need lower <= estimate <= upper, got " + lower + ", " + estimate + ", " + upper);
        }
    }

    Bounded scaled(double factor, double cap) {
        return new Bounded(
                Math.min(cap, estimate * factor), Math.min(cap, lower * factor), Math.min(cap, upper * factor));
    }

    /** Whether {@code value} lies within the bounds. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
