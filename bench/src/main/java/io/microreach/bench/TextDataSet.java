package io.microreach.bench;

import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.niches.StaticEmbedder;
import io.microreach.niches.TextEmbedder;
import io.microreach.niches.evaluation.PlantedAccount;
import io.microreach.niches.evaluation.PlantedAccounts;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * The default mode ({@code --vectors text}): account i's text is the niche benchmark's generated creator text i (bio
 * + 12 caption parts of its niche, about 600 characters, in the generator's six languages; the base creators come
 * from the data generator with this seed), its language and niches are the base creator's, and its vector is the
 * product's own fast-path embedding of that text ({@link StaticEmbedder}, what the app stores). Briefs are 4 caption
 * parts of one niche embedded the same way; keyword queries are two words (≥ 5 letters) of a random account's text.
 * The vectors are cached in {@code bench-work/vectors-…f32} (little-endian float32) so later runs and the brute-force
 * recall read them instead of embedding again.
 */
final class TextDataSet extends SearchDataSet {
    static final int BASE_CREATORS = 2000;
    private static final int EMBED_CHUNK = 10_000;

    private final int n;
    private final NicheBenchmark.TextSource source;
    private final List<String> niches;
    private final StaticEmbedder embedder = StaticEmbedder.load();
    private final FloatBuffer vectors;

    TextDataSet(long seed, int n, Path work, PrintStream out) throws Exception {
        super(seed);
        this.n = n;
        Files.createDirectories(work);
        this.source = new NicheBenchmark.TextSource(PlantedAccounts.read(baseCreators(seed, work, out)));
        this.niches = source.niches();
        Path file = work.resolve(
                "vectors-text-" + seed + "-" + n + "-" + StaticEmbedder.MODEL_ID.replace('@', '-') + ".f32");
        long bytes = (long) n * embedder.dimensions() * 4;
        if (!Files.exists(file) || Files.size(file) != bytes) {
            embedToCache(file, work, out);
        } else {
            out.println("vectors from the cache " + file);
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "at most " + Integer.MAX_VALUE / (embedder.dimensions() * 4) + " accounts");
        }
        try (var ch = FileChannel.open(file, StandardOpenOption.READ)) {
            vectors = ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
        }
    }

    /** The generator's base creators for this seed, generated into {@code work} unless an earlier run did. */
    private static Path baseCreators(long seed, Path work, PrintStream out) throws Exception {
        Path generated = work.resolve("creators-" + seed);
        if (!Files.exists(generated.resolve("ground-truth.jsonl"))) {
            long t = System.nanoTime();
            new SyntheticDataGenerator(GeneratorConfig.of(BASE_CREATORS, seed)
                            .withFollowerSampleSize(1)
                            .withCommentedPosts(0))
                    .generate(generated);
            out.printf(
                    Locale.ROOT, "generated %d base creators in %.1f s%n", BASE_CREATORS, PhaseClock.secondsSince(t));
        }
        return generated;
    }

    /** Embeds every account's text and writes the vectors to {@code file} (through a temporary file). */
    private void embedToCache(Path file, Path work, PrintStream out) throws Exception {
        long t = System.nanoTime();
        Path tmp = work.resolve(file.getFileName() + ".tmp");
        try (var ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int from = 0; from < n; from += EMBED_CHUNK) {
                List<float[]> vs = embedder.embedAll(source.chunk(from, Math.min(EMBED_CHUNK, n - from)));
                ByteBuffer b = ByteBuffer.allocate(vs.size() * embedder.dimensions() * 4)
                        .order(ByteOrder.LITTLE_ENDIAN);
                for (float[] v : vs) {
                    for (float x : v) {
                        b.putFloat(x);
                    }
                }
                b.flip();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        out.printf(
                Locale.ROOT,
                "embedded %,d texts with %s in %.1f s (cached in %s)%n",
                n,
                StaticEmbedder.MODEL_ID,
                PhaseClock.secondsSince(t),
                file);
    }

    @Override
    Row row(int a) {
        Random r = new Random(seed * 1_000_003L + a);
        PlantedAccount base = source.account(a);
        String second = null;
        double secondWeight = 0;
        for (var e : new TreeMap<>(base.weights()).entrySet()) {
            if (!e.getKey().equals(base.primaryNiche()) && e.getValue() >= 0.15 && e.getValue() > secondWeight) {
                second = e.getKey();
                secondWeight = e.getValue();
            }
        }
        return row(r, base.language(), base.primaryNiche(), second, Math.min(1, 0.3 + secondWeight), source.text(a));
    }

    @Override
    float[] vector(int a) {
        float[] v = new float[embedder.dimensions()];
        vectors.get(a * embedder.dimensions(), v);
        return v;
    }

    @Override
    TextEmbedder embedder() {
        return embedder;
    }

    @Override
    String briefText(int i) {
        Random r = new Random(seed * 31 + i);
        return source.brief(niches.get(r.nextInt(niches.size())), i, 4);
    }

    @Override
    String randomNiche(Random r) {
        return niches.get(r.nextInt(niches.size()));
    }

    @Override
    String[] keywordWords(Random r) {
        List<String> w = words(source.text(r.nextInt(n)), 5);
        String first = w.get(r.nextInt(w.size()));
        String second = first;
        for (int tries = 0; tries < 20 && second.equals(first); tries++) {
            second = w.get(r.nextInt(w.size()));
        }
        return new String[] {first, second};
    }
}
