package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import io.microreach.signals.followers.training.ClassifierEvaluation;
import io.microreach.signals.followers.training.LabelledProfile;
import io.microreach.signals.followers.training.LeaveOneSourceOut;
import io.microreach.signals.followers.training.PublicProfileData;
import io.microreach.signals.followers.training.PublicProfileData.LabelledSet;
import io.microreach.signals.followers.training.TrainingOptions;
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
            "With --public-data DIR --leave-one-source-out: for each labelled public source (kaggle, instafake,"
                    + " cresci2015), trains the shipped model's recipe on the other sources and tests on the one left"
                    + " out; prints n, fake share, accuracy next to the all-genuine baseline, falsePositiveRate,"
                    + " recall, rocAuc, and how many small inactive genuine accounts (< 100 followers, < 10 posts) are"
                    + " flagged, also on InstaFake's non-automated genuine accounts.",
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
            names = "--leave-one-source-out",
            description = "With --public-data: train on all sources but one, test on that one, for each source.")
    boolean leaveOneSourceOut;

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
        if (leaveOneSourceOut) {
            if (publicData == null || model != null) {
                err.println("eval suspicious: --leave-one-source-out needs --public-data DIR and trains its own"
                        + " models (no --model)");
                return ExitCodes.UNUSABLE;
            }
            return leaveOneSourceOut(err);
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

    private Integer leaveOneSourceOut(java.io.PrintWriter err) throws IOException {
        List<LabelledSet> sources;
        List<LabelledProfile> nonAutomated;
        try {
            sources = PublicProfileData.labelledSources(publicData);
            nonAutomated = PublicProfileData.instaFakeNonAutomated(publicData);
        } catch (FileNotFoundException | IllegalArgumentException e) {
            err.println("eval suspicious: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> nonAutomatedRow = new LinkedHashMap<>();
        List<LeaveOneSourceOut.SourceResult> results;
        try {
            results = LeaveOneSourceOut.evaluate(sources, TrainingOptions.defaults());
        } catch (IllegalArgumentException e) {
            err.println("eval suspicious: " + publicData + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        for (LeaveOneSourceOut.SourceResult r : results) {
            ClassifierEvaluation e = r.evaluation();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("heldOut", r.source());
            row.put("trainedOn", String.join("+", r.trainedOn()));
            row.put("n", e.n());
            row.put("fakeShare", r.fakeShare());
            row.put("accuracy", e.accuracy());
            row.put("allGenuineAccuracy", r.allGenuineAccuracy());
            row.put("falsePositiveRate", value(e.falsePositiveRate()));
            row.put("recall", value(e.recall()));
            row.put("rocAuc", value(e.rocAuc()));
            row.put("threshold", e.threshold());
            row.put("smallInactiveGenuine", r.smallInactiveGenuine());
            row.put("smallInactiveGenuineFlagged", r.smallInactiveGenuineFlagged());
            rows.add(row);
            if (r.source().equals("instafake")) {
                List<LabelledProfile> small = nonAutomated.stream()
                        .filter(LeaveOneSourceOut::smallInactive)
                        .toList();
                nonAutomatedRow.put("n", nonAutomated.size());
                nonAutomatedRow.put("flagged", flagged(r, nonAutomated));
                nonAutomatedRow.put("smallInactive", small.size());
                nonAutomatedRow.put("smallInactiveFlagged", flagged(r, small));
            }
        }
        var o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("leaveOneSourceOut", rows);
            out.put("instafakeNonAutomatedGenuine", nonAutomatedRow);
            o.println(new ObjectMapper().writeValueAsString(out));
        } else {
            String format = "%-11s %-22s %5s %6s %8s %11s %6s %7s %7s %9s %11s%n";
            o.printf(
                    Locale.ROOT,
                    format,
                    "held out",
                    "trained on",
                    "n",
                    "fake",
                    "accuracy",
                    "all-genuine",
                    "FPR",
                    "recall",
                    "rocAuc",
                    "threshold",
                    "small flag");
            for (Map<String, Object> row : rows) {
                o.printf(
                        Locale.ROOT,
                        format,
                        row.get("heldOut"),
                        row.get("trainedOn"),
                        row.get("n"),
                        text(row.get("fakeShare")),
                        text(row.get("accuracy")),
                        text(row.get("allGenuineAccuracy")),
                        text(row.get("falsePositiveRate")),
                        text(row.get("recall")),
                        text(row.get("rocAuc")),
                        text(row.get("threshold")),
                        row.get("smallInactiveGenuineFlagged") + "/" + row.get("smallInactiveGenuine"));
            }
            o.printf(
                    Locale.ROOT,
                    "InstaFake non-automated genuine accounts, model trained without instafake: %s of %s flagged;"
                            + " small inactive (< %d followers, < %d posts): %s of %s%n",
                    nonAutomatedRow.get("flagged"),
                    nonAutomatedRow.get("n"),
                    LeaveOneSourceOut.SMALL_FOLLOWERS,
                    LeaveOneSourceOut.SMALL_POSTS,
                    nonAutomatedRow.get("smallInactiveFlagged"),
                    nonAutomatedRow.get("smallInactive"));
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static long flagged(LeaveOneSourceOut.SourceResult r, List<LabelledProfile> profiles) {
        return profiles.stream()
                .filter(p -> r.model().isSuspicious(p.profile()))
                .count();
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
