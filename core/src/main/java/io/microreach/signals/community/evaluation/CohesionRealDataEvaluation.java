package io.microreach.signals.community.evaluation;

import io.microreach.signals.community.Cohesion;
import io.microreach.signals.community.CohesionMeter;
import io.microreach.signals.community.Follow;
import io.microreach.signals.community.ScoreParts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The cohesion score on real friendship graphs, against null models and at follower-sample sizes: what {@code eval
 * cohesion --public-data DIR} prints.
 *
 * <p><b>Mapping.</b> A Facebook friendship is mutual, so each becomes two follows (the "mutual" reading, reciprocity
 * 1). Real follower graphs return 30–40% of follows, so the same graph is also scored with each friendship as one
 * follow (the "one-way" reading, reciprocity 0): the two bracket a follower graph with the same ties. Randomised
 * graphs are read the same way, so in both readings reciprocity is the same for a graph and its randomisations and
 * the difference between them is the clustering alone.
 *
 * <p><b>Checks per network.</b> The observed score next to the mean ± standard deviation of {@code randomisations}
 * degree-preserving randomisations (same degrees, triangles destroyed; see {@link RandomGraphs}) and of as many
 * Erdős–Rényi G(n, m) graphs (same nodes and edges), with z = (observed − mean) / sd; and the mean ± sd over {@code
 * subsamples} uniform node samples of each follower-sample size below the network's size, to show that the score
 * does not depend on how many followers were sampled. Every figure is given for the score as it is ({@code after})
 * and for the density-only score it replaced ({@code before}, {@code d / (d + 0.01)} of the undirected density d).
 */
public final class CohesionRealDataEvaluation {
    /** The density at which the replaced score was 0.5. */
    static final double BEFORE_HALF_SCORE_DENSITY = 0.01;

    private final CohesionMeter meter = new CohesionMeter();

    /**
     * @param randomisations degree-preserving randomisations and G(n, m) graphs per network
     * @param subsamples node samples per sample size
     * @param sampleSizes follower-sample sizes (those not below a network's size are skipped for it)
     * @param seed seeds every random choice
     */
    public record Options(int randomisations, int subsamples, List<Integer> sampleSizes, long seed) {
        public Options {
            if (randomisations < 2 || subsamples < 2) {
                throw new IllegalArgumentException("randomisations and subsamples must be at least 2");
            }
            sampleSizes = List.copyOf(sampleSizes);
        }

        public static Options defaults() {
            return new Options(20, 20, List.of(150, 1000), 1);
        }
    }

    /** Mean and sample standard deviation of {@code count} values. */
    public record Spread(double mean, double sd, int count) {
        static Spread of(double[] values) {
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Spread(mean, values.length < 2 ? 0 : Math.sqrt(ss / (values.length - 1)), values.length);
        }
    }

    /**
     * One score formula on one network.
     *
     * @param observed the score of the network
     * @param degreePreserving over its degree-preserving randomisations
     * @param erdosRenyi over G(n, m) graphs with its nodes and edges
     * @param z (observed − degree-preserving mean) / sd; {@code null} when the sd is 0 (up to rounding)
     */
    public record Comparison(double observed, Spread degreePreserving, Spread erdosRenyi, Double z) {}

    /** The score on uniform node samples of one size. */
    public record Sample(int size, Spread before, Spread after) {}

    /**
     * @param name the ego's id, or "combined"
     * @param nodes friends (isolated ones included)
     * @param friendships undirected edges
     * @param density friendships / pairs
     * @param clustering mean local clustering (nodes with two or more friends)
     * @param randomisedClustering its mean over the degree-preserving randomisations
     * @param parts the parts of the score in the mutual reading
     * @param before the density-only score
     * @param after the score, friendships as mutual follows
     * @param afterOneWay the score, friendships as one-way follows
     * @param samples the score on follower-sized samples (mutual reading)
     */
    public record NetworkResult(
            String name,
            int nodes,
            int friendships,
            double density,
            double clustering,
            double randomisedClustering,
            ScoreParts parts,
            Comparison before,
            Comparison after,
            Comparison afterOneWay,
            List<Sample> samples) {}

    public record Report(Options options, List<NetworkResult> networks) {}

    /**
     * @param dataFolder the shared data folder ({@code ../shared/data})
     * @throws java.io.FileNotFoundException when its {@code snap-ego-facebook/} is missing or empty
     * @throws IllegalArgumentException naming a malformed file and line
     */
    public Report run(Path dataFolder, Options options) throws IOException {
        List<NetworkResult> out = new ArrayList<>();
        for (EgoNetworks.Network network : EgoNetworks.read(dataFolder)) {
            out.add(evaluate(network.name(), network.graph(), options));
        }
        return new Report(options, out);
    }

    NetworkResult evaluate(String name, UndirectedGraph g, Options o) {
        SplittableRandom seeds = new SplittableRandom(o.seed() ^ name.hashCode());
        int k = o.randomisations();
        List<UndirectedGraph> shuffled = new ArrayList<>(k);
        List<UndirectedGraph> random = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            shuffled.add(RandomGraphs.degreePreserving(g, seeds.nextLong()));
            random.add(RandomGraphs.erdosRenyi(g.nodes(), g.edges(), seeds.nextLong()));
        }
        Cohesion mutual = measure(g, UndirectedGraph::mutualFollows);
        Cohesion oneWay = measure(g, UndirectedGraph::oneWayFollows);
        List<Cohesion> shuffledMutual = measureAll(shuffled, UndirectedGraph::mutualFollows);
        List<Cohesion> shuffledOneWay = measureAll(shuffled, UndirectedGraph::oneWayFollows);
        List<Cohesion> randomMutual = measureAll(random, UndirectedGraph::mutualFollows);
        List<Cohesion> randomOneWay = measureAll(random, UndirectedGraph::oneWayFollows);

        List<Sample> samples = new ArrayList<>();
        for (int size : o.sampleSizes()) {
            if (size >= g.nodes()) {
                continue;
            }
            double[] before = new double[o.subsamples()];
            double[] after = new double[o.subsamples()];
            for (int s = 0; s < o.subsamples(); s++) {
                Cohesion c = measure(RandomGraphs.subsample(g, size, seeds.nextLong()), UndirectedGraph::mutualFollows);
                before[s] = before(c);
                after[s] = c.score();
            }
            samples.add(new Sample(size, Spread.of(before), Spread.of(after)));
        }
        return new NetworkResult(
                name,
                g.nodes(),
                g.edges(),
                g.density(),
                mutual.clustering().available() ? mutual.clustering().value() : 0,
                spread(
                                shuffledMutual,
                                c -> c.clustering().available() ? c.clustering().value() : 0)
                        .mean(),
                mutual.parts(),
                compare(before(mutual), shuffledMutual, randomMutual, CohesionRealDataEvaluation::before),
                compare(mutual.score(), shuffledMutual, randomMutual, Cohesion::score),
                compare(oneWay.score(), shuffledOneWay, randomOneWay, Cohesion::score),
                samples);
    }

    /** The density-only score this one replaced: d / (d + 0.01) of the undirected density. */
    static double before(Cohesion c) {
        double d = c.undirectedDensity();
        return d / (d + BEFORE_HALF_SCORE_DENSITY);
    }

    private Cohesion measure(UndirectedGraph g, Function<UndirectedGraph, List<Follow>> follows) {
        Cohesion c = meter.measureGraph(g.nodeIds(), follows.apply(g));
        if (!c.available()) {
            throw new IllegalArgumentException(
                    "a graph of " + g.nodes() + " nodes is too small to measure: " + c.unavailableReason());
        }
        return c;
    }

    private List<Cohesion> measureAll(List<UndirectedGraph> graphs, Function<UndirectedGraph, List<Follow>> follows) {
        List<Cohesion> out = new ArrayList<>(graphs.size());
        for (UndirectedGraph g : graphs) {
            out.add(measure(g, follows));
        }
        return out;
    }

    private static Spread spread(List<Cohesion> measured, ToDoubleFunction<Cohesion> value) {
        return Spread.of(measured.stream().mapToDouble(value).toArray());
    }

    private static Comparison compare(
            double observed, List<Cohesion> shuffled, List<Cohesion> random, ToDoubleFunction<Cohesion> value) {
        Spread s = spread(shuffled, value);
        Spread r = spread(random, value);
        // The density-only score is the same for a graph and its randomisations up to rounding: no z, not ±1.
        Double z = s.sd() > 1e-9 ? (observed - s.mean()) / s.sd() : null;
        return new Comparison(observed, s, r, z);
    }
}
