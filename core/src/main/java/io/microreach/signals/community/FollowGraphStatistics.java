package io.microreach.signals.community;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;

/**
 * Density, reciprocity and mean local clustering of a follow graph, each with its Erdős–Rényi expectation.
 *
 * <p>Definitions (n nodes, m distinct directed follow edges, u connected unordered pairs):
 *
 * <ul>
 *   <li><b>density</b> p = m / (n(n−1)), the share of ordered pairs that follow. In the directed G(n, p) the
 *       expected density is p itself, so its ratio is 1 by construction; the number that matters is the level.
 *   <li><b>reciprocity</b> r = (edges whose reverse edge exists) / m. In the directed G(n, p) every ordered pair is
 *       present independently with probability p, so the chance that the reverse of an existing edge is present is
 *       p: E[r] = p (Garlaschelli &amp; Loffredo, Phys. Rev. Lett. 93, 268701, 2004, who use r / p for exactly
 *       this comparison). Undefined without edges.
 *   <li><b>mean local clustering</b> on the undirected view (a pair is connected when either follows the other,
 *       because "my friends know each other" does not depend on who followed whom): for a node with k ≥ 2
 *       neighbours, C_i = (edges among its neighbours) / (k(k−1)/2) (Watts &amp; Strogatz, Nature 393, 1998),
 *       averaged over the nodes with k ≥ 2. In the undirected G(n, p_u), with p_u = u / (n(n−1)/2), the edges
 *       among a node's neighbours are independent of the edges that made them its neighbours, so E[C_i | k_i ≥ 2]
 *       = p_u exactly, and so is the mean over those nodes (Newman, Networks, 2010, §11.4 / §12.1 for the
 *       unconditional C = p). Averaging over all nodes instead (degree-0/1 nodes counted as 0) would make the
 *       expectation p_u · P(k ≥ 2), which in the sparse follower samples we see is mostly a statement about
 *       isolated nodes; hence the k ≥ 2 convention, with the number of such nodes reported as the basis.
 *       Undefined when no node has two neighbours.
 * </ul>
 *
 * We plug in the realised densities as p and p_u (the G(n, m) view); the tests check the expectations on seeded
 * G(n, p) samples and the statistics against a brute-force reference.
 *
 * <p><b>Why not JGraphT (any more).</b> This runs once per scored account, and the scorer measures 100,000 of them.
 * Building a {@code SimpleDirectedGraph} and a {@code SimpleGraph} with {@code String} vertices and asking {@code
 * ClusteringCoefficient} per vertex (which builds a {@code NeighborCache} per call) cost about 11% of all scoring
 * CPU in a JFR profile, nearly all of it hashing and boxing: on a typical sample (200 followers, 100 follow edges)
 * CohesionBenchmark measured about 93 µs of CPU per account for the old computation and about 10 µs for this one
 * (most of which is reading the 200 id strings; docs/scoring-performance.md). Instead the ids are numbered once ({@link SampleIndex}) and the graphs are bit
 * matrices, one {@code long[]} row of ⌈n/64⌉ words per node: a repeated edge, a reverse edge and a pair are single
 * bit tests, degrees are popcounts of a row, and the edges among node i's neighbours are counted as Σ over
 * neighbours j of popcount(row i AND row j), which counts every such edge twice, exactly like JGraphT's loop over
 * ordered neighbour pairs; the coefficient is then the same division of the same two exact integers, and the mean
 * sums the terms in the same node order, so every double is bit-for-bit what JGraphT gave (a property test compares
 * both on 400 seeded random samples). The matrices take n²/4 bytes; above {@link #BITSET_LIMIT} nodes (4 MiB, far
 * beyond any follower sample but reachable by research graphs) the old JGraphT computation runs instead, whose
 * memory grows with the edges, not with n².
 */
final class FollowGraphStatistics {
    final int nodes;
    final long edges;
    final long mutualEdges;
    final long connectedPairs;
    final double density;
    final double undirectedDensity;
    final GraphMetric densityMetric;
    final GraphMetric reciprocityMetric;
    final GraphMetric clusteringMetric;
    /** Nodes by undirected degree, highest first, ties by id; only nodes with at least one tie. */
    final List<String> mostConnected;

    private FollowGraphStatistics(
            int nodes,
            long edges,
            long mutualEdges,
            long connectedPairs,
            GraphMetric clusteringMetric,
            List<String> mostConnected) {
        this.nodes = nodes;
        this.edges = edges;
        this.mutualEdges = mutualEdges;
        this.connectedPairs = connectedPairs;
        long orderedPairs = (long) nodes * (nodes - 1);
        this.density = orderedPairs == 0 ? 0 : (double) edges / orderedPairs;
        this.undirectedDensity = orderedPairs == 0 ? 0 : 2.0 * connectedPairs / orderedPairs;
        this.densityMetric = GraphMetric.of(density, density, orderedPairs);
        this.reciprocityMetric = edges == 0
                ? GraphMetric.unavailable("no follow edges among the sampled followers", 0)
                : GraphMetric.of((double) mutualEdges / edges, density, edges);
        this.clusteringMetric = clusteringMetric;
        this.mostConnected = mostConnected;
    }

    /** Samples with more nodes than this are measured with JGraphT instead of bit matrices (see the class comment). */
    static final int BITSET_LIMIT = 4096;

    /**
     * @param nodeIds the sample; duplicates are ignored
     * @param follows edges; those with an end outside the sample and repeated edges are ignored
     */
    static FollowGraphStatistics of(Collection<String> nodeIds, Collection<Follow> follows, int evidenceLimit) {
        return of(SampleIndex.of(nodeIds), follows, evidenceLimit, BITSET_LIMIT);
    }

    static FollowGraphStatistics of(SampleIndex sample, Collection<Follow> follows, int evidenceLimit) {
        return of(sample, follows, evidenceLimit, BITSET_LIMIT);
    }

    /** @param bitsetLimit the largest sample measured with bit matrices; a parameter so tests can reach both paths */
    static FollowGraphStatistics of(
            SampleIndex sample, Collection<Follow> follows, int evidenceLimit, int bitsetLimit) {
        if (sample.indexOf(null) >= 0) {
            throw new NullPointerException("a sampled node id is null");
        }
        int n = sample.size();
        if (n > bitsetLimit) {
            return withJGraphT(sample.ids(), follows, evidenceLimit);
        }
        int words = (n + 63) >>> 6;
        long[] directed = new long[n * words];
        long[] undirected = new long[n * words];
        long edges = 0;
        long mutual = 0;
        long pairs = 0;
        for (Follow f : follows) {
            int s = sample.indexOf(f.source());
            if (s < 0) {
                continue;
            }
            int t = sample.indexOf(f.target());
            if (t < 0 || s == t) {
                continue;
            }
            int st = s * words + (t >>> 6);
            long tBit = 1L << t;
            if ((directed[st] & tBit) != 0) {
                continue;
            }
            directed[st] |= tBit;
            edges++;
            int ts = t * words + (s >>> 6);
            long sBit = 1L << s;
            if ((directed[ts] & sBit) != 0) {
                mutual += 2; // both this edge and its reverse now count as reciprocated
            } else {
                // No edge either way before this one, so the pair is new.
                undirected[st] |= tBit;
                undirected[ts] |= sBit;
                pairs++;
            }
        }

        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int w = i * words, end = w + words; w < end; w++) {
                k += Long.bitCount(undirected[w]);
            }
            degree[i] = k;
        }
        double sum = 0;
        long clustered = 0;
        TopNodes top = new TopNodes(sample, degree, evidenceLimit);
        for (int i = 0; i < n; i++) {
            int k = degree[i];
            if (k >= 2) {
                sum += localClustering(undirected, words, i, k);
                clustered++;
            }
            if (k > 0) {
                top.offer(i);
            }
        }
        return new FollowGraphStatistics(
                n, edges, mutual, pairs, clusteringMetric(sum, clustered, n, pairs), top.ids());
    }

    /** JGraphT's local coefficient: ordered neighbour pairs that are linked, over k(k−1), in the same doubles. */
    private static double localClustering(long[] undirected, int words, int i, int k) {
        int rowI = i * words;
        long linkedOrderedPairs = 0;
        for (int w = 0; w < words; w++) {
            long bits = undirected[rowI + w];
            while (bits != 0) {
                int j = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int rowJ = j * words;
                for (int v = 0; v < words; v++) {
                    linkedOrderedPairs += Long.bitCount(undirected[rowI + v] & undirected[rowJ + v]);
                }
            }
        }
        double kd = k;
        return linkedOrderedPairs / (kd * (kd - 1));
    }

    private static GraphMetric clusteringMetric(double sum, long clustered, int n, long pairs) {
        double undirectedDensity = n < 2 ? 0 : 2.0 * pairs / ((double) n * (n - 1));
        return clustered == 0
                ? GraphMetric.unavailable("no sampled follower has two or more ties", 0)
                : GraphMetric.of(sum / clustered, undirectedDensity, clustered);
    }

    /**
     * The {@code limit} nodes of highest degree, ties by id, kept sorted by insertion: the limit is a handful of
     * evidence ids, so this beats sorting all connected nodes.
     */
    private static final class TopNodes {
        private final SampleIndex sample;
        private final int[] degree;
        private final int[] kept;
        private int size;

        TopNodes(SampleIndex sample, int[] degree, int limit) {
            this.sample = sample;
            this.degree = degree;
            this.kept = new int[Math.max(0, limit)];
        }

        void offer(int node) {
            if (kept.length == 0 || (size == kept.length && !before(node, kept[size - 1]))) {
                return;
            }
            int at = size < kept.length ? size++ : size - 1;
            while (at > 0 && before(node, kept[at - 1])) {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = node;
        }

        private boolean before(int a, int b) {
            if (degree[a] != degree[b]) {
                return degree[a] > degree[b];
            }
            return sample.id(a).compareTo(sample.id(b)) < 0;
        }

        List<String> ids() {
            String[] out = new String[size];
            for (int i = 0; i < size; i++) {
                out[i] = sample.id(kept[i]);
            }
            return List.of(out);
        }
    }

    /** The computation before the bit matrices, kept for samples above {@link #BITSET_LIMIT}. */
    private static FollowGraphStatistics withJGraphT(
            Collection<String> nodeIds, Collection<Follow> follows, int evidenceLimit) {
        Set<String> nodes = new LinkedHashSet<>(nodeIds);
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
        int n = nodes.size();
        double undirectedDensity = n < 2 ? 0 : 2.0 * pairs / ((double) n * (n - 1));
        GraphMetric clusteringMetric = clustered == 0
                ? GraphMetric.unavailable("no sampled follower has two or more ties", 0)
                : GraphMetric.of(sum / clustered, undirectedDensity, clustered);
        return new FollowGraphStatistics(
                n,
                directed.edgeSet().size(),
                mutual,
                pairs,
                clusteringMetric,
                List.copyOf(connected.subList(0, Math.min(evidenceLimit, connected.size()))));
    }
}
