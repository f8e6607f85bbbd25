package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import io.microreach.signals.followers.training.ClassifierEvaluation;
import io.microreach.signals.followers.training.PublicProfileData;
import io.microreach.signals.followers.training.PublicProfileData.LabelledSet;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "suspicious",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate the suspicious-follower classifier on a labelled CSV: header with 'label' (1 = suspicious,"
                    + " 0 = genuine) and any of username, posts, followers, following, has_profile_picture,"
                    + " is_private, bio_length, has_external_url, fullname_words.",
            "Or, with --public-data DIR, on the held-out public sets the model card reports (Kaggle test.csv, the"
                    + " held-out 25% of InstaFake, Cresci 2015), read from DIR (../shared/data).",
            "Prints accuracy, precision, recall, falsePositiveRate, rocAuc, n (per set with --public-data)."
                    + " Exit code: 0, 2 unusable file or folder."
        })
class EvalSuspiciousCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--labels", paramLabel = "FILE.csv", description = "Labelled profiles.")
    Path labels;

    @Option(
            names = "--public-data",
            paramLabel = "DIR",
            description = "Folder of the public data sets (../shared/data): evaluate on their held-out parts.")
    Path publicData;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "A retrained model file (default: the shipped model).")
    Path model;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if ((labels == null) == (publicData == null)) {
            err.println("eval suspicious: give exactly one of --labels FILE.csv and --public-data DIR");
            return ExitCodes.UNUSABLE;
        }
        List<LabelledSet> sets;
        if (labels != null) {
            var read = LabelledProfiles.read(labels, "eval suspicious", err);
            if (read.isEmpty()) {
                return ExitCodes.UNUSABLE;
            }
            sets = List.of(new LabelledSet(labels.getFileName().toString(), read.get()));
        } else {
            try {
                sets = PublicProfileData.heldOutSets(publicData);
            } catch (FileNotFoundException | IllegalArgumentException e) {
                err.println("eval suspicious: " + e.getMessage());
                return ExitCodes.UNUSABLE;
            }
        }
        SuspiciousFollowerModel m =
                model == null ? SuspiciousFollowerModel.load() : SuspiciousFollowerModel.load(model);
        var o = spec.commandLine().getOut();
        if (labels != null) {
            Map<String, Object> out =
                    metrics(ClassifierEvaluation.of(m, sets.get(0).profiles()));
            if (json) {
                o.println(new ObjectMapper().writeValueAsString(out));
            } else {
                out.forEach((k, v) -> o.printf(Locale.ROOT, "%-18s %s%n", k, text(v)));
            }
        } else {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LabelledSet set : sets) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("set", set.name());
                row.putAll(metrics(ClassifierEvaluation.of(m, set.profiles())));
                rows.add(row);
            }
            if (json) {
                o.println(new ObjectMapper().writeValueAsString(Map.of("sets", rows)));
            } else {
                o.printf(
                        Locale.ROOT,
                        "%-38s %8s %9s %7s %17s %7s %5s%n",
                        "set",
                        "accuracy",
                        "precision",
                        "recall",
                        "falsePositiveRate",
                        "rocAuc",
                        "n");
                for (Map<String, Object> row : rows) {
                    o.printf(
                            Locale.ROOT,
                            "%-38s %8s %9s %7s %17s %7s %5s%n",
                            row.get("set"),
                            text(row.get("accuracy")),
                            text(row.get("precision")),
                            text(row.get("recall")),
                            text(row.get("falsePositiveRate")),
                            text(row.get("rocAuc")),
                            row.get("n"));
                }
                o.printf(Locale.ROOT, "threshold %.4f%n", m.threshold());
            }
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> metrics(ClassifierEvaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", e.accuracy());
        out.put("precision", value(e.precision()));
        out.put("recall", value(e.recall()));
        out.put("falsePositiveRate", value(e.falsePositiveRate()));
        out.put("rocAuc", value(e.rocAuc()));
        out.put("n", e.n());
        out.put("threshold", e.threshold());
        return out;
    }

    private static String text(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v);
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
