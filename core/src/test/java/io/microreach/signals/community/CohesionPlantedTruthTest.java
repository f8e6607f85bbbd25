package io.microreach.signals.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth: the generator draws follow edges among each account's real sampled followers from a stochastic
 * block model (p_in within an audience pool, p_out across; bots have no ties). The score must rank the accounts in
 * the planted order.
 *
 * <p>Which planted order: the <em>expected density of the sample</em>, (1 − fake share)² · (p_in · Σw² + p_out ·
 * (1 − Σw²)) with w the audience-pool weights (the blocks), is what any statistic of the sample can recover: a
 * sample mixes blocks and bots, and without knowing who belongs to which pool nothing separates "dense blocks, many
 * of them" from "loose blocks, one of them". That planted quantity itself ranks only ~0.88 against p_in alone, so
 * "Spearman ≥ 0.9 against p_in" is out of reach for every sample statistic on this generator; we require ≥ 0.9
 * against the planted sample density, and still check the ranking against p_in (≥ 0.8) and the tight-knit /
 * loose split.
 */
class CohesionPlantedTruthTest {
    @TempDir
    static Path dir;

    static final List<double[]> rows = new ArrayList<>();

    @BeforeAll
    static void generate() {
        CohesionMeter meter = new CohesionMeter();
        for (GeneratedPool.Member m :
                GeneratedPool.generate(GeneratorConfig.of(300, 17).withFollowerSampleSize(150), dir)) {
            Cohesion c = meter.measure(m.activity());
            JsonNode truth = m.truth();
            JsonNode planted = truth.path("cohesion");
            double pIn = planted.path("p_in").asDouble();
            double pOut = planted.path("p_out").asDouble();
            double sumW2 = 0;
            for (JsonNode community : truth.path("communities")) {
                sumW2 += Math.pow(community.path("weight").asDouble(), 2);
            }
            double real = 1 - truth.path("follower_sample").path("fake_share").asDouble();
            double expectedDensity = real * real * (pIn * sumW2 + pOut * (1 - sumW2));
            RepeatCommenters r = c.repeatCommenters();
            rows.add(new double[] {
                c.score(),
                pIn,
                expectedDensity,
                planted.path("tight_knit").asBoolean() ? 1 : 0,
                r.available() ? r.share().estimate() : Double.NaN,
                truth.path("commenters").path("core_share").asDouble()
            });
        }
    }

    static double[] column(int k) {
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }

    @Test
    void scoreRanksAccountsByThePlantedSampleDensity() {
        assertThat(rows).hasSizeGreaterThan(300);
        double rho = spearman(column(0), column(2));
        System.out.printf("cohesion score vs planted sample density: Spearman %.3f (n=%d)%n", rho, rows.size());
        assertThat(rho).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void scoreRanksAccountsByPlantedWithinBlockConnectivity() {
        double rho = spearman(column(0), column(1));
        double ceiling = spearman(column(2), column(1));
        System.out.printf(
                "cohesion score vs planted p_in: Spearman %.3f (planted sample density vs p_in %.3f)%n", rho, ceiling);
        assertThat(rho).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void scoreSeparatesTightKnitFromLooseAudiences() {
        double[] score = column(0);
        double[] tight = column(3);
        double wins = 0;
        long pos = Arrays.stream(tight).filter(t -> t == 1).count();
        long neg = tight.length - pos;
        for (int i = 0; i < score.length; i++) {
            for (int j = 0; j < score.length; j++) {
                if (tight[i] == 1 && tight[j] == 0) {
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
            }
        }
        double auc = wins / (pos * neg);
        System.out.printf("tight-knit vs loose: AUC %.3f (%d tight, %d loose)%n", auc, pos, neg);
        assertThat(pos).isGreaterThan(20);
        assertThat(auc).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void repeatCommenterRatioFollowsThePlantedEngagedCore() {
        List<double[]> measured = rows.stream().filter(r -> !Double.isNaN(r[4])).toList();
        double rho = spearman(
                measured.stream().mapToDouble(r -> r[4]).toArray(),
                measured.stream().mapToDouble(r -> r[5]).toArray());
        System.out.printf(
                "repeat-commenter ratio vs planted core share: Spearman %.3f (%d of %d accounts)%n",
                rho, measured.size(), rows.size());
        assertThat(measured.size()).isGreaterThan(rows.size() / 2);
        assertThat(rho).isGreaterThanOrEqualTo(0.35);
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElseThrow();
        double mb = Arrays.stream(rb).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (ra[i] - ma) * (rb[i] - mb);
            aa += (ra[i] - ma) * (ra[i] - ma);
            bb += (rb[i] - mb) * (rb[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** Ranks with ties sharing their mean rank. */
    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] rank = new double[x.length];
        for (int i = 0; i < x.length; ) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return rank;
    }
}
