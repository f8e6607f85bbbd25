package io.microreach.niches;

import io.microreach.niches.evaluation.LabelledText;
import io.microreach.niches.evaluation.LabelledTextFile;
import io.microreach.niches.evaluation.NicheEvaluation;
import io.microreach.niches.evaluation.PlantedAccount;
import io.microreach.niches.evaluation.PlantedAccounts;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Prints the evaluation numbers of docs/niches.md: on a generated data set (the demo: 5,000 creators, seed 42) zero-shot
 * vs supervised (trained on the even-numbered accounts, evaluated on the odd ones), fast path vs full model, all
 * accounts and the non-English ones; and zero-shot on the real top-1000 category labels (mapped onto the taxonomy).
 * Also writes the labelled CSVs so that {@code microreach eval niches --labels FILE} reproduces the zero-shot rows.
 * Prints aggregates only, never a real account name.
 *
 * <pre>
 * ./mvnw -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp "core/target/test-classes:core/target/classes:$(cat core/cp.txt)" \
 *     io.microreach.niches.NicheEvaluationReport DEMO_DIR ../shared/data OUT_DIR [fast|minilm|both]
 * </pre>
 */
public final class NicheEvaluationReport {
    /** Planted secondary niches below this weight are too rare in a dozen captions to count as the account's niche. */
    static final double MIN_WEIGHT = 0.2;

    private NicheEvaluationReport() {}

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]);
        Path shared = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String which = args.length > 3 ? args[3] : "both";
        Files.createDirectories(out);
        System.setProperty("DJL_CACHE_DIR", out.resolve("djl").toAbsolutePath().toString());
        NicheTaxonomy taxonomy = NicheTaxonomy.load();

        List<PlantedAccount> accounts = PlantedAccounts.read(demo);
        List<LabelledText> generated = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            generated.add(new LabelledText(
                    i + 2, accounts.get(i).niches(MIN_WEIGHT), accounts.get(i).text()));
        }
        LabelledTextFile.write(out.resolve("generated-labels.csv"), generated);
        List<LabelledText> real = top1000(shared.resolve("top1000-influencers-2022"));
        if (!real.isEmpty()) {
            LabelledTextFile.write(out.resolve("top1000-labels.csv"), real);
        }
        System.out.printf(
                Locale.ROOT,
                "generated accounts %d (non-English %d); top-1000 rows with a mapped category %d%n",
                accounts.size(),
                accounts.stream().filter(a -> !a.language().equals("en")).count(),
                real.size());

        List<TextEmbedder> embedders = new ArrayList<>();
        if (!which.equals("minilm")) {
            embedders.add(StaticEmbedder.load());
        }
        if (!which.equals("fast")) {
            embedders.add(new MiniLmEmbedder());
        }
        for (TextEmbedder e : embedders) {
            long t0 = System.nanoTime();
            List<float[]> vectors =
                    e.embedAll(accounts.stream().map(PlantedAccount::text).toList());
            double seconds = (System.nanoTime() - t0) / 1e9;
            ZeroShotNicheClassifier zeroShot = ZeroShotNicheClassifier.build(taxonomy, e);
            List<LabelledVector> train = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i += 2) {
                train.add(
                        LabelledVector.complete(vectors.get(i), generated.get(i).labels(), taxonomy));
            }
            SupervisedNicheClassifier supervised = SupervisedNicheClassifier.train(zeroShot, train, 42);
            System.out.printf(
                    Locale.ROOT,
                    "%n== %s (%d dims): embedded %d texts in %.1f s (%.0f texts/s, mean %d chars)%n",
                    e.modelId(),
                    e.dimensions(),
                    accounts.size(),
                    seconds,
                    accounts.size() / seconds,
                    (int) accounts.stream()
                            .mapToInt(a -> a.text().length())
                            .average()
                            .orElse(0));
            System.out.println("set                      classifier    macroF1  microF1  top1(primary)  ECE      n");
            Predicate<Integer> all = i -> true;
            Predicate<Integer> odd = i -> i % 2 == 1;
            Predicate<Integer> nonEnglish = i -> !accounts.get(i).language().equals("en");
            report("generated, all", "zero-shot", zeroShot, accounts, vectors, generated, all, taxonomy);
            report("generated, odd half", "zero-shot", zeroShot, accounts, vectors, generated, odd, taxonomy);
            report("generated, odd half", "supervised", supervised, accounts, vectors, generated, odd, taxonomy);
            report("generated, non-English", "zero-shot", zeroShot, accounts, vectors, generated, nonEnglish, taxonomy);
            report(
                    "generated, non-English odd",
                    "supervised",
                    supervised,
                    accounts,
                    vectors,
                    generated,
                    nonEnglish.and(odd),
                    taxonomy);
            if (!real.isEmpty()) {
                List<float[]> rv =
                        e.embedAll(real.stream().map(LabelledText::text).toList());
                List<Set<String>> truth = new ArrayList<>();
                List<Set<String>> pred = new ArrayList<>();
                for (int i = 0; i < real.size(); i++) {
                    truth.add(real.get(i).labels());
                    pred.add(zeroShot.classify(rv.get(i)).assignedIds());
                }
                NicheEvaluation ev = NicheEvaluation.of(truth, pred, taxonomy.ids());
                System.out.printf(
                        Locale.ROOT,
                        "%-24s %-12s %8.3f %8.3f %14s %8s %6d%n",
                        "top-1000 real categories",
                        "zero-shot",
                        ev.macroF1(),
                        ev.microF1(),
                        "-",
                        "-",
                        ev.n());
            }
        }
    }

    private static void report(
            String set,
            String name,
            NicheClassifier classifier,
            List<PlantedAccount> accounts,
            List<float[]> vectors,
            List<LabelledText> labelled,
            Predicate<Integer> rows,
            NicheTaxonomy taxonomy) {
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> pred = new ArrayList<>();
        int top1 = 0;
        double[] count = new double[10];
        double[] conf = new double[10];
        double[] hits = new double[10];
        for (int i = 0; i < accounts.size(); i++) {
            if (!rows.test(i)) {
                continue;
            }
            NicheScores s = classifier.classify(vectors.get(i));
            truth.add(labelled.get(i).labels());
            pred.add(s.assignedIds());
            top1 += s.scores().get(0).nicheId().equals(accounts.get(i).primaryNiche()) ? 1 : 0;
            for (NicheScore n : s.scores()) {
                int b = Math.min(9, (int) (n.confidence() * 10));
                count[b]++;
                conf[b] += n.confidence();
                hits[b] += labelled.get(i).labels().contains(n.nicheId()) ? 1 : 0;
            }
        }
        double total = 0;
        double ece = 0;
        for (double c : count) {
            total += c;
        }
        for (int b = 0; b < 10; b++) {
            ece += Math.abs(hits[b] - conf[b]) / total;
        }
        NicheEvaluation ev = NicheEvaluation.of(truth, pred, taxonomy.ids());
        System.out.printf(
                Locale.ROOT,
                "%-24s %-12s %8.3f %8.3f %14.3f %8.4f %6d%n",
                set,
                name,
                ev.macroF1(),
                ev.microF1(),
                top1 / (double) truth.size(),
                ece,
                ev.n());
    }

    /** Ranking-site categories mapped onto the taxonomy; categories with no counterpart are left out (docs/niches.md). */
    static final Map<String, String> CATEGORY_MAP = Map.ofEntries(
            Map.entry("music", "music"),
            Map.entry("music & dance", "music"),
            Map.entry("sports with a ball", "sports"),
            Map.entry("racing sports", "sports"),
            Map.entry("winter sports", "sports"),
            Map.entry("water sports", "sports"),
            Map.entry("sports", "sports"),
            Map.entry("beauty", "beauty"),
            Map.entry("fashion", "fashion"),
            Map.entry("clothing & outfits", "fashion"),
            Map.entry("modeling", "fashion"),
            Map.entry("family", "parenting"),
            Map.entry("fitness & gym", "fitness"),
            Map.entry("fitness", "fitness"),
            Map.entry("trainers & coaches", "fitness"),
            Map.entry("finance & economics", "finance"),
            Map.entry("gaming", "gaming"),
            Map.entry("video games", "gaming"),
            Map.entry("computers & gadgets", "tech"),
            Map.entry("science & technology", "tech"),
            Map.entry("machinery & technologies", "tech"),
            Map.entry("food & cooking", "food"),
            Map.entry("food & drinks", "food"),
            Map.entry("nature & landscapes", "outdoor"),
            Map.entry("travel", "travel"),
            Map.entry("animals", "pets"),
            Map.entry("animals & pets", "pets"),
            Map.entry("education", "education"),
            Map.entry("science", "education"),
            Map.entry("health & self help", "personal_development"));

    /**
     * The December 2022 Instagram and YouTube lists (the other months repeat most creators): text = handle and display
     * name, the only text these files have; labels = the mapped categories (category 1 and 2).
     */
    static List<LabelledText> top1000(Path folder) throws Exception {
        List<LabelledText> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            System.out.println("top-1000 data not found at " + folder + ": skipping the real-label evaluation");
            return out;
        }
        // file, handle column, name column, category columns
        Object[][] files = {
            {"social_media_influencers-INSTAGRAM--DEC_2022.csv", 1, 2, new int[] {3, 4}},
            {"social_media_influencers-YOUTUBE--DEC_2022.csv", 1, 2, new int[] {3, 13}}
        };
        for (Object[] f : files) {
            try (Reader in = Files.newBufferedReader(folder.resolve((String) f[0]), StandardCharsets.UTF_8)) {
                boolean header = true;
                for (CSVRecord r : CSVFormat.RFC4180.parse(in)) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    Set<String> labels = new LinkedHashSet<>();
                    for (int c : (int[]) f[3]) {
                        if (c < r.size()) {
                            String niche = CATEGORY_MAP.get(r.get(c).trim().toLowerCase(Locale.ROOT));
                            if (niche != null) {
                                labels.add(niche);
                            }
                        }
                    }
                    int h = (int) f[1];
                    int n = (int) f[2];
                    String text = ((h < r.size() ? r.get(h) : "") + " " + (n < r.size() ? r.get(n) : "")).trim();
                    if (!labels.isEmpty() && !text.isBlank()) {
                        out.add(new LabelledText(r.getRecordNumber(), labels, text));
                    }
                }
            }
        }
        return out;
    }
}
