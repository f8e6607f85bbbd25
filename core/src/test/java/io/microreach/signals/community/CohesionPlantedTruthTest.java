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
 * block model (p_in within an audience pool, p_out across; a tie is returned with the planted reciprocity; bots have
 * no ties), and marks each audience tight-knit or loose.
 *
 * <p>What the score must recover: the tight-knit / loose split, and the planted reciprocity through its reciprocity
 * part. Not the planted density: the score measures structure above chance (see {@link CohesionMeter}), and the
 * density is what falls with community size on real data. The generator closes open triangles inside every
 * community (with probability 0.5 when tight-knit, 0.3 when loose) so that its clustering looks like real social
 * graphs; loose audiences therefore cluster well above chance too, and the split rests on the difference in
 * closure, on reciprocity and on how many ties there are to measure them on. An AUC of 0.90 is the bar: before the
 * generator closed triangles the split was 0.97, on the triangle-closing generator it is about 0.93.
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
            RepeatCommenters r = c.repeatCommenters();
            rows.add(new double[] {
                c.score(),
                planted.path("tight_knit").asBoolean() ? 1 : 0,
                r.available() ? r.share().estimate() : Double.NaN,
                truth.path("commenters").path("core_share").asDouble(),
                c.parts().reciprocity(),
                planted.path("reciprocity").asDouble(),
                c.edges()
            });
        }
    }

    static double[] column(int k) {
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }

    @Test
    void reciprocityPartRanksAccountsByThePlantedReciprocity() {
        List<double[]> measured = rows.stream().filter(r -> r[6] >= 20).toList();
        double rho = spearman(
                measured.stream().mapToDouble(r -> r[4]).toArray(),
                measured.stream().mapToDouble(r -> r[5]).toArray());
        System.out.printf(
                "reciprocity part vs planted reciprocity: Spearman %.3f (%d accounts with 20 or more edges)%n",
                rho, measured.size());
        assertThat(measured.size()).isGreaterThan(rows.size() / 2);
        assertThat(rho).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void scoreSeparatesTightKnitFromLooseAudiences() {
        double[] score = column(0);
        double[] tight = column(1);
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
        assertThat(auc).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void repeatCommenterRatioFollowsThePlantedEngagedCore() {
        List<double[]> measured = rows.stream().filter(r -> !Double.isNaN(r[2])).toList();
        double rho = spearman(
                measured.stream().mapToDouble(r -> r[2]).toArray(),
                measured.stream().mapToDouble(r -> r[3]).toArray());
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
