package io.microreach.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws the generator needs, on top of a {@link SplittableRandom} whose seed is a hash of the run seed and
 * the key of the thing being generated (creator, account, person, post...). Keying every stream this way is what
 * makes a creator's output independent of the order and number of creators generated around it.
 *
 * <p>Transcendental functions come from {@link StrictMath} so that the same seed gives the same bytes on every JVM.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Rng of(long seed, long stream, long a) {
        return new Rng(Scrambler.hash(seed, stream, a, 0));
    }

    static Rng of(long seed, long stream, long a, long b) {
        return new Rng(Scrambler.hash(seed, stream, a, b));
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in (0, 1), safe for logarithms. */
    double open() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return u;
    }

    double between(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform integer in [lo, hi], both inclusive. */
    int intBetween(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double normal() {
        // Box-Muller without caching the second value: one call, one state advance pattern, simple to reproduce.
        return StrictMath.sqrt(-2 * StrictMath.log(open())) * StrictMath.cos(2 * StrictMath.PI * uniform());
    }

    /** Lognormal with the given median and log-scale standard deviation. */
    double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * normal());
    }

    /** Lognormal with the given mean (not median), for counts whose total should come out as configured. */
    double lognormalWithMean(double mean, double sigma) {
        return mean * StrictMath.exp(sigma * normal() - sigma * sigma / 2);
    }

    /** Marsaglia and Tsang's method; shapes below 1 use the boost {@code G(a) = G(a+1) * U^(1/a)}. */
    double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * StrictMath.pow(open(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = normal();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = open();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    double beta(double a, double b) {
        double x = gamma(a);
        double y = gamma(b);
        return x / (x + y);
    }

    /** Poisson by inversion for small means, a rounded normal above 40 (where the difference does not matter here). */
    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * normal()));
        }
        double limit = StrictMath.exp(-mean);
        double product = uniform();
        long k = 0;
        while (product > limit) {
            product *= uniform();
            k++;
        }
        return k;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Index in [0, n) with a popularity skew: low indices are drawn far more often (density ~ x^-skew). */
    int skewed(int n, double skew) {
        double x = StrictMath.pow(uniform(), 1 / (1 - skew));
        return (int) Math.min(n - 1, (long) (x * n));
    }
}
