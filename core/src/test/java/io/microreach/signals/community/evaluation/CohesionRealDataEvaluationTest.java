package io.microreach.signals.community.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.NetworkResult;
import io.microreach.signals.community.evaluation.CohesionRealDataEvaluation.Options;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth for the real-data evaluation: friend groups score clearly above their degree-preserving
 * randomisations, a random graph does not, and the density-only score cannot tell them apart. Plus the reader, on
 * small hand-made files in the data set's format.
 */
class CohesionRealDataEvaluationTest {
    private static final Options SMALL = new Options(5, 3, List.of(100), 11);

    /** Groups of 12 friends (pairs tied with probability 0.5) and about one tie per person across groups. */
    static UndirectedGraph friendGroups(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = i / 12 == j / 12 ? 0.5 : 2.0 / n;
                if (rng.nextDouble() < p) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return new UndirectedGraph(
                n,
                edges.stream().mapToInt(e -> e[0]).toArray(),
                edges.stream().mapToInt(e -> e[1]).toArray());
    }

    @Test
    void plantedFriendGroupsScoreClearlyAboveTheirRandomisations() {
        NetworkResult r = new CohesionRealDataEvaluation().evaluate("groups", friendGroups(300, 5), SMALL);

        assertThat(r.clustering()).isGreaterThan(2 * r.randomisedClustering());
        for (var c : List.of(r.after(), r.afterOneWay())) {
            assertThat(c.observed()).isGreaterThan(c.degreePreserving().mean() + 0.15);
            if (c.degreePreserving().sd() > 1e-9) {
                assertThat(c.z()).isGreaterThan(5.0);
            } else {
                assertThat(c.z()).as("every randomisation scored the same (0)").isNull();
            }
            assertThat(c.observed()).isGreaterThan(c.erdosRenyi().mean() + 0.15);
        }
        assertThat(r.before().z())
                .as("the density-only score is the same for a graph and its randomisations")
                .isNull();
        assertThat(r.before().observed())
                .isEqualTo(r.before().degreePreserving().mean(), within());
        assertThat(r.samples()).singleElement().satisfies(s -> {
            assertThat(s.size()).isEqualTo(100);
            assertThat(s.after().mean())
                    .isGreaterThan(r.after().degreePreserving().mean() + 0.1);
        });
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    @Test
    void aRandomGraphIsNotAboveItsRandomisations() {
        UndirectedGraph g = RandomGraphs.erdosRenyi(300, 900, 8);
        NetworkResult r = new CohesionRealDataEvaluation().evaluate("random", g, SMALL);

        assertThat(r.afterOneWay().observed()).isLessThan(0.03);
        assertThat(r.after().observed())
                .as("mutual reading: only the returned follows count")
                .isLessThan(r.after().degreePreserving().mean() + 0.03);
        assertThat(r.parts().clustering()).isBetween(-0.03, 0.03);
    }

    @Test
    void readsEgoNetworksAndTheCombinedGraph(@TempDir Path data) throws Exception {
        Path folder = Files.createDirectories(data.resolve(EgoNetworks.FOLDER));
        StringBuilder edges = new StringBuilder();
        StringBuilder feat = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            feat.append(100 + i).append(" 0 1 0\n");
            for (int j = i + 1; j < 40 && j < i + 3; j++) {
                edges.append(100 + i).append(' ').append(100 + j).append('\n');
                edges.append(100 + j).append(' ').append(100 + i).append('\n');
            }
        }
        feat.append("999 1 1 1\n"); // a friend without friendships among the others
        Files.writeString(folder.resolve("7.edges"), edges);
        Files.writeString(folder.resolve("7.feat"), feat);
        Files.writeString(folder.resolve("12.edges"), edges);
        Files.writeString(folder.resolve("combined_unused.txt"), "not read\n");
        Files.writeString(
                folder.resolve(EgoNetworks.COMBINED),
                edges.toString()
                        .lines()
                        .filter(l -> Integer.parseInt(l.split(" ")[0]) < Integer.parseInt(l.split(" ")[1]))
                        .reduce("", (x, y) -> x + y + "\n"));

        List<EgoNetworks.Network> networks = EgoNetworks.read(data);

        assertThat(networks).extracting(EgoNetworks.Network::name).containsExactly("7", "12", "combined");
        assertThat(networks.get(0).graph().nodes()).isEqualTo(41);
        assertThat(networks.get(0).graph().edges())
                .as("listed in both directions, counted once")
                .isEqualTo(77);
        assertThat(networks.get(1).graph().nodes())
                .as("no .feat: the nodes with edges")
                .isEqualTo(40);
        assertThat(networks.get(2).graph().edges()).isEqualTo(77);

        var report = new CohesionRealDataEvaluation().run(data, new Options(2, 2, List.of(35), 1));
        assertThat(report.networks()).hasSize(3);
        assertThat(report.networks().get(0).samples())
                .singleElement()
                .extracting(s -> s.size())
                .isEqualTo(35);
        assertThat(report.networks().get(0).after().observed())
                .as("a ring lattice: clustered and mutual")
                .isGreaterThan(
                        report.networks().get(0).after().degreePreserving().mean());
    }

    @Test
    void missingFolderAndBadLinesAreClearErrors(@TempDir Path data) throws Exception {
        assertThatThrownBy(() -> EgoNetworks.read(data))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("snap-ego-facebook is missing");
        Path folder = Files.createDirectories(data.resolve(EgoNetworks.FOLDER));
        assertThatThrownBy(() -> EgoNetworks.read(data))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("no <ego>.edges files");
        Files.writeString(folder.resolve("3.edges"), "1 2\n2 3 4\n");
        assertThatThrownBy(() -> EgoNetworks.read(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3.edges line 2")
                .hasMessageContaining("two node ids");
    }
}
