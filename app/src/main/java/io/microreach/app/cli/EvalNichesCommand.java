package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.LabelledVector;
import io.microreach.niches.MiniLmEmbedder;
import io.microreach.niches.NicheClassifier;
import io.microreach.niches.NicheTaxonomy;
import io.microreach.niches.StaticEmbedder;
import io.microreach.niches.SupervisedNicheClassifier;
import io.microreach.niches.TextEmbedder;
import io.microreach.niches.ZeroShotNicheClassifier;
import io.microreach.niches.evaluation.LabelledText;
import io.microreach.niches.evaluation.LabelledTextFile;
import io.microreach.niches.evaluation.NicheEvaluation;
import io.microreach.niches.evaluation.NicheMetrics;
import io.microreach.niches.evaluation.PublicNicheData;
import io.microreach.niches.evaluation.RealNicheEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "niches",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate niche classification on a labelled CSV with the header label,text (label = one or more niche"
                    + " ids separated by |), with the classifier the app uses before any correction (the shipped"
                    + " model, or zero-shot with --zero-shot), or the supervised layer trained on --train.",
            "Or, with --public-data DIR, on the real public sets read from DIR (../shared/data): Reddit titles held"
                    + " out by subreddit, and held-out Instagram creators of Kim et al. 2020 (evaluation only).",
            "Prints macroF1, microF1, n, the share answered unclear, the macroF1 of the answered part and per-niche"
                    + " precision/recall/F1. Exit code: 0, 2 unusable file or folder."
        })
class EvalNichesCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--labels", paramLabel = "FILE.csv", description = "Labelled texts.")
    Path labels;

    @Option(
            names = "--public-data",
            paramLabel = "DIR",
            description = "Folder of the public data sets (../shared/data): evaluate on their held-out parts.")
    Path publicData;

    @Option(
            names = "--write-model",
            paramLabel = "FILE",
            description = "With --public-data: train the model on all of reddit_top2013, write it to FILE (the shipped"
                    + " model is core/src/main/resources/io/microreach/niches/<embedder>.niche-model) and evaluate"
                    + " it instead of the shipped one.")
    Path writeModel;

    @Option(names = "--zero-shot", description = "With --labels: evaluate zero-shot instead of the shipped model.")
    boolean zeroShotOnly;

    @Option(
            names = "--train",
            paramLabel = "FILE.csv",
            description = "Labelled texts to train the supervised layer on (keep them apart from --labels).")
    Path train;

    @Option(
            names = "--embedder",
            paramLabel = "fast|minilm",
            defaultValue = "fast",
            description = "Static token table (default) or the full MiniLM model.")
    String embedderName;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if ((labels == null) == (publicData == null)) {
            err.println("eval niches: give exactly one of --labels FILE.csv and --public-data DIR");
            return ExitCodes.UNUSABLE;
        }
        if (writeModel != null && publicData == null) {
            err.println("eval niches: --write-model needs --public-data DIR");
            return ExitCodes.UNUSABLE;
        }
        NicheTaxonomy taxonomy = NicheTaxonomy.load();
        List<LabelledText> test = List.of();
        List<LabelledText> training = List.of();
        if (publicData != null) {
            if (!java.nio.file.Files.isDirectory(publicData)) {
                err.println("eval niches: --public-data: " + publicData + ": no such folder");
                return ExitCodes.UNUSABLE;
            }
        } else {
            try {
                test = LabelledTextFile.read(labels, taxonomy);
                if (train != null) {
                    training = LabelledTextFile.read(train, taxonomy);
                }
            } catch (UnusableInputException e) {
                err.println("eval niches: " + e.getMessage());
                return ExitCodes.UNUSABLE;
            }
        }
        TextEmbedder embedder;
        switch (embedderName.toLowerCase(Locale.ROOT)) {
            case "fast" -> embedder = StaticEmbedder.load();
            case "minilm" -> {
                if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
                    System.setProperty(
                            "DJL_CACHE_DIR",
                            io.microreach.app.home.MicroreachHome.resolve(home.home)
                                    .create()
                                    .runtime()
                                    .resolve("djl")
                                    .toString());
                }
                embedder = new MiniLmEmbedder();
            }
            default -> {
                err.println(
                        "eval niches: --embedder: unknown embedder '" + embedderName + "'; expected fast or minilm");
                return ExitCodes.UNUSABLE;
            }
        }
        ZeroShotNicheClassifier zeroShot = ZeroShotNicheClassifier.build(taxonomy, embedder);
        if (publicData != null) {
            return publicData(embedder, zeroShot);
        }
        NicheClassifier classifier = zeroShotOnly
                ? zeroShot
                : SupervisedNicheClassifier.shipped(zeroShot)
                        .<NicheClassifier>map(m -> m)
                        .orElse(zeroShot);
        if (!training.isEmpty()) {
            List<float[]> vectors =
                    embedder.embedAll(training.stream().map(LabelledText::text).toList());
            List<LabelledVector> data = new ArrayList<>();
            for (int i = 0; i < training.size(); i++) {
                data.add(LabelledVector.complete(
                        vectors.get(i), training.get(i).text(), training.get(i).labels(), taxonomy));
            }
            classifier = SupervisedNicheClassifier.train(zeroShot, zeroShot, data, 42, true);
        }
        List<float[]> vectors =
                embedder.embedAll(test.stream().map(LabelledText::text).toList());
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            truth.add(test.get(i).labels());
            predicted.add(
                    classifier.classify(vectors.get(i), test.get(i).text()).assignedIds());
        }
        var result = RealNicheEvaluation.result(
                labels.getFileName().toString(), classifier.id(), truth, predicted, taxonomy);
        print(result);
        return ExitCodes.OK;
    }

    private int publicData(TextEmbedder embedder, ZeroShotNicheClassifier zeroShot) throws Exception {
        var err = spec.commandLine().getErr();
        List<RealNicheEvaluation.Result> results;
        try {
            Optional<SupervisedNicheClassifier> model = SupervisedNicheClassifier.shipped(zeroShot);
            if (writeModel != null) {
                err.println("eval niches: training on all of " + PublicNicheData.REDDIT);
                var reddit = PublicNicheData.reddit(publicData, zeroShot.taxonomy());
                SupervisedNicheClassifier trained = RealNicheEvaluation.trainOnReddit(
                        reddit,
                        embedder.embedAll(reddit.stream()
                                .map(PublicNicheData.GroupedText::text)
                                .toList()),
                        zeroShot);
                try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(writeModel))) {
                    trained.write(out, PublicNicheData.REDDIT);
                }
                err.println("eval niches: wrote " + writeModel);
                try (var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(writeModel))) {
                    model = Optional.of(SupervisedNicheClassifier.read(in, zeroShot));
                }
            }
            results = RealNicheEvaluation.run(
                    publicData, embedder, zeroShot, model, m -> err.println("eval niches: " + m));
        } catch (UnusableInputException e) {
            err.println("eval niches: --public-data: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        var out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RealNicheEvaluation.Result r : results) {
                rows.add(json(r));
            }
            out.println(new ObjectMapper().writeValueAsString(Map.of("sets", rows)));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%-46s %7s %7s %7s %8s %7s  %s%n",
                    "set",
                    "macroF1",
                    "microF1",
                    "unclear",
                    "answered",
                    "n",
                    "classifier");
            for (RealNicheEvaluation.Result r : results) {
                out.printf(
                        Locale.ROOT,
                        "%-46s %7.4f %7.4f %7.4f %8.4f %7d  %s%n",
                        r.set(),
                        r.all().macroF1(),
                        r.all().microF1(),
                        r.unclearShare(),
                        r.answered().macroF1(),
                        r.all().n(),
                        r.classifier());
            }
            out.println("answered = macroF1 of the texts not answered unclear; per-niche figures: --json");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(RealNicheEvaluation.Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("set", r.set());
        o.put("classifier", r.classifier());
        o.put("macroF1", r.all().macroF1());
        o.put("microF1", r.all().microF1());
        o.put("n", r.all().n());
        o.put("unclearShare", r.unclearShare());
        o.put("answeredMacroF1", r.answered().macroF1());
        o.put("answeredMicroF1", r.answered().microF1());
        List<Map<String, Object>> per = new ArrayList<>();
        for (NicheMetrics m : r.all().perNiche()) {
            if (m.support() == 0 && m.predicted() == 0) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("niche", m.nicheId());
            row.put("precision", m.precision());
            row.put("recall", m.recall());
            row.put("f1", m.f1());
            row.put("support", m.support());
            row.put("predicted", m.predicted());
            per.add(row);
        }
        o.put("perNiche", per);
        return o;
    }

    private void print(RealNicheEvaluation.Result result) throws Exception {
        var out = spec.commandLine().getOut();
        NicheEvaluation e = result.all();
        String classifier = result.classifier();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("macroF1", e.macroF1());
            o.put("microF1", e.microF1());
            o.put("n", e.n());
            o.put("unclearShare", result.unclearShare());
            o.put("answeredMacroF1", result.answered().macroF1());
            o.put("classifier", classifier);
            List<Map<String, Object>> per = new ArrayList<>();
            for (NicheMetrics m : e.perNiche()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("niche", m.nicheId());
                r.put("precision", m.precision());
                r.put("recall", m.recall());
                r.put("f1", m.f1());
                r.put("support", m.support());
                r.put("predicted", m.predicted());
                per.add(r);
            }
            o.put("perNiche", per);
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "macroF1 %.4f%nmicroF1 %.4f%nn       %d%n", e.macroF1(), e.microF1(), e.n());
            out.printf(
                    Locale.ROOT,
                    "unclear %.4f (answered macroF1 %.4f)%n",
                    result.unclearShare(),
                    result.answered().macroF1());
            out.printf(Locale.ROOT, "classifier %s%n", classifier);
            out.printf(
                    Locale.ROOT,
                    "%-22s %9s %9s %9s %8s %9s%n",
                    "niche",
                    "precision",
                    "recall",
                    "f1",
                    "support",
                    "predicted");
            for (NicheMetrics m : e.perNiche()) {
                out.printf(
                        Locale.ROOT,
                        "%-22s %9.4f %9.4f %9.4f %8d %9d%n",
                        m.nicheId(),
                        m.precision(),
                        m.recall(),
                        m.f1(),
                        m.support(),
                        m.predicted());
            }
        }
        out.flush();
    }
}
