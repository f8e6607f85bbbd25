package io.microreach.app.cli;

import io.microreach.signals.followers.SuspiciousFollowerModel;
import io.microreach.signals.followers.training.ClassifierEvaluation;
import io.microreach.signals.followers.training.LabelledProfile;
import io.microreach.signals.followers.training.LogisticTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "train-suspicious",
        mixinStandardHelpOptions = true,
        description = {
            "Retrain the suspicious-follower classifier on your own labelled CSV (same format as 'eval suspicious')"
                    + " and write the model file. Use it with MICROREACH_FOLLOWERS_MODEL=FILE (or"
                    + " --microreach.followers.model=FILE) and run 'score'.",
            "Exit code: 0 written, 2 unusable file or too few labelled rows."
        })
class TrainSuspiciousCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--labels", required = true, paramLabel = "FILE.csv", description = "Labelled profiles.")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "Model file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        var read = LabelledProfiles.read(labels, "train-suspicious", err);
        if (read.isEmpty()) {
            return ExitCodes.UNUSABLE;
        }
        List<LabelledProfile> data = read.get();
        SuspiciousFollowerModel model;
        try {
            model = LogisticTraining.train(data);
        } catch (IllegalArgumentException e) {
            err.println("microreach train-suspicious: " + labels + ": " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        model.save(out);
        ClassifierEvaluation fit = ClassifierEvaluation.of(model, data);
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Trained on %,d profiles (%,d suspicious); threshold %.3f; cross-validated sensitivity %.3f,"
                                + " specificity %.3f; training accuracy %.3f. Model written to %s%n",
                        data.size(),
                        data.stream().filter(LabelledProfile::suspicious).count(),
                        model.threshold(),
                        model.validation().sensitivity(),
                        model.validation().specificity(),
                        fit.accuracy(),
                        out);
        return ExitCodes.OK;
    }
}
