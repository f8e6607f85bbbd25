package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.followers.ClassifierEvaluation;
import io.microreach.signals.followers.LabelledProfile;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import java.io.IOException;
import java.nio.file.Path;
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
            "Prints accuracy, precision, recall, falsePositiveRate, rocAuc, n. Exit code: 0, 2 unusable file."
        })
class EvalSuspiciousCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--labels", required = true, paramLabel = "FILE.csv", description = "Labelled profiles.")
    Path labels;

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
        var read = LabelledProfiles.read(labels, "eval suspicious", err);
        if (read.isEmpty()) {
            return ExitCodes.UNUSABLE;
        }
        List<LabelledProfile> data = read.get();
        SuspiciousFollowerModel m =
                model == null ? SuspiciousFollowerModel.load() : SuspiciousFollowerModel.load(model);
        ClassifierEvaluation e = ClassifierEvaluation.of(m, data);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", e.accuracy());
        out.put("precision", value(e.precision()));
        out.put("recall", value(e.recall()));
        out.put("falsePositiveRate", value(e.falsePositiveRate()));
        out.put("rocAuc", value(e.rocAuc()));
        out.put("n", e.n());
        out.put("threshold", e.threshold());
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(new ObjectMapper().writeValueAsString(out));
        } else {
            out.forEach((k, v) -> o.printf(
                    Locale.ROOT, "%-18s %s%n", k, v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v));
        }
        o.flush();
        return ExitCodes.OK;
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
