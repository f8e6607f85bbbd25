package io.microreach.signals.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth: the generator records every account's median ER (per follower at posting time, of its non-sponsored
 * posts), its platform curve, its view-rate factor and its likes per comment (docs/generator.md); the measured
 * values must recover them. The measured median also includes sponsored posts (× 0.75) and Poisson noise, so it is
 * expected a little below the planted one.
 */
class EngagementPlantedTruthTest {
    /** TikTok's median engagements per view before the creator's factor (docs/generator.md, "Views"). */
    static final double TIKTOK_RATE_PER_VIEW = 0.075;

    @TempDir
    static Path dir;

    record Measured(GeneratedPool.Member member, EngagementRate er, LikeCommentRatio lc) {
        JsonNode planted() {
            return member.truth().path("engagement");
        }

        double plantedEr() {
            return planted().path("median_er").asDouble();
        }

        Platform platform() {
            return member.activity().account().platform();
        }

        long followers() {
            return member.activity().account().followers();
        }

        Tier tier() {
            return TierPolicy.defaults().tierOf(member.activity().account());
        }
    }

    static List<Measured> pool;
    static List<Measured> rated;

    @BeforeAll
    static void generate() {
        List<GeneratedPool.Member> members = GeneratedPool.generate(
                GeneratorConfig.of(600, 11).withFollowerSampleSize(5).withHistoryDays(30), dir);
        EngagementRates rates = new EngagementRates();
        pool = members.stream()
                .map(m -> new Measured(m, rates.engagementRate(m.activity()), rates.likeCommentRatio(m.activity())))
                .toList();
        rated = pool.stream().filter(m -> m.er.available()).toList();
    }

    @Test
    void measuredMedianErRecoversThePlantedOne() {
        assertThat(pool).hasSizeGreaterThan(600);
        assertThat(rated.size()).isGreaterThanOrEqualTo(pool.size() * 95 / 100);
        double[] measured = values(rated, m -> m.er.median());
        double[] planted = values(rated, Measured::plantedEr);
        double[] relError = new double[measured.length];
        double[] ratio = new double[measured.length];
        for (int i = 0; i < measured.length; i++) {
            ratio[i] = measured[i] / planted[i];
            relError[i] = Math.abs(ratio[i] - 1);
        }
        double spearman = Ranks.spearman(measured, planted);
        double mdare = Median.of(relError);
        System.out.printf(
                "planted ER: %d of %d accounts rated, Spearman %.3f, median abs rel error %.3f, median ratio %.3f%n",
                rated.size(), pool.size(), spearman, mdare, Median.of(ratio));
        assertThat(spearman).isGreaterThanOrEqualTo(0.95);
        assertThat(mdare).isLessThanOrEqualTo(0.15);
        // Sponsored posts pull the measured median a little below the planted organic one, never above.
        assertThat(Median.of(ratio)).isBetween(0.85, 1.02);
        assertThat(rated).allSatisfy(m -> {
            assertThat(m.er.followerBasis()).isEqualTo(FollowerBasis.AT_POST);
            assertThat(m.er.postsUsed()).isBetween(5, 30);
            assertThat(m.er.evidencePostIds()).hasSizeGreaterThanOrEqualTo(m.er.postsUsed());
        });
    }

    @Test
    void medianErFallsWithTierAsPlanted() {
        Map<Tier, List<Measured>> byTier = new EnumMap<>(Tier.class);
        for (Measured m : rated) {
            byTier.computeIfAbsent(m.tier(), t -> new ArrayList<>()).add(m);
        }
        Map<Tier, Double> measured = new EnumMap<>(Tier.class);
        for (var e : byTier.entrySet()) {
            double med = Median.of(values(e.getValue(), m -> m.er.median()));
            double planted = Median.of(values(e.getValue(), Measured::plantedEr));
            measured.put(e.getKey(), med);
            System.out.printf(
                    "tier %s: n=%d measured median ER %.4f planted %.4f%n",
                    e.getKey(), e.getValue().size(), med, planted);
            assertThat(med).as("tier " + e.getKey()).isCloseTo(planted, within(0.25 * planted));
        }
        List<Measured> top = new ArrayList<>(byTier.get(Tier.MACRO));
        top.addAll(byTier.get(Tier.MEGA));
        double topMedian = Median.of(values(top, m -> m.er.median()));
        // Macro and mega hold ~5 accounts each here, from mixed platforms, so they are compared together.
        assertThat(measured.get(Tier.NANO)).isGreaterThan(measured.get(Tier.MICRO));
        assertThat(measured.get(Tier.MICRO)).isGreaterThan(measured.get(Tier.MID));
        assertThat(measured.get(Tier.MID)).isGreaterThan(topMedian);
        assertThat(measured.get(Tier.MICRO)).isGreaterThan(2 * measured.get(Tier.MEGA));
    }

    @Test
    void fittedCurveFallsWithFollowersLikeThePlantedOne() {
        ExpectedEngagement fit = ExpectedEngagement.fit(rated.stream()
                .map(m -> new ErObservation(m.platform(), m.followers(), m.er.median()))
                .toList());
        ExpectedEngagement plantedFit = ExpectedEngagement.fit(rated.stream()
                .map(m -> new ErObservation(m.platform(), m.followers(), m.plantedEr()))
                .toList());
        assertThat(fit.curves()).hasSize(4);
        for (ErCurve curve : fit.curves()) {
            double plantedSlope =
                    plantedFit.curve(curve.platform()).orElseThrow().slope();
            System.out.printf(
                    "%s: slope %.3f (on planted values %.3f), residual sd %.3f, n=%d%n",
                    curve.platform().id(), curve.slope(), plantedSlope, curve.residualSd(), curve.points());
            assertThat(curve.slope()).isNegative();
            assertThat(curve.slope()).isCloseTo(plantedSlope, within(0.05));
        }

        // The deviation from the curve recovers the planted creator factor (median ER ÷ platform curve).
        double[] residual = values(
                rated,
                m -> fit.deviation(m.platform(), m.followers(), m.er.median()).logResidual());
        double[] factor = values(
                rated, m -> m.plantedEr() / m.planted().path("expected_er").asDouble());
        double rho = Ranks.spearman(residual, factor);
        System.out.printf("log residual vs planted creator factor: Spearman %.3f%n", rho);
        assertThat(rho).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void peerPercentilesRankCreatorsAsThePlantedValuesDo() {
        PeerDistribution measured = PeerDistribution.of(rated.stream()
                .map(m -> PeerValue.of(m.platform(), m.tier(), null, m.er.median()))
                .toList());
        PeerDistribution planted = PeerDistribution.of(rated.stream()
                .map(m -> PeerValue.of(m.platform(), m.tier(), null, m.plantedEr()))
                .toList());
        List<double[]> pairs = new ArrayList<>();
        for (Measured m : rated) {
            PeerGroup group = PeerGroup.of(m.platform(), m.tier());
            Percentile a = measured.percentile(group, m.er.median());
            Percentile b = planted.percentile(group, m.plantedEr());
            assertThat(a.available()).isEqualTo(b.available());
            if (a.available()) {
                pairs.add(new double[] {a.percentile(), b.percentile()});
            }
        }
        double rho = Ranks.spearman(
                pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
        System.out.printf(
                "percentile among platform x tier peers vs planted: n=%d, Spearman %.3f%n", pairs.size(), rho);
        assertThat(pairs.size()).isGreaterThan(rated.size() / 2);
        assertThat(rho).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void erByViewsRecoversThePlantedViewRate() {
        List<Measured> tiktok =
                rated.stream().filter(m -> m.platform() == Platform.TIKTOK).toList();
        assertThat(tiktok).allSatisfy(m -> assertThat(m.er.medianByViews()).isNotNull());
        double[] measured = values(tiktok, m -> m.er.medianByViews());
        double[] planted = values(
                tiktok,
                m -> TIKTOK_RATE_PER_VIEW * m.planted().path("view_rate_factor").asDouble());
        double[] relError = new double[measured.length];
        for (int i = 0; i < measured.length; i++) {
            relError[i] = Math.abs(measured[i] / planted[i] - 1);
        }
        double rho = Ranks.spearman(measured, planted);
        System.out.printf(
                "TikTok ER by views: n=%d, Spearman %.3f, median abs rel error %.3f%n",
                tiktok.size(), rho, Median.of(relError));
        assertThat(rho).isGreaterThanOrEqualTo(0.8);
        assertThat(Median.of(relError)).isLessThanOrEqualTo(0.15);
        // Bluesky reports no views: never a rate by views.
        assertThat(rated.stream().filter(m -> m.platform() == Platform.BLUESKY))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.er.medianByViews()).isNull());
    }

    @Test
    void likeToCommentRatioFollowsThePlantedOne() {
        List<Measured> ok = pool.stream().filter(m -> m.lc.available()).toList();
        double rho = Ranks.spearman(
                values(ok, m -> m.lc.median()),
                values(ok, m -> m.planted().path("likes_per_comment").asDouble()));
        System.out.printf("likes per comment: %d of %d rated, Spearman %.3f%n", ok.size(), pool.size(), rho);
        assertThat(ok.size()).isGreaterThan(pool.size() * 3 / 4);
        assertThat(rho).isGreaterThanOrEqualTo(0.7);
    }

    private static double[] values(List<Measured> list, ToDoubleFunction<Measured> f) {
        return list.stream().mapToDouble(f).toArray();
    }
}
