package io.microreach.signals.community;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Real-data evaluation (not part of {@code verify}): cohesion metrics on the SNAP ego-Facebook networks in
 * {@code ../shared/data/snap-ego-facebook/}. Each {@code <ego>.edges} is an undirected friendship graph among the
 * ego's friends (the ego itself is left out); every friendship becomes two follows. Nodes are those listed in
 * {@code <ego>.feat}, so friends without a friendship among the others count as isolated nodes. Besides the full
 * graph, 20 seeded random subsamples of 150 nodes show what a follower sample of the default size would report.
 * Prints aggregates only (the ids are anonymised numbers anyway).
 *
 * <pre>
 * ./mvnw -q -B -pl core test-compile
 * ./mvnw -q -B -pl core dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp "core/target/test-classes:core/target/classes:$(cat cp.txt)" \
 *     io.microreach.signals.community.CohesionRealDataCheck ../shared/data
 * </pre>
 */
public final class CohesionRealDataCheck {
    private static final int SUBSAMPLE = 150;
    private static final int SUBSAMPLES = 20;

    private CohesionRealDataCheck() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path folder = data.resolve("snap-ego-facebook");
        if (!Files.isDirectory(folder)) {
            System.err.println("CohesionRealDataCheck: " + folder.toAbsolutePath()
                    + " is missing. It needs the shared real-data folder (see ../shared/data/README.md);"
                    + " pass its path as the first argument.");
            System.exit(2);
        }
        List<String> egos;
        try (Stream<Path> files = Files.list(folder)) {
            egos = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".edges"))
                    .map(n -> n.substring(0, n.length() - ".edges".length()))
                    .sorted()
                    .toList();
        }
        if (egos.isEmpty()) {
            System.err.println("CohesionRealDataCheck: no .edges files in " + folder.toAbsolutePath());
            System.exit(2);
        }
        CohesionMeter meter = new CohesionMeter();
        System.out.println("ego    nodes  friendships  density  clustering  expected  ratio   reciprocity  score"
                + "  | n=150 samples: density  clustering  ratio  score");
        for (String ego : egos) {
            List<String> nodes = new ArrayList<>(nodes(folder.resolve(ego + ".feat")));
            List<Follow> follows = follows(folder.resolve(ego + ".edges"));
            Cohesion c = meter.measureGraph(nodes, follows);
            String sampled = "(fewer than " + SUBSAMPLE + " nodes)";
            if (nodes.size() > SUBSAMPLE) {
                double density = 0;
                double clustering = 0;
                double ratio = 0;
                double score = 0;
                for (int s = 0; s < SUBSAMPLES; s++) {
                    List<String> shuffled = new ArrayList<>(nodes);
                    Collections.shuffle(shuffled, new java.util.Random(new SplittableRandom(s).nextLong()));
                    Cohesion sc = meter.measureGraph(shuffled.subList(0, SUBSAMPLE), follows);
                    density += sc.undirectedDensity() / SUBSAMPLES;
                    clustering += sc.clustering().value() / SUBSAMPLES;
                    ratio += sc.clustering().ratio() / SUBSAMPLES;
                    score += sc.score() / SUBSAMPLES;
                }
                sampled = String.format(
                        Locale.ROOT, "%.3f    %.3f       %.1f    %.2f", density, clustering, ratio, score);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-6s %5d  %11d  %.3f    %.3f       %.3f     %5.1f   %.2f         %.2f   | %s%n",
                    ego,
                    c.sampleSize(),
                    c.connectedPairs(),
                    c.undirectedDensity(),
                    c.clustering().value(),
                    c.clustering().expected(),
                    c.clustering().ratio(),
                    c.reciprocity().value(),
                    c.score(),
                    sampled);
        }
    }

    private static Set<String> nodes(Path feat) throws IOException {
        Set<String> nodes = new LinkedHashSet<>();
        for (String line : Files.readAllLines(feat)) {
            if (!line.isBlank()) {
                nodes.add(line.strip().split("\\s+")[0]);
            }
        }
        return nodes;
    }

    private static List<Follow> follows(Path edges) throws IOException {
        List<Follow> out = new ArrayList<>();
        for (String line : Files.readAllLines(edges)) {
            String[] ends = line.strip().split("\\s+");
            if (ends.length == 2) {
                out.add(new Follow(ends[0], ends[1]));
                out.add(new Follow(ends[1], ends[0]));
            }
        }
        return out;
    }
}
