package io.microreach.signals.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth: bought-follower spikes ({@code history.spikes[]}) and comment pods ({@code pod}) planted by the
 * generator must be found, with few false alarms per account. 600 creators (instead of ~300) so that there are a few
 * dozen spiking accounts and over ten pod members: with 7 positives a 90% recall would mean "all or nothing". A
 * follower sample of 10 keeps the generation fast; these checks do not read followers.
 */
class AnomaliesPlantedTruthTest {
    @TempDir
    static Path dir;

    static List<GeneratedPool.Member> pool;
    static final Map<String, Anomalies> results = new HashMap<>();

    @BeforeAll
    static void generate() {
        pool = GeneratedPool.generate(GeneratorConfig.of(600, 23).withFollowerSampleSize(10), dir);
        AnomalyDetector detector = new AnomalyDetector();
        Map<String, List<Double>> ratios = new HashMap<>();
        for (GeneratedPool.Member m : pool) {
            LikeCommentRatio r = detector.likeCommentRatio(m.activity().posts(), null);
            if (r.ratio() != null) {
                ratios.computeIfAbsent(group(m), k -> new ArrayList<>()).add(r.ratio());
            }
        }
        Map<String, PeerRatios> peers = new HashMap<>();
        ratios.forEach((g, list) -> peers.put(g, PeerRatios.of(g, list)));
        for (GeneratedPool.Member m : pool) {
            results.put(m.key(), detector.detect(m.activity(), peers.get(group(m))));
        }
    }

    static String group(GeneratedPool.Member m) {
        return m.activity().account().platform().id() + "/"
                + m.truth().path("tier").asText();
    }

    @Test
    void plantedFollowerSpikesAreFlaggedOnTheirDay() {
        int spiking = 0;
        int accountsFound = 0;
        int planted = 0;
        int found = 0;
        int clean = 0;
        int falseAlarms = 0;
        for (GeneratedPool.Member m : pool) {
            JsonNode spikes = m.truth().path("history").path("spikes");
            Set<String> flagged = new HashSet<>();
            results.get(m.key()).spikes().forEach(s -> flagged.add(s.date().toString()));
            if (spikes.isEmpty()) {
                clean++;
                falseAlarms += flagged.isEmpty() ? 0 : 1;
                continue;
            }
            spiking++;
            int hits = 0;
            for (JsonNode s : spikes) {
                planted++;
                hits += flagged.contains(s.path("date").asText()) ? 1 : 0;
            }
            found += hits;
            accountsFound += hits > 0 ? 1 : 0;
        }
        System.out.printf(
                "spikes: %d/%d planted spikes on their day, %d/%d spiking accounts flagged, false alarms %d/%d clean"
                        + " accounts%n",
                found, planted, accountsFound, spiking, falseAlarms, clean);
        assertThat(spiking).isGreaterThanOrEqualTo(20);
        assertThat((double) found / planted).isGreaterThanOrEqualTo(0.9);
        assertThat((double) accountsFound / spiking).isGreaterThanOrEqualTo(0.9);
        assertThat((double) falseAlarms / clean).isLessThanOrEqualTo(0.05);
    }

    @Test
    void plantedPodsAreFoundWithTheirMembers() {
        int members = 0;
        int found = 0;
        int clean = 0;
        int falseAlarms = 0;
        int memberIdsRight = 0;
        for (GeneratedPool.Member m : pool) {
            JsonNode planted = m.truth().path("pod");
            Pod pod = results.get(m.key()).pod();
            if (planted.isNull()) {
                clean++;
                falseAlarms += pod == null ? 0 : 1;
                continue;
            }
            members++;
            if (pod != null) {
                found++;
                Set<String> truth = new HashSet<>();
                planted.path("member_ids").forEach(id -> truth.add(id.asText()));
                if (pod.members().stream().allMatch(pm -> truth.contains(pm.id()))) {
                    memberIdsRight++;
                }
                assertThat(pod.genericShare()).isGreaterThan(0.5);
            }
        }
        System.out.printf(
                "pods: %d/%d pod accounts flagged (%d with only true members), false alarms %d/%d%n",
                found, members, memberIdsRight, falseAlarms, clean);
        assertThat(members).isGreaterThanOrEqualTo(10);
        assertThat((double) found / members).isGreaterThanOrEqualTo(0.9);
        assertThat(memberIdsRight).isEqualTo(found);
        assertThat((double) falseAlarms / clean).isLessThanOrEqualTo(0.05);
    }

    @Test
    void podAccountsHaveMoreGenericCommentsAndRatiosFollowThePlantedLikesPerComment() {
        double podShare = 0;
        double otherShare = 0;
        int pods = 0;
        int others = 0;
        int compared = 0;
        int outliers = 0;
        List<double[]> pairs = new ArrayList<>();
        for (GeneratedPool.Member m : pool) {
            Anomalies a = results.get(m.key());
            if (a.genericCommentShare() != null) {
                if (m.truth().path("pod").isNull()) {
                    otherShare += a.genericCommentShare().estimate();
                    others++;
                } else {
                    podShare += a.genericCommentShare().estimate();
                    pods++;
                }
            }
            LikeCommentRatio r = a.likeCommentRatio();
            if (r.robustZ() != null) {
                compared++;
                outliers += r.outlier() ? 1 : 0;
                pairs.add(new double[] {
                    r.ratio(),
                    m.truth().path("engagement").path("likes_per_comment").asDouble()
                });
            }
        }
        double rho = spearman(
                pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
        System.out.printf(
                "generic share: pod accounts %.2f, others %.2f; like/comment ratio vs planted likes_per_comment"
                        + " Spearman %.3f; outliers %d/%d%n",
                podShare / pods, otherShare / others, rho, outliers, compared);
        assertThat(podShare / pods).isGreaterThan(otherShare / others + 0.1);
        assertThat(rho).isGreaterThanOrEqualTo(0.5);
        assertThat((double) outliers / compared)
                .as("no planted ratio anomalies: few flags")
                .isLessThanOrEqualTo(0.05);
    }

    /** Spearman's rank correlation (ties get their mean rank). */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double mean = (a.length + 1) / 2.0;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (ra[i] - mean) * (rb[i] - mean);
            aa += (ra[i] - mean) * (ra[i] - mean);
            bb += (rb[i] - mean) * (rb[i] - mean);
        }
        return ab / Math.sqrt(aa * bb);
    }

    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> x[i]));
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
