package io.microreach.forecast;

/** P10 / P50 / P90 of a forecast quantity. */
public record Band(double p10, double p50, double p90) {
    public Band {
        if (!(p10 <= p50 && p50 <= p90)) {
            throw new IllegalArgumentException("need p10 <= p50 <= p90, got " + p10 + ", " + p50 + ", " + p90);
        }
    }

    public Band times(double f) {
        return new Band(p10 * f, p50 * f, p90 * f);
    }

    /**
     * Sum of bands as if the quantities moved together (comonotone): the P50 is exact for symmetric spreads, the
     * P10/P90 are conservative (wider than for independent creators).
     */
    public Band plus(Band o) {
        return new Band(p10 + o.p10, p50 + o.p50, p90 + o.p90);
    }

    public boolean contains(double v) {
        return p10 <= v && v <= p90;
    }

    public static final Band ZERO = new Band(0, 0, 0);
}
