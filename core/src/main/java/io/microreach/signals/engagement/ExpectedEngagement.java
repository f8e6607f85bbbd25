package io.microreach.signals.engagement;

import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Expected engagement rate as a function of followers, fitted on the pool per platform (PRODUCT.md, "Expected ER").
 *
 * <p>Model: ordinary least squares of ln(ER) on ln(followers), one line per platform. Engagement per follower falls
 * roughly as a power of audience size (InstaFake's small accounts: exponent about −0.25; vendor benchmarks for larger
 * ones about −0.3 to −0.4), which is a straight line on log-log axes, and creator-to-creator spread is roughly
 * lognormal, so the residuals in ln are close to homoscedastic and normal and a z-score of the ln residual is
 * meaningful. Wies et al. (Journal of Marketing 2023) find an inverted U in follower count for some outcomes; a single
 * line is the documented start, and the curve records its follower range so extrapolation is visible.
 *
 * <p>ER of 0 has no logarithm: such observations are skipped and counted, not clamped to a made-up small value.
 * A platform with fewer than the minimum of usable observations, or with a single follower count, gets no curve.
 * The residual sd uses n − 2 degrees of freedom; the z-score ignores the fitted line's own uncertainty, which is
 * negligible at pool sizes where the curve is worth using (with n ≥ 30 the leverage term adds well under 10%).
 */
public final class ExpectedEngagement {
    /** Default minimum number of usable creators per platform. */
    public static final int DEFAULT_MINIMUM_POINTS = 30;

    private final Map<Platform, ErCurve> curves;
    private final Map<Platform, String> missing;

    private ExpectedEngagement(Map<Platform, ErCurve> curves, Map<Platform, String> missing) {
        this.curves = curves;
        this.missing = missing;
    }

    public static ExpectedEngagement fit(Collection<ErObservation> pool) {
        return fit(pool, DEFAULT_MINIMUM_POINTS);
    }

    /** @param minimumPoints usable observations a platform needs for a curve; at least 3 */
    public static ExpectedEngagement fit(Collection<ErObservation> pool, int minimumPoints) {
        Objects.requireNonNull(pool, "pool");
        if (minimumPoints < 3) {
            throw new IllegalArgumentException("minimumPoints must be at least 3: " + minimumPoints);
        }
        Map<Platform, List<ErObservation>> byPlatform = new EnumMap<>(Platform.class);
        for (ErObservation o : pool) {
            byPlatform.computeIfAbsent(o.platform(), p -> new ArrayList<>()).add(o);
        }
        Map<Platform, ErCurve> curves = new EnumMap<>(Platform.class);
        Map<Platform, String> missing = new EnumMap<>(Platform.class);
        byPlatform.forEach((platform, obs) -> {
            List<ErObservation> usable =
                    obs.stream().filter(o -> o.er() > 0 && o.followers() > 0).toList();
            int skipped = obs.size() - usable.size();
            if (usable.size() < minimumPoints) {
                missing.put(
                        platform,
                        "too few creators for an expected-ER curve on " + platform.id() + ": " + usable.size()
                                + " with ER > 0 (" + skipped + " skipped), at least " + minimumPoints + " needed");
                return;
            }
            ErCurve curve = leastSquares(platform, usable, skipped);
            if (curve == null) {
                missing.put(platform, "all creators on " + platform.id() + " have the same follower count");
            } else {
                curves.put(platform, curve);
            }
        });
        return new ExpectedEngagement(curves, missing);
    }

    Optional<ErCurve> curve(Platform platform) {
        return Optional.ofNullable(curves.get(platform));
    }

    /** The fitted curves, by platform order. */
    List<ErCurve> curves() {
        return List.copyOf(curves.values());
    }

    /** How {@code er} at {@code followers} compares with the platform's curve. */
    public ErDeviation deviation(Platform platform, long followers, double er) {
        Objects.requireNonNull(platform, "platform");
        if (!(er >= 0) || Double.isInfinite(er)) {
            throw new IllegalArgumentException("er must be a finite number >= 0: " + er);
        }
        ErCurve curve = curves.get(platform);
        if (curve == null) {
            String why = missing.getOrDefault(platform, "no creators on " + platform.id() + " in the pool");
            return new ErDeviation(er, null, null, null, null, false, null, why);
        }
        if (followers <= 0) {
            return new ErDeviation(er, null, null, null, null, false, curve, "zero followers: no expected ER");
        }
        double expected = curve.expectedEr(followers);
        boolean extrapolated = curve.extrapolates(followers);
        if (er == 0) {
            return new ErDeviation(
                    er, expected, 0.0, null, null, extrapolated, curve, "ER is 0: no log residual or z-score");
        }
        double residual = Math.log(er) - Math.log(expected);
        Double z = curve.residualSd() > 0 ? residual / curve.residualSd() : null;
        return new ErDeviation(
                er,
                expected,
                er / expected,
                residual,
                z,
                extrapolated,
                curve,
                z == null ? "the curve fits the pool exactly: no spread for a z-score" : null);
    }

    private static ErCurve leastSquares(Platform platform, List<ErObservation> obs, int skipped) {
        int n = obs.size();
        double mx = 0;
        double my = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ErObservation o : obs) {
            mx += Math.log(o.followers());
            my += Math.log(o.er());
            min = Math.min(min, o.followers());
            max = Math.max(max, o.followers());
        }
        mx /= n;
        my /= n;
        // Centred sums: numerically stable where the raw normal equations would cancel.
        double sxx = 0;
        double sxy = 0;
        for (ErObservation o : obs) {
            double dx = Math.log(o.followers()) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(o.er()) - my);
        }
        if (min == max || sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssr = 0;
        for (ErObservation o : obs) {
            double r = Math.log(o.er()) - (intercept + slope * Math.log(o.followers()));
            ssr += r * r;
        }
        double residualSd = Math.sqrt(ssr / (n - 2));
        return new ErCurve(platform, intercept, slope, residualSd / Math.sqrt(sxx), residualSd, n, skipped, min, max);
    }
}
