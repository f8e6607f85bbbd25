package io.microreach.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.generator.GeneratorConfig;
import io.microreach.pricing.Deliverable;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.GeneratedPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastTest {

    @Test
    void reachRateFollowsTheProductContract() {
        assertThat(ReachRates.feedReachRate(5_000)).isEqualTo(0.38);
        assertThat(ReachRates.feedReachRate(2_000_000)).isEqualTo(0.19);
        assertThat(ReachRates.feedReachRate(141_421)).isCloseTo(0.285, within(0.001)); // log midpoint
    }

    @Test
    void knownForecastOfAPost() {
        EngagementSpread spread = EngagementSpread.assumed(0.05);
        DeliverableForecast f = DeliverableForecast.of(Deliverable.POST, 10_000, spread, BrandRates.DEFAULTS);
        assertThat(f.engagements().p50()).isCloseTo(500, within(1e-9));
        assertThat(f.impressions().p50()).isCloseTo(3_800, within(1e-9));
        assertThat(f.clicks().p50()).isCloseTo(38, within(1e-9));
        assertThat(f.conversions().p50()).isCloseTo(0.76, within(1e-9));
        assertThat(f.revenue().p50()).isCloseTo(38, within(1e-9));
        assertThat(f.engagements().p10()).isLessThan(500);
        assertThat(f.engagements().p90()).isGreaterThan(500);
    }

    /** Planted truth: ERs drawn log-normal(μ, σ); the fitted band covers about 80% of fresh draws. */
    @Test
    void fittedBandCoversFreshLogNormalDrawsAtEightyPercent() {
        SplittableRandom rnd = new SplittableRandom(3);
        int inside = 0;
        int total = 0;
        for (int c = 0; c < 400; c++) {
            double mu = Math.log(0.02 + rnd.nextDouble() * 0.08);
            double sigma = 0.2 + rnd.nextDouble() * 0.6;
            List<double[]> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posts.add(new double[] {10_000 * Math.exp(mu + sigma * rnd.nextGaussian()), 10_000});
            }
            EngagementSpread s = EngagementSpread.fit(posts);
            for (int k = 0; k < 5; k++) {
                double er = Math.exp(mu + sigma * rnd.nextGaussian());
                total++;
                if (er >= s.p10() && er <= s.p90()) {
                    inside++;
                }
            }
        }
        assertThat((double) inside / total).isBetween(0.77, 0.83);
    }

    @Test
    void tQuantileApproachesTheNormal() {
        assertThat(EngagementSpread.tQuantile90(9)).isCloseTo(1.383, within(0.005));
        assertThat(EngagementSpread.tQuantile90(29)).isCloseTo(1.311, within(0.003));
        assertThat(EngagementSpread.tQuantile90(100_000)).isCloseTo(1.2816, within(0.001));
    }

    /** Calibration on generated data: held-out posts fall inside P10–P90 80% ± 5% of the time. */
    @Test
    void heldOutPostsOfGeneratedCreatorsFallInsideTheBandAtEightyPercent(@TempDir Path dir) {
        List<AccountActivity> pool = GeneratedPool.generate(GeneratorConfig.of(300, 11), dir).stream()
                .map(GeneratedPool.Member::activity)
                .toList();
        CalibrationResult r = ForecastCalibration.check(pool, 5, 30);
        assertThat(r.heldOut()).isGreaterThan(1000);
        assertThat(r.coverage()).as(r.toString()).isBetween(0.75, 0.85);
    }
}
