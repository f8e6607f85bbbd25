package io.microreach.signals.followers.training;

import io.microreach.signals.followers.ModelValidation;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Retrains the shipped model from the public data and writes it over the resource. Not a test; run it by hand after
 * changing features or training, then run {@link SuspiciousFollowerModelCheck} and update the model card:
 *
 * <pre>
 * ./mvnw -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "core/target/test-classes:core/target/classes:$(cat core/target/cp.txt)" \
 *     io.microreach.signals.followers.training.ShippedModelTraining [DATA_DIR] [OUT_FILE]
 * </pre>
 *
 * It prints counts and rates only.
 */
final class ShippedModelTraining {
    static final String TRAINING_DATA = "Kaggle 'Instagram fake spammer genuine accounts' train.csv (288 fake, 288"
            + " genuine; licence not stated) + InstaFake fake-v1.0 (Akyon & Kalfaoglu 2019, CC BY-NC 4.0,"
            + " non-commercial) 75% per-class split (150 fake, 746 real; seed 20190101); Instagram profiles";

    static final Path RESOURCE =
            Path.of("core/src/main/resources/io/microreach/signals/followers/" + SuspiciousFollowerModel.RESOURCE);

    private ShippedModelTraining() {}

    public static void main(String[] args) throws Exception {
        Optional<Path> root = args.length > 0 ? Optional.of(Path.of(args[0])) : PublicProfileData.root();
        if (root.isEmpty()) {
            System.err.println(PublicProfileData.missingMessage());
            System.exit(2);
        }
        Path out = args.length > 1 ? Path.of(args[1]) : RESOURCE;
        SuspiciousFollowerModel model = train(root.get());
        model.save(out);
        ModelValidation v = model.validation();
        System.out.printf(
                "trained on %d suspicious + %d genuine; threshold %.4f; out-of-fold sensitivity %.4f, specificity"
                        + " %.4f%nwritten to %s%n",
                v.positives(), v.negatives(), model.threshold(), v.sensitivity(), v.specificity(), out);
    }

    static SuspiciousFollowerModel train(Path root) throws Exception {
        List<LabelledProfile> training = PublicProfileData.shippedTrainingSet(root);
        return LogisticTraining.train(training, TrainingOptions.defaults().withTrainingData(TRAINING_DATA));
    }
}
