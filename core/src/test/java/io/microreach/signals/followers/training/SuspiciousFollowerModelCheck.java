package io.microreach.signals.followers.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.followers.ModelValidation;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Evaluation step, not a unit test (Surefire's default patterns do not match {@code *Check}, so {@code verify}
 * never runs it): scores the held-out real data with the shipped model and prints accuracy, precision, recall,
 * false-positive rate, ROC-AUC and MCC for the Kaggle test set, the InstaFake held-out split and Cresci 2015
 * (Twitter, cross-platform). Fails, never skips, when {@code ../shared/data} is absent. Prints numbers only.
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=SuspiciousFollowerModelCheck
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dmicroreach.realdata=DIR}), or its {@code main}.
 */
class SuspiciousFollowerModelCheck {

    @Test
    void shippedModelOnHeldOutRealData() throws Exception {
        Path root = PublicProfileData.root().orElseThrow(() -> new AssertionError(PublicProfileData.missingMessage()));
        SuspiciousFollowerModel shipped = SuspiciousFollowerModel.load();
        report(shipped, root);

        // The resource is what the documented training produces from the public data (dates aside).
        SuspiciousFollowerModel retrained = ShippedModelTraining.train(root);
        assertThat(retrained.features()).isEqualTo(shipped.features());
        assertThat(retrained.threshold()).isEqualTo(shipped.threshold());
        assertThat(retrained.validation()).isEqualTo(shipped.validation());

        ClassifierEvaluation kaggle = ClassifierEvaluation.of(shipped, PublicProfileData.kaggle(root, "test.csv"));
        assertThat(kaggle.n()).isEqualTo(120);
        assertThat(kaggle.rocAuc().getAsDouble()).isGreaterThan(0.9);
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0
                ? Path.of(args[0])
                : PublicProfileData.root()
                        .orElseThrow(() -> new IllegalStateException(PublicProfileData.missingMessage()));
        report(SuspiciousFollowerModel.load(), root);
    }

    static void report(SuspiciousFollowerModel model, Path root) throws Exception {
        ModelValidation v = model.validation();
        System.out.printf(
                Locale.ROOT,
                "model trained %s, threshold %.4f; validation (%s): sensitivity %.4f, specificity %.4f (n = %d + %d)%n",
                model.trainedOn(),
                model.threshold(),
                v.method(),
                v.sensitivity(),
                v.specificity(),
                v.positives(),
                v.negatives());
        print("training set (in-sample)", ClassifierEvaluation.of(model, PublicProfileData.shippedTrainingSet(root)));
        print("Kaggle test.csv", ClassifierEvaluation.of(model, PublicProfileData.kaggle(root, "test.csv")));
        print(
                "InstaFake held-out 25%",
                ClassifierEvaluation.of(
                        model, PublicProfileData.instaFakeSplit(root).heldOut()));
        print("Cresci 2015 Twitter (cross-platform)", ClassifierEvaluation.of(model, PublicProfileData.cresci(root)));
        List<LabelledProfile> cresci = PublicProfileData.cresci(root);
        print("Cresci 2015 Twitter, Cresci-only retrained (5-fold CV reference)", crossValidated(cresci));
    }

    /** Out-of-fold scores of a model trained on {@code data} itself: what the features can do on that platform. */
    static ClassifierEvaluation crossValidated(List<LabelledProfile> data) {
        SuspiciousFollowerModel m = LogisticTraining.train(data, TrainingOptions.defaults());
        ModelValidation v = m.validation();
        int tp = v.truePositives();
        int tn = v.trueNegatives();
        int fp = v.negatives() - tn;
        int fn = v.positives() - tp;
        double mcc = ((double) tp * tn - (double) fp * fn)
                / Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return new ClassifierEvaluation(
                v.positives() + v.negatives(),
                v.positives(),
                v.negatives(),
                tp,
                fp,
                tn,
                fn,
                m.threshold(),
                (double) (tp + tn) / (v.positives() + v.negatives()),
                OptionalDouble.of((double) tp / (tp + fp)),
                OptionalDouble.of(v.sensitivity()),
                OptionalDouble.of(v.falsePositiveRate()),
                OptionalDouble.empty(),
                OptionalDouble.of(mcc));
    }

    static void print(String name, ClassifierEvaluation e) {
        System.out.printf(
                Locale.ROOT,
                "%-66s n=%4d (%4d susp.) acc %.3f  prec %s  recall %s  FPR %s  AUC %s  MCC %s%n",
                name,
                e.n(),
                e.positives(),
                e.accuracy(),
                f(e.precision()),
                f(e.recall()),
                f(e.falsePositiveRate()),
                f(e.rocAuc()),
                f(e.mcc()));
    }

    private static String f(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "  -  ";
    }
}
