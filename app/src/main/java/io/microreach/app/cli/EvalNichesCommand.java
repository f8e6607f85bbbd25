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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                    + " ids separated by |).",
            "Prints macroF1, microF1, n and per-niche precision/recall/F1. Zero-shot unless --train names a labelled"
                    + " CSV to train the supervised layer on. Exit code: 0, 2 unusable file."
        })
class EvalNichesCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--labels", required = true, paramLabel = "FILE.csv", description = "Labelled texts.")
    Path labels;

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
        NicheTaxonomy taxonomy = NicheTaxonomy.load();
        List<LabelledText> test;
        List<LabelledText> training = List.of();
        try {
            test = LabelledTextFile.read(labels, taxonomy);
            if (train != null) {
                training = LabelledTextFile.read(train, taxonomy);
            }
        } catch (UnusableInputException e) {
            err.println("eval niches: " + e.getMessage());
            return ExitCodes.UNUSABLE;
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
        NicheClassifier classifier = zeroShot;
        if (!training.isEmpty()) {
            List<float[]> vectors =
                    embedder.embedAll(training.stream().map(LabelledText::text).toList());
            List<LabelledVector> data = new ArrayList<>();
            for (int i = 0; i < training.size(); i++) {
                data.add(LabelledVector.complete(vectors.get(i), training.get(i).labels(), taxonomy));
            }
            classifier = SupervisedNicheClassifier.train(zeroShot, data, 42);
        }
        List<float[]> vectors =
                embedder.embedAll(test.stream().map(LabelledText::text).toList());
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            truth.add(test.get(i).labels());
            predicted.add(classifier.classify(vectors.get(i)).assignedIds());
        }
        NicheEvaluation e = NicheEvaluation.of(truth, predicted, taxonomy.ids());
        print(e, classifier.id());
        return ExitCodes.OK;
    }

    private void print(NicheEvaluation e, String classifier) throws Exception {
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("macroF1", e.macroF1());
            o.put("microF1", e.microF1());
            o.put("n", e.n());
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
