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
 * G(n, p) samples and the statistics against a brute-force reference. JGraphT computes the local clustering
 * coefficients (O(Σ k²)), which stays fast on ego networks with tens of thousands of edges.
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

    /**
     * @param nodeIds the sample; duplicates are ignored
     * @param follows edges; those with an end outside the sample and repeated edges are ignored
     */
    static FollowGraphStatistics of(Collection<String> nodeIds, Collection<Follow> follows, int evidenceLimit) {
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
