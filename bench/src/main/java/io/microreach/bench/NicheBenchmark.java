package io.microreach.bench;

import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.niches.MiniLmEmbedder;
import io.microreach.niches.NicheScores;
import io.microreach.niches.NicheTaxonomy;
import io.microreach.niches.StaticEmbedder;
import io.microreach.niches.SupervisedNicheClassifier;
import io.microreach.niches.TextEmbedder;
import io.microreach.niches.ZeroShotNicheClassifier;
import io.microreach.niches.evaluation.PlantedAccount;
import io.microreach.niches.evaluation.PlantedAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Niche classification throughput: the full MiniLM model (baseline) and the fast path (static token table) embed and
 * classify the same kind of texts in one run, and the fast path classifies {@code --texts} (default 1,000,000)
 * creator texts end to end: with zero-shot, and with the shipped model as the app runs it (from the embedding alone,
 * and with the text's words too, its lexical part).
 *
 * <p>Texts: the generator writes {@code --base-creators} creators; their content texts ({@code ContentText}: bio,
 * 12 recent captions, top hashtags; about 600 characters on the generator's data, as the app embeds them) are cut into their parts, and
 * text i is a bio plus 12 parts drawn from the pool of its niche, plus a unique number (so no two texts are equal
 * and the content-hash cache cannot help). Texts are built chunk by chunk (not kept) and building is timed apart.
 *
 * <p>Run: {@code java -Xmx2g -cp "$CP" io.microreach.bench.NicheBenchmark --texts 1000000} with the class path built
 * as docs/benchmarks.md says.
 */
public final class NicheBenchmark {
    private NicheBenchmark() {}

    public static void main(String[] args) throws Exception {
        int texts = 1_000_000;
        int baselineTexts = 300;
        int baseCreators = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--texts" -> texts = Integer.parseInt(args[++i]);
                case "--baseline-texts" -> baselineTexts = Integer.parseInt(args[++i]);
                case "--base-creators" -> baseCreators = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: NicheBenchmark [--texts N] [--baseline-texts N] [--base-creators N]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("niche-bench");
        System.setProperty("DJL_CACHE_DIR", dir.resolve("djl").toString());
        new SyntheticDataGenerator(GeneratorConfig.of(baseCreators, 42)
                        .withFollowerSampleSize(1)
                        .withCommentedPosts(0))
                .generate(dir);
        TextSource source = new TextSource(PlantedAccounts.read(dir));
        NicheTaxonomy taxonomy = NicheTaxonomy.load();

        List<String> sample = source.chunk(0, baselineTexts);
        double meanChars = sample.stream().mapToInt(String::length).average().orElse(0);
        double meanWords =
                sample.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "texts: mean %.0f characters, %.0f words; %d cores%n",
                meanChars,
                meanWords,
                Runtime.getRuntime().availableProcessors());

        // Baseline: the full model on the sample, after a short warm-up.
        MiniLmEmbedder full = new MiniLmEmbedder();
        full.embedAll(sample.subList(0, Math.min(20, sample.size())));
        double fullRate = rate(full, sample);
        ZeroShotNicheClassifier fullZeroShot = ZeroShotNicheClassifier.build(taxonomy, full);

        StaticEmbedder fast = StaticEmbedder.load();
        ZeroShotNicheClassifier fastZeroShot = ZeroShotNicheClassifier.build(taxonomy, fast);
        source.chunk(0, 20_000).parallelStream().forEach(t -> fastZeroShot.classify(fast.embed(t)));
        double fastRateSample = rate(fast, sample);

        // The fast path end to end on every text: build (timed apart), embed, classify. Zero-shot first (the figure
        // this benchmark always reported), then the shipped model as the app runs it: from the embedding alone, and
        // with the text's words (its lexical part).
        EndToEnd endToEnd = endToEnd(source, t -> fastZeroShot.classify(fast.embed(t)), texts);
        Optional<SupervisedNicheClassifier> shipped = SupervisedNicheClassifier.shipped(fastZeroShot);
        List<String[]> modelRows = new ArrayList<>();
        if (shipped.isPresent()) {
            SupervisedNicheClassifier model = shipped.get();
            source.chunk(0, 20_000).parallelStream().forEach(t -> model.classify(fast.embed(t), t));
            EndToEnd vectorOnly = endToEnd(source, t -> model.classify(fast.embed(t)), texts);
            EndToEnd withWords = endToEnd(source, t -> model.classify(fast.embed(t), t), texts);
            modelRows.add(new String[] {"fast path + shipped model, embedding only", rateRow(vectorOnly, texts)});
            modelRows.add(new String[] {"fast path + shipped model, embedding and words", rateRow(withWords, texts)});
        }
        long build = endToEnd.buildNanos();
        long work = endToEnd.workNanos();
        AtomicLong assigned = endToEnd.assigned();
        double fastSeconds = work / 1e9;
        double fullClassify = fullRate > 0 ? texts / fullRate : Double.NaN;
        System.out.println();
        System.out.println("| path | texts/s (2 cores) | time for " + String.format(Locale.ROOT, "%,d", texts)
                + " texts (embed + classify) |");
        System.out.println("|---|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| full model (%s), %d texts, baseline | %.0f | %s (projected) |%n",
                full.modelId(),
                sample.size(),
                fullRate,
                hours(fullClassify));
        System.out.printf(
                Locale.ROOT,
                "| fast path (%s), same %d texts | %.0f | – |%n",
                fast.modelId(),
                sample.size(),
                fastRateSample);
        System.out.printf(
                Locale.ROOT,
                "| fast path, all texts | %.0f | %s (measured) |%n",
                texts / fastSeconds,
                hours(fastSeconds));
        for (String[] row : modelRows) {
            System.out.println("| " + row[0] + ", all texts | " + row[1] + " (measured) |");
        }
        System.out.printf(
                Locale.ROOT,
                "speed-up %.0fx; building the texts took %.1f s more (not counted); %.2f niches per text%n",
                (texts / fastSeconds) / fullRate,
                build / 1e9,
                assigned.get() / (double) texts);
        System.out.printf(
                Locale.ROOT,
                "agreement of top niches fast vs full on the sample: %.3f%n",
                agreement(sample, fast, fastZeroShot, full, fullZeroShot));
    }

    /** Nanoseconds spent building the texts and embedding + classifying them, and the niches assigned. */
    private record EndToEnd(long buildNanos, long workNanos, AtomicLong assigned) {}

    private static String rateRow(EndToEnd run, int texts) {
        double seconds = run.workNanos() / 1e9;
        return String.format(Locale.ROOT, "%.0f | %s", texts / seconds, hours(seconds));
    }

    private static EndToEnd endToEnd(TextSource source, Function<String, NicheScores> classify, int texts) {
        long build = 0;
        long work = 0;
        AtomicLong assigned = new AtomicLong();
        int chunk = 20_000;
        for (int from = 0; from < texts; from += chunk) {
            long t0 = System.nanoTime();
            List<String> batch = source.chunk(from, Math.min(chunk, texts - from));
            long t1 = System.nanoTime();
            batch.parallelStream().forEach(t -> {
                NicheScores s = classify.apply(t);
                assigned.addAndGet(s.assigned(NicheScores.THRESHOLD).size());
            });
            long t2 = System.nanoTime();
            build += t1 - t0;
            work += t2 - t1;
            if ((from / chunk) % 10 == 0) {
                System.out.printf(Locale.ROOT, "  %,d texts, %.1f s%n", from + batch.size(), work / 1e9);
            }
        }
        return new EndToEnd(build, work, assigned);
    }

    private static double rate(TextEmbedder e, List<String> texts) {
        long t0 = System.nanoTime();
        if (e instanceof MiniLmEmbedder) {
            e.embedAll(texts);
        } else {
            texts.parallelStream().forEach(e::embed);
        }
        return texts.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double agreement(
            List<String> texts,
            TextEmbedder a,
            ZeroShotNicheClassifier ca,
            TextEmbedder b,
            ZeroShotNicheClassifier cb) {
        List<float[]> vb = b.embedAll(texts);
        int same = 0;
        for (int i = 0; i < texts.size(); i++) {
            String ta = ca.classify(a.embed(texts.get(i))).scores().get(0).nicheId();
            String tb = cb.classify(vb.get(i)).scores().get(0).nicheId();
            same += ta.equals(tb) ? 1 : 0;
        }
        return same / (double) texts.size();
    }

    private static String hours(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    /** Deterministic creator texts recombined from generated ones (see the class comment). */
    static final class TextSource {
        private final List<PlantedAccount> accounts;
        private final List<String> bios = new ArrayList<>();
        private final List<String> niches = new ArrayList<>();
        private final Map<String, List<String>> parts = new HashMap<>();

        TextSource(List<PlantedAccount> accounts) {
            this.accounts = List.copyOf(accounts);
            for (PlantedAccount a : accounts) {
                String[] p = a.text().split(" \\. ");
                bios.add(p[0]);
                niches.add(a.primaryNiche());
                for (int i = 1; i < p.length; i++) {
                    parts.computeIfAbsent(a.primaryNiche(), k -> new ArrayList<>())
                            .add(p[i]);
                }
            }
        }

        List<String> chunk(int from, int n) {
            return IntStream.range(from, from + n)
                    .parallel()
                    .mapToObj(this::text)
                    .toList();
        }

        /** The generated account whose bio and niche text {@code i} takes (its language and planted niches). */
        PlantedAccount account(int i) {
            return accounts.get(new SplittableRandom(i * 0x9E3779B97F4A7C15L).nextInt(bios.size()));
        }

        /** The distinct primary niches of the generated accounts, sorted. */
        List<String> niches() {
            return niches.stream().distinct().sorted().toList();
        }

        /**
         * A campaign-brief-like text about {@code niche}: {@code parts} caption parts drawn from that niche's pool
         * (seeded by {@code i}); no bio and no number, so it is not any account's text.
         */
        String brief(String niche, int i, int parts) {
            SplittableRandom rng = new SplittableRandom(i * 0xBF58476D1CE4E5B9L + 7);
            List<String> pool = this.parts.getOrDefault(niche, List.of());
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < parts && !pool.isEmpty(); k++) {
                s.append(k == 0 ? "" : " . ").append(pool.get(rng.nextInt(pool.size())));
            }
            return s.toString();
        }

        String text(int i) {
            SplittableRandom rng = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
            int a = rng.nextInt(bios.size());
            List<String> pool = parts.get(niches.get(a));
            StringBuilder s = new StringBuilder(bios.get(a));
            for (int k = 0; k < 12 && pool != null; k++) {
                s.append(" . ").append(pool.get(rng.nextInt(pool.size())));
            }
            return s.append(" . ").append(i).toString();
        }
    }
}
