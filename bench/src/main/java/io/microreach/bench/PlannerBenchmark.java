package io.microreach.bench;

import io.microreach.audience.AudienceSketch;
import io.microreach.audience.Bounded;
import io.microreach.domain.Platform;
import io.microreach.planner.Allocation;
import io.microreach.planner.CampaignPlanner;
import io.microreach.planner.ExactAllocator;
import io.microreach.planner.LazyGreedyAllocator;
import io.microreach.planner.Objective;
import io.microreach.planner.Plan;
import io.microreach.planner.PlanCandidate;
import io.microreach.planner.PlanConstraints;
import io.microreach.planner.PlanProblem;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.PriceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Planner benchmark, three parts in one run (see docs/benchmarks.md): (a) overlap matrix of N audiences of M ids with
 * planted overlaps, sketch time vs exact hash-set intersection (measured on a random subset of pairs and
 * extrapolated: exact on all pairs of 1M-id sets would take hours and ~60 GB to hold the sets), and the sketch error
 * against the exact answer; (b) one plan over 10,000 candidates; (c) greedy vs the exact optimum on 200 random
 * instances of at most 40 candidates, and evaluation counts of lazy vs plain greedy.
 *
 * <p>Arguments: {@code [audiences] [idsPerAudience] [exactPairs]}, default 1000 1000000 20.
 */
public final class PlannerBenchmark {
    private static final int COMMUNITIES = 10;
    private static final long POOL = 5_000_000L;

    private PlannerBenchmark() {}

    public static void main(String[] args) {
        int audiences = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int ids = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int exactPairs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.printf(
                Locale.ROOT,
                "PlannerBenchmark: %d audiences x %d ids, %d exact pairs; %d cores, max heap %d MB%n",
                audiences,
                ids,
                exactPairs,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        overlapMatrix(audiences, ids, exactPairs);
        largePlan(10_000);
        gapToExact(200);
    }

    /** Audience i: a share s_i of its ids from its community's pool, the rest private; regenerated on demand. */
    private static void forEachId(int i, int ids, java.util.function.LongConsumer sink) {
        SplittableRandom rnd = new SplittableRandom(1_000_003L * i + 17);
        int community = i % COMMUNITIES;
        double shared = 0.1 + 0.4 * rnd.nextDouble();
        for (int k = 0; k < ids; k++) {
            if (rnd.nextDouble() < shared) {
                sink.accept(((long) community << 40) | rnd.nextLong(POOL));
            } else {
                sink.accept((1L << 62) | ((long) i << 32) | k);
            }
        }
    }

    private static void overlapMatrix(int n, int ids, int exactPairs) {
        long t0 = System.nanoTime();
        AudienceSketch[] sketches = new AudienceSketch[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            AudienceSketch.Builder b = AudienceSketch.builder(AudienceSketch.DEFAULT_LG_K);
            forEachId(i, ids, b::add);
            sketches[i] = b.build(0);
        });
        double buildS = (System.nanoTime() - t0) / 1e9;
        long pairs = (long) n * (n - 1) / 2;
        double cpu1 = ProcessCpu.jvmSeconds();
        long t1 = System.nanoTime();
        AtomicLong checksum = new AtomicLong();
        IntStream.range(0, n).parallel().forEach(i -> {
            double sum = 0;
            for (int j = i + 1; j < n; j++) {
                sum += sketches[i].sketchedIntersection(sketches[j], 2).estimate();
            }
            checksum.addAndGet((long) sum);
        });
        double matrixS = (System.nanoTime() - t1) / 1e9;
        double matrixCpu = ProcessCpu.jvmSeconds() - cpu1;

        ExactPairs exact = exactPairs(sketches, n, ids, exactPairs);
        List<Double> relErr = exact.relErr();
        List<Double> z = exact.z();
        int within2 = exact.within2();
        int within3 = exact.within3();
        double perPair = exact.buildAndProbeSeconds() / exactPairs;
        double perPairProbe = exact.probeSeconds() / exactPairs;
        System.out.printf(
                Locale.ROOT,
                "(a) overlap matrix: %d pairs. sketch build %.1f s (%d x %d ids), matrix from sketches %.2f s wall,"
                        + " %.2f s JVM CPU on %d threads (goal <= 5 s)%n",
                pairs,
                buildS,
                n,
                ids,
                matrixS,
                matrixCpu,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "    exact hash-set intersection, measured on %d pairs: %.3f s/pair (build A's set + probe B),"
                        + " %.3f s/pair probe only%n",
                exactPairs,
                perPair,
                perPairProbe);
        System.out.printf(
                Locale.ROOT,
                "    extrapolated exact matrix: %.0f s (build+probe) / %.0f s (probe only, needs all sets in memory)"
                        + " -> sketch speed-up %.0fx / %.0fx (goal >= 50x)%n",
                perPair * pairs,
                perPairProbe * pairs,
                perPair * pairs / matrixS,
                perPairProbe * pairs / matrixS);
        double[] re = relErr.stream().mapToDouble(d -> Math.abs(d)).sorted().toArray();
        double[] zs = z.stream().mapToDouble(d -> Math.abs(d)).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "    error vs exact on those pairs: |relative error| median %.2f%%, max %.2f%%; |z| median %.2f,"
                        + " max %.2f; inside 2σ bounds %d/%d, inside 3σ %d/%d%n",
                100 * re[re.length / 2],
                100 * re[re.length - 1],
                zs[zs.length / 2],
                zs[zs.length - 1],
                within2,
                exactPairs,
                within3,
                exactPairs);
    }

    /**
     * Exact hash-set intersections on a random subset of pairs (every other pair within one community), with the
     * sketch's estimate for each against the exact answer.
     */
    private record ExactPairs(
            double buildAndProbeSeconds,
            double probeSeconds,
            int within2,
            int within3,
            List<Double> relErr,
            List<Double> z) {}

    private static ExactPairs exactPairs(AudienceSketch[] sketches, int n, int ids, int exactPairs) {
        SplittableRandom pick = new SplittableRandom(99);
        double exactBuildAndProbe = 0;
        double exactProbe = 0;
        int within2 = 0;
        int within3 = 0;
        List<Double> relErr = new ArrayList<>();
        List<Double> z = new ArrayList<>();
        for (int p = 0; p < exactPairs; p++) {
            int a = pick.nextInt(n);
            int b = pick.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            if (p % 2 == 0) {
                b = (a + COMMUNITIES) % n == a ? b : (a + COMMUNITIES) % n; // same community: large overlaps too
            }
            long s0 = System.nanoTime();
            Set<Long> setA = new HashSet<>(ids * 2);
            forEachId(a, ids, setA::add);
            long s1 = System.nanoTime();
            long[] count = {0};
            forEachId(b, ids, id -> {
                if (setA.contains(id)) {
                    count[0]++;
                }
            });
            long s2 = System.nanoTime();
            // Distinct count of B's shared ids needs B's set too (duplicates in the community draws).
            Set<Long> setB = new HashSet<>(ids * 2);
            forEachId(b, ids, setB::add);
            setB.retainAll(setA);
            long exact = setB.size();
            exactBuildAndProbe += (s2 - s0) / 1e9;
            exactProbe += (s2 - s1) / 1e9;
            Bounded est2 = sketches[a].sketchedIntersection(sketches[b], 2);
            Bounded est3 = sketches[a].sketchedIntersection(sketches[b], 3);
            if (est2.contains(exact)) {
                within2++;
            }
            if (est3.contains(exact)) {
                within3++;
            }
            double sigma = (est2.upper() - est2.lower()) / 4;
            relErr.add(exact == 0 ? 0 : (est2.estimate() - exact) / exact);
            z.add(sigma == 0 ? 0 : (est2.estimate() - exact) / sigma);
        }
        return new ExactPairs(exactBuildAndProbe, exactProbe, within2, within3, relErr, z);
    }

    static List<PlanCandidate> candidates(long seed, int n, int sampleIds) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PlanCandidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int community = rnd.nextInt(COMMUNITIES);
            int size = sampleIds / 2 + rnd.nextInt(sampleIds);
            AudienceSketch.Builder b = AudienceSketch.builder(AudienceSketch.DEFAULT_LG_K);
            Set<Long> distinct = new HashSet<>();
            while (distinct.size() < size) {
                long id = ((long) community << 40) | rnd.nextInt(sampleIds * 4);
                distinct.add(id);
                b.add(id);
            }
            double cost = 50 + rnd.nextInt(450);
            double x = 0.02 + rnd.nextDouble() * 0.1;
            out.add(new PlanCandidate(
                    String.format(Locale.ROOT, "cr%05d", i),
                    "cr" + i,
                    Platform.values()[rnd.nextInt(2)],
                    Set.of("n" + community),
                    50 + rnd.nextDouble() * 50,
                    size,
                    cost,
                    new PriceRange(cost, cost, "USD", false, "bench"),
                    null,
                    x,
                    x / 10,
                    b.build(size)));
        }
        return out;
    }

    private static void largePlan(int n) {
        List<PlanCandidate> cs = candidates(5, n, 200);
        PlanProblem p = new PlanProblem(cs, Objective.ENGAGED_REACH, PlanConstraints.NONE, 20_000, "USD", 20);
        new CampaignPlanner(new LazyGreedyAllocator()).plan(p); // warm-up
        long c0 = ProcessCpu.threadNanos();
        long t0 = System.nanoTime();
        Plan plan = new CampaignPlanner(new LazyGreedyAllocator()).plan(p);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (ProcessCpu.threadNanos() - c0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "(b) plan over %d candidates (200-id audiences, budget 20,000): %.3f s wall, %.3f s thread CPU"
                        + " (goal <= 1 s), %d creators, value %.1f, %d evaluations; guarantee: %s%n",
                n,
                s,
                cpu,
                plan.plan().creators().size(),
                plan.objectiveValue(),
                plan.evaluations(),
                plan.guarantee());
    }

    private static void gapToExact(int instances) {
        List<Double> ratios = new ArrayList<>();
        long lazyEvals = 0;
        long plainEvals = 0;
        int same = 0;
        int skipped = 0;
        double exactS = 0;
        double greedyS = 0;
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int k = 0; k < instances; k++) {
            int n = 10 + rnd.nextInt(31);
            List<PlanCandidate> cs = candidates(1000 + k, n, 100);
            double budget = 300 + rnd.nextInt(1700);
            PlanProblem p = new PlanProblem(cs, Objective.ENGAGED_REACH, PlanConstraints.NONE, budget, "USD", 20);
            long t0 = System.nanoTime();
            Allocation lazy = new LazyGreedyAllocator().allocate(p);
            long t1 = System.nanoTime();
            Allocation plain = new LazyGreedyAllocator(false, LazyGreedyAllocator.DEFAULT_MAX_SEED_SETS).allocate(p);
            Allocation exact;
            long t2 = System.nanoTime();
            try {
                exact = new ExactAllocator().allocate(p);
            } catch (PlanningException e) {
                skipped++;
                continue;
            }
            long t3 = System.nanoTime();
            greedyS += (t1 - t0) / 1e9;
            exactS += (t3 - t2) / 1e9;
            lazyEvals += lazy.evaluations();
            plainEvals += plain.evaluations();
            same += lazy.chosenIds().equals(plain.chosenIds()) ? 1 : 0;
            ratios.add(exact.value() == 0 ? 1.0 : lazy.value() / exact.value());
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Arrays.stream(r).average().orElse(Double.NaN);
        double min = Arrays.stream(r).min().orElse(Double.NaN);
        long optimal = Arrays.stream(r).filter(x -> x >= 1 - 1e-9).count();
        System.out.printf(
                Locale.ROOT,
                "(c) %d random instances of 10-40 candidates (%d skipped by the exact node cap): mean gap to the"
                        + " optimum %.3f%% (goal <= 1%%), worst ratio %.4f (floor 1 - 1/e = 0.632), optimal in %d;"
                        + " lazy = plain plan in %d; evaluations lazy %d vs plain %d (%.1fx fewer); time greedy %.1f s,"
                        + " exact %.1f s%n",
                instances,
                skipped,
                100 * (1 - mean),
                min,
                optimal,
                same,
                lazyEvals,
                plainEvals,
                (double) plainEvals / lazyEvals,
                greedyS,
                exactS);
    }
}
