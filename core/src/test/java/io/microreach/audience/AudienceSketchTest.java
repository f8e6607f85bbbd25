package io.microreach.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AudienceSketchTest {

    private static List<String> ids(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void smallFullSetsAreExact() {
        AudienceSketch a = AudienceSketch.of(ids("u", 0, 100), 100);
        AudienceSketch b = AudienceSketch.of(ids("u", 60, 200), 140);
        Overlap o = a.overlapWith(b);
        assertThat(o.people().estimate()).isEqualTo(40.0);
        assertThat(o.shareOfAInB().estimate()).isEqualTo(0.4);
        assertThat(o.shareOfBInA().estimate()).isEqualTo(40.0 / 140);
        assertThat(o.samplingNoiseIncluded()).isFalse();
        UnionReach u = AudienceSketch.unionReach(List.of(a, b));
        assertThat(u.people().estimate()).isEqualTo(200.0);
        assertThat(u.method()).isEqualTo("sketch-union");
    }

    @Test
    void independentSamplesAreScaledByBothSamplingRates() {
        // 10 shared ids in samples of 100 out of audiences of 10,000 (p = 0.01 each): 100,000 → capped at 10,000.
        AudienceSketch a = AudienceSketch.of(ids("u", 0, 100), 10_000);
        AudienceSketch b = AudienceSketch.of(ids("u", 90, 190), 10_000);
        Overlap o = a.overlapWith(b);
        assertThat(o.sampledIntersection().estimate()).isEqualTo(10.0);
        assertThat(o.people().estimate())
                .as("10 / (0.01 * 0.01) capped at the audience")
                .isEqualTo(10_000.0);
        AudienceSketch c = AudienceSketch.of(ids("u", 0, 100), 1_000);
        AudienceSketch d = AudienceSketch.of(ids("u", 95, 195), 1_000);
        Overlap cd = c.overlapWith(d);
        assertThat(cd.people().estimate()).isCloseTo(500.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cd.shareOfAInB().estimate()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cd.samplingNoiseIncluded()).isTrue();
        assertThat(cd.people().lower()).isLessThan(500.0);
        assertThat(cd.people().upper()).isGreaterThan(500.0);
    }

    static Stream<Long> seeds() {
        return java.util.stream.LongStream.range(1, 41).boxed();
    }

    private record Case(AudienceSketch a, AudienceSketch b, int sizeA, int sizeB, int shared) {}

    private static Case randomCase(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int sizeA = 5_000 + rnd.nextInt(40_000);
        int sizeB = 5_000 + rnd.nextInt(40_000);
        int shared = rnd.nextInt(Math.min(sizeA, sizeB));
        AudienceSketch.Builder sa = AudienceSketch.builder(12);
        AudienceSketch.Builder sb = AudienceSketch.builder(12);
        long base = seed * 10_000_000L;
        for (long i = 0; i < sizeA; i++) {
            sa.add(base + i);
        }
        for (long i = sizeA - shared; i < sizeA - shared + sizeB; i++) {
            sb.add(base + i);
        }
        return new Case(sa.build(sizeA), sb.build(sizeB), sizeA, sizeB, shared);
    }

    /** Each seeded case: the exact intersection and union lie within the library's 3σ bounds. */
    @ParameterizedTest
    @MethodSource("seeds")
    void estimatesAgreeWithExactSetsWithinThreeSigma(long seed) {
        Case c = randomCase(seed);
        Bounded inter = c.a().sketchedIntersection(c.b(), 3);
        // The merge-based intersection agrees with the library's own Intersection.
        org.apache.datasketches.theta.CompactSketch lib = org.apache.datasketches.theta.SetOperation.builder()
                .buildIntersection()
                .intersect(
                        org.apache.datasketches.theta.Sketch.heapify(org.apache.datasketches.memory.Memory.wrap(
                                java.util.Arrays.copyOfRange(c.a().toBytes(), 28, c.a().toBytes().length))),
                        org.apache.datasketches.theta.Sketch.heapify(org.apache.datasketches.memory.Memory.wrap(
                                java.util.Arrays.copyOfRange(c.b().toBytes(), 28, c.b().toBytes().length))));
        assertThat(inter.estimate()).isCloseTo(lib.getEstimate(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(inter.lower())
                .isCloseTo(
                        Math.min(lib.getEstimate(), lib.getLowerBound(3)), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(inter.upper())
                .isCloseTo(
                        Math.max(lib.getEstimate(), lib.getUpperBound(3)), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(inter.contains(c.shared()))
                .as("intersection %s vs exact %d", inter, c.shared())
                .isTrue();
        assertThat(c.a().samplingRate()).isEqualTo(1.0);
        UnionReach u = AudienceSketch.unionReach(List.of(c.a(), c.b()));
        assertThat(u.method()).isEqualTo("sketch-union");
        // The union carries 2σ bounds; widened by half they are 3σ.
        Bounded b = u.people();
        double exact = c.sizeA() + c.sizeB() - c.shared();
        assertThat(exact)
                .as("union %s", b)
                .isBetween(b.lower() - (b.estimate() - b.lower()) / 2, b.upper() + (b.upper() - b.estimate()) / 2);
    }

    /** Over 200 seeded cases the 2σ bounds (about 95%) hold in at least 90% of them. */
    @Test
    void twoSigmaBoundsCoverTheExactIntersectionAtTheirNominalRate() {
        int covered = 0;
        int n = 200;
        for (long seed = 1000; seed < 1000 + n; seed++) {
            Case c = randomCase(seed);
            if (c.a().overlapWith(c.b()).sampledIntersection().contains(c.shared())) {
                covered++;
            }
        }
        assertThat(covered).isGreaterThanOrEqualTo(180);
    }

    /** Planted overlap: 30% of A's audience also follows B; independent 2,000-id samples recover the share. */
    @Test
    void plantedOverlapIsRecoveredFromIndependentSamples() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 100_000;
        int shared = 30_000;
        // A = 0..99,999; B = 70,000..169,999 → 30,000 shared.
        AudienceSketch.Builder sa = AudienceSketch.builder(12);
        AudienceSketch.Builder sb = AudienceSketch.builder(12);
        double p = 0.2;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                sa.add("f" + i);
            }
        }
        for (int i = n - shared; i < 2 * n - shared; i++) {
            if (rnd.nextDouble() < p) {
                sb.add("f" + i);
            }
        }
        Overlap o = sa.build(n).overlapWith(sb.build(n));
        assertThat(o.shareOfAInB().contains(0.30)).as(o.toString()).isTrue();
        assertThat(o.shareOfAInB().estimate()).isBetween(0.25, 0.35);
    }

    @Test
    void matrixIsSymmetricInPeopleAndLookalikesRankByOverlap() {
        AudienceSketch a = AudienceSketch.of(ids("u", 0, 100), 100);
        AudienceSketch b = AudienceSketch.of(ids("u", 50, 150), 100);
        AudienceSketch c = AudienceSketch.of(ids("u", 90, 190), 100);
        AudienceSketch d = AudienceSketch.of(ids("x", 0, 100), 100);
        OverlapMatrix m = OverlapMatrix.of(List.of("a", "b", "c"), List.of(a, b, c));
        assertThat(m.cell(0, 1).people().estimate()).isEqualTo(50.0);
        assertThat(m.cell(1, 0).people().estimate()).isEqualTo(50.0);
        assertThat(m.cell(0, 2).shareOfAInB().estimate()).isEqualTo(0.1);
        assertThat(m.cell(0, 0).shareOfAInB().estimate()).isEqualTo(1.0);
        Map<String, AudienceSketch> pool = new LinkedHashMap<>();
        pool.put("d", d);
        pool.put("c", c);
        pool.put("b", b);
        pool.put("a", a);
        List<Lookalike> top = AudienceSketch.lookalikes(a, pool, 2);
        assertThat(top).extracting(Lookalike::id).containsExactly("b", "c");
    }

    /**
     * An account imported with 9,000 followers and no follower sample or commenters has an empty sketch standing for
     * 9,000 people: its overlap with anyone is unknown, not 0 ÷ 0.
     */
    @Test
    void anEmptySketchOfAnAudienceGivesAnUnknownOverlapNotNaN() {
        AudienceSketch empty = AudienceSketch.of(List.of(), 9_000);
        AudienceSketch sampled = AudienceSketch.of(ids("u", 0, 200), 20_000);
        assertThat(empty.samplingRate()).isZero();
        for (Overlap o : List.of(empty.overlapWith(sampled), sampled.overlapWith(empty), empty.overlapWith(empty))) {
            assertThat(o.known()).isFalse();
            assertThat(o.unknownReason()).contains("no audience ids");
            assertThat(o.people().estimate()).isZero();
            assertThat(o.people().lower()).isZero();
            assertThat(o.people().upper()).isEqualTo(9_000.0);
        }
        assertThat(empty.overlapWith(sampled).shareOfAInB().upper()).isEqualTo(1.0);
        assertThat(sampled.overlapWith(empty).shareOfAInB().upper()).isEqualTo(9_000.0 / 20_000);
        assertThat(sampled.overlapWith(sampled).known()).isTrue();
        // Unknown overlaps rank after every measured one, so they never crowd out real lookalikes.
        Map<String, AudienceSketch> pool = new LinkedHashMap<>();
        pool.put("empty", empty);
        pool.put("disjoint", AudienceSketch.of(ids("x", 0, 200), 20_000));
        assertThat(AudienceSketch.lookalikes(sampled, pool, 2))
                .extracting(Lookalike::id)
                .containsExactly("disjoint", "empty");
        assertThat(AudienceSketch.unionReach(List.of(empty, sampled)).people().estimate())
                .isEqualTo(29_000.0);
        OverlapMatrix m = OverlapMatrix.of(List.of("e", "s"), List.of(empty, sampled));
        assertThat(m.cell(1, 0).known()).isFalse();
    }

    static Stream<Long> smallSeeds() {
        return java.util.stream.LongStream.range(1, 301).boxed();
    }

    private static AudienceSketch smallRandomSketch(SplittableRandom rnd) {
        int ids = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(60);
        AudienceSketch.Builder b = AudienceSketch.builder(4 + rnd.nextInt(9));
        for (int i = 0; i < ids; i++) {
            b.add("f" + rnd.nextInt(80));
        }
        long audience = rnd.nextInt(3) == 0 ? rnd.nextInt(100) : rnd.nextLong(2_000_000);
        return b.build(audience);
    }

    /**
     * Property over small and empty sketches (0–60 ids, lgK 4–12, audiences 0–2,000,000, shared ids likely): every
     * overlap is finite, its bounds ordered and within 0 and the smaller audience, its shares within 0..1, and it is
     * unknown exactly when a side stands for people with no ids.
     */
    @ParameterizedTest
    @MethodSource("smallSeeds")
    void overlapsOfSmallAndEmptySketchesAreFiniteAndBounded(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AudienceSketch a = smallRandomSketch(rnd);
        AudienceSketch b = smallRandomSketch(rnd);
        Overlap o = a.overlapWith(b);
        double cap = Math.min(a.audienceSize(), b.audienceSize());
        for (Bounded x : List.of(o.people(), o.shareOfAInB(), o.shareOfBInA(), o.sampledIntersection())) {
            assertThat(Double.isFinite(x.lower()) && Double.isFinite(x.upper()))
                    .as("seed %d: %s", seed, o)
                    .isTrue();
            assertThat(x.lower()).as("seed %d: %s", seed, o).isGreaterThanOrEqualTo(0);
        }
        assertThat(o.people().upper()).as("seed %d", seed).isLessThanOrEqualTo(cap);
        assertThat(o.shareOfAInB().upper()).as("seed %d", seed).isLessThanOrEqualTo(1.0 + 1e-12);
        assertThat(o.shareOfBInA().upper()).as("seed %d", seed).isLessThanOrEqualTo(1.0 + 1e-12);
        boolean noIds = (a.sampleSize() == 0 && a.audienceSize() > 0) || (b.sampleSize() == 0 && b.audienceSize() > 0);
        assertThat(o.known()).as("seed %d: %s", seed, o).isEqualTo(!noIds);
        Bounded union = AudienceSketch.unionReach(List.of(a, b)).people();
        assertThat(Double.isFinite(union.upper())).as("seed %d", seed).isTrue();
    }

    @Test
    void roundTripKeepsEverything() {
        AudienceSketch a = AudienceSketch.of(ids("u", 0, 5000), 80_000);
        AudienceSketch back = AudienceSketch.fromBytes(a.toBytes());
        assertThat(back.sampleSize()).isEqualTo(a.sampleSize());
        assertThat(back.audienceSize()).isEqualTo(80_000);
        assertThat(back.lgK()).isEqualTo(12);
        assertThat(back.sketchedIds()).isEqualTo(a.sketchedIds());
    }

    static final String GOLDEN = "/io/microreach/audience/golden-v1.sketch";

    /** Regenerate only on a format change, by a new version: -Dmicroreach.writeGolden=DIR. */
    static AudienceSketch goldenSketch() {
        return AudienceSketch.of(ids("golden-", 0, 10_000), 250_000);
    }

    @Test
    void goldenFileOfFormatVersion1StaysReadable() throws IOException {
        String dir = System.getProperty("microreach.writeGolden");
        if (dir != null) {
            Files.write(Path.of(dir, "golden-v1.sketch"), goldenSketch().toBytes());
        }
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            bytes = in.readAllBytes();
        }
        AudienceSketch s = AudienceSketch.fromBytes(bytes);
        assertThat(s.lgK()).isEqualTo(12);
        assertThat(s.audienceSize()).isEqualTo(250_000);
        assertThat(s.sampleSize()).isBetween(9_500L, 10_500L);
        assertThat(s.sketchedIds().contains(10_000)).isTrue();
        // Same ids hashed today land on the same hashes: the intersection with a fresh sketch of them is the whole set.
        Overlap self = s.overlapWith(goldenSketch());
        assertThat(s.sketchedIds().contains(self.sampledIntersection().estimate()))
                .as(self.toString())
                .isTrue();
    }

    @Test
    void unreadableBytesNameTheProblem() {
        assertThatThrownBy(() -> AudienceSketch.fromBytes(new byte[3]))
                .isInstanceOf(UnreadableSketchException.class)
                .hasMessageContaining("too short");
        byte[] bytes = AudienceSketch.of(ids("u", 0, 10), 10).toBytes();
        bytes[4] = 9;
        assertThatThrownBy(() -> AudienceSketch.fromBytes(bytes)).hasMessageContaining("format version 9");
        byte[] bad = AudienceSketch.of(ids("u", 0, 10), 10).toBytes();
        bad[0] = 'X';
        assertThatThrownBy(() -> AudienceSketch.fromBytes(bad)).hasMessageContaining("magic");
    }
}
