package io.microreach.bench;

import io.microreach.signals.community.Cohesion;
import io.microreach.signals.community.CohesionMeter;
import io.microreach.signals.community.Follow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;

/**
 * Cost of the follow-graph part of cohesion per account: the JGraphT computation scoring used before (copied here
 * as the baseline: two JGraphT graphs with {@code String} vertices and {@code ClusteringCoefficient} per node) and
 * {@link CohesionMeter#measureGraph} (bit matrices), on the same random ego samples in the same run.
 *
 * <p>Samples look like the scorer's: {@code --nodes} sampled followers (default 200) with ids like {@code
 * did:plc:…} (24 base-32 characters), about {@code --edges} follow edges among them (default 100), a third of them
 * inside a small core and a quarter reciprocated, so there are triangles to count. Both sides see the same {@code
 * String} objects (hash codes cached after the warm-up, as they are for the baseline too). Each round times both
 * sides, alternating which goes first; the report gives each side's fastest round (thread CPU time and wall time)
 * and checks that both sides computed the same edges, pairs, clustering (bit for bit) and evidence ids.
 *
 * <p>Run: {@code java -Xmx2g -cp "$CP" io.microreach.bench.CohesionBenchmark --samples 20000} with the class path
 * built as docs/benchmarks.md says.
 */
public final class CohesionBenchmark {
    private CohesionBenchmark() {}

    /** One side's fastest round. */
    record Timing(double cpuMicrosPerAccount, double wallMicrosPerAccount) {}

    /** What a run measured; {@code mismatches} counts samples on which the two sides disagree. */
    record Result(int samples, Timing baseline, Timing bitMatrices, long mismatches) {
        double cpuSpeedup() {
            return baseline.cpuMicrosPerAccount() / bitMatrices.cpuMicrosPerAccount();
        }
    }

    record Sample(List<String> nodes, List<Follow> follows) {}

    /** The baseline's output that the comparison looks at. */
    record Statistics(long edges, long pairs, Double reciprocity, Double clustering, List<String> mostConnected) {}

    public static void main(String[] args) {
        int samples = 20_000;
        int nodes = 200;
        int edges = 100;
        int rounds = 5;
        long seed = 42;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--samples" -> samples = Integer.parseInt(args[++i]);
                    case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                    case "--edges" -> edges = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (samples < 1 || nodes < 2 || edges < 0 || rounds < 1) {
                throw new IllegalArgumentException("need --samples >= 1, --nodes >= 2, --edges >= 0, --rounds >= 1");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: CohesionBenchmark [--samples N] [--nodes N] [--edges N] [--rounds N] [--seed N]");
            System.exit(2);
            return;
        }
        Result r = run(samples, nodes, edges, rounds, seed, System.out);
        if (r.mismatches() > 0) {
            System.exit(1);
        }
    }

    static Result run(int count, int nodes, int edges, int rounds, long seed, PrintStream out) {
        List<Sample> samples = samples(count, nodes, edges, seed);
        CohesionMeter meter = new CohesionMeter();
        long mismatches = 0;
        // Warm-up (JIT) doubles as the check that both sides agree.
        for (Sample s : samples) {
            Statistics old = baseline(s.nodes(), s.follows(), 10);
            Cohesion now = meter.measureGraph(s.nodes(), s.follows());
            if (!agree(old, now)) {
                mismatches++;
            }
        }
        Timing bestOld = null;
        Timing bestNew = null;
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                boolean baselineSide = (round + side) % 2 == 0;
                long cpu0 = ProcessCpu.threadNanos();
                long wall0 = System.nanoTime();
                for (Sample s : samples) {
                    sink += baselineSide
                            ? baseline(s.nodes(), s.follows(), 10).pairs()
                            : meter.measureGraph(s.nodes(), s.follows()).connectedPairs();
                }
                Timing t = new Timing(
                        (ProcessCpu.threadNanos() - cpu0) / 1e3 / count, (System.nanoTime() - wall0) / 1e3 / count);
                if (baselineSide) {
                    bestOld = faster(bestOld, t);
                } else {
                    bestNew = faster(bestNew, t);
                }
            }
        }
        Result r = new Result(count, bestOld, bestNew, mismatches);
        out.printf(
                Locale.ROOT,
                "cohesion graph statistics: %,d samples of %d nodes, ~%d edges, best of %d rounds (sink %d)%n",
                count,
                nodes,
                edges,
                rounds,
                sink);
        out.printf(
                Locale.ROOT,
                "  JGraphT (baseline)  %8.2f µs/account CPU  %8.2f µs/account wall%n",
                bestOld.cpuMicrosPerAccount(),
                bestOld.wallMicrosPerAccount());
        out.printf(
                Locale.ROOT,
                "  bit matrices        %8.2f µs/account CPU  %8.2f µs/account wall%n",
                bestNew.cpuMicrosPerAccount(),
                bestNew.wallMicrosPerAccount());
        out.printf(
                Locale.ROOT,
                "  speedup %.1fx (CPU); results agree on %,d of %,d samples%n",
                r.cpuSpeedup(),
                count - mismatches,
                count);
        return r;
    }

    private static Timing faster(Timing best, Timing t) {
        return best == null || t.cpuMicrosPerAccount() < best.cpuMicrosPerAccount() ? t : best;
    }

    private static boolean agree(Statistics old, Cohesion now) {
        // Double.equals compares the bits: the same doubles, not merely close ones.
        return old.edges() == now.edges()
                && old.pairs() == now.connectedPairs()
                && Objects.equals(old.reciprocity(), now.reciprocity().value())
                && Objects.equals(old.clustering(), now.clustering().value())
                && old.mostConnected().equals(now.evidenceFollowerIds());
    }

    static List<Sample> samples(int count, int nodes, int edges, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        int core = Math.max(2, nodes / 10);
        List<Sample> out = new ArrayList<>(count);
        char[] id = new char[24];
        for (int s = 0; s < count; s++) {
            List<String> ids = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                for (int c = 0; c < id.length; c++) {
                    id[c] = alphabet.charAt(rng.nextInt(alphabet.length()));
                }
                ids.add("did:plc:" + new String(id));
            }
            List<Follow> follows = new ArrayList<>(edges + edges / 4);
            for (int e = 0; e < edges; e++) {
                boolean inCore = rng.nextInt(3) == 0;
                int a = rng.nextInt(inCore ? core : nodes);
                int b = rng.nextInt(inCore ? core : nodes);
                if (a == b) {
                    continue;
                }
                follows.add(new Follow(ids.get(a), ids.get(b)));
                if (rng.nextInt(4) == 0) {
                    follows.add(new Follow(ids.get(b), ids.get(a)));
                }
            }
            out.add(new Sample(ids, follows));
        }
        return out;
    }

    /**
     * {@code FollowGraphStatistics.of} as it was before the bit matrices (JGraphT comes with the core module). The
     * baseline also builds the {@code LinkedHashSet} that {@code CohesionMeter} built before calling it.
     *
     * <p>A deliberate reference copy, not an accidental one: core keeps the same JGraphT code as a private fallback
     * for samples above its bit-matrix limit ({@code FollowGraphStatistics.withJGraphT}), but the benchmark must time
     * the old computation on every sample size, returning its raw figures for the bit-for-bit comparison, and must
     * not change when core's fallback does. Keep it as it is.
     */
    static Statistics baseline(Collection<String> nodeIds, Collection<Follow> follows, int evidenceLimit) {
        Set<String> sample = new LinkedHashSet<>(nodeIds);
        Set<String> nodes = new LinkedHashSet<>(sample);
        Graph<String, DefaultEdge> directed = new SimpleDirectedGraph<>(DefaultEdge.class);
        Graph<String, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);
        for (String node : nodes) {
            directed.addVertex(node);
            undirected.addVertex(node);
        }
        for (Follow f : follows) {
            if (nodes.contains(f.source())
                    && nodes.contains(f.target())
                    && !f.source().equals(f.target())) {
                directed.addEdge(f.source(), f.target());
                undirected.addEdge(f.source(), f.target());
            }
        }
        long mutual = 0;
        for (DefaultEdge e : directed.edgeSet()) {
            if (directed.containsEdge(directed.getEdgeTarget(e), directed.getEdgeSource(e))) {
                mutual++;
            }
        }
        ClusteringCoefficient<String, DefaultEdge> clustering = new ClusteringCoefficient<>(undirected);
        double sum = 0;
        long clustered = 0;
        List<String> connected = new ArrayList<>();
        for (String node : nodes) {
            int degree = undirected.degreeOf(node);
            if (degree >= 2) {
                sum += clustering.getVertexScore(node);
                clustered++;
            }
            if (degree > 0) {
                connected.add(node);
            }
        }
        connected.sort(Comparator.comparingInt((String v) -> -undirected.degreeOf(v))
                .thenComparing(Comparator.naturalOrder()));
        long pairs = undirected.edgeSet().size();
        return new Statistics(
                directed.edgeSet().size(),
                pairs,
                directed.edgeSet().isEmpty()
                        ? null
                        : (double) mutual / directed.edgeSet().size(),
                clustered == 0 ? null : sum / clustered,
                List.copyOf(connected.subList(0, Math.min(evidenceLimit, connected.size()))));
    }
}
