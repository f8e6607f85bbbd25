package io.microreach.signals.followers.training;

import io.microreach.signals.followers.SuspiciousFollowerModel;
import io.microreach.signals.followers.training.PublicProfileData.LabelledSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Leave-one-source-out evaluation of the training recipe: for each labelled source, a model is trained with
 * {@link LogisticTraining} on all the other sources and scored on the one left out, at the threshold that training
 * chose.
 *
 * <p>Why by source and not by random split: the sets differ in platform (Instagram, Twitter), era, how fakes were
 * collected (bought from one vendor, hand-labelled spam) and which fields they record. A random split measures how
 * well a model recognises fakes of a source it has seen; a follower sample in the product comes from none of them.
 * Holding out a whole source measures what transfers. Each result carries the accuracy of calling every profile
 * genuine, since a set with few fakes makes accuracy look good by itself.
 */
public final class LeaveOneSourceOut {
    /** A "small inactive" genuine account has fewer followers than this... */
    public static final int SMALL_FOLLOWERS = 100;

    /** ...and fewer posts than this: the accounts a classifier must not flag for being small. */
    public static final int SMALL_POSTS = 10;

    private LeaveOneSourceOut() {}

    /** Whether a profile is a small, inactive account (both counts known and below the limits). */
    public static boolean smallInactive(LabelledProfile p) {
        Long followers = p.profile().followers();
        Long posts = p.profile().posts();
        return followers != null && posts != null && followers < SMALL_FOLLOWERS && posts < SMALL_POSTS;
    }

    /**
     * One held-out source.
     *
     * @param source the source left out of training and tested on
     * @param trainedOn the sources the model was trained on
     * @param evaluation the model's figures on the held-out source at its threshold
     * @param model the model trained without the source, for further checks on data of that source
     * @param smallInactiveGenuine genuine profiles of the held-out source with fewer than {@value #SMALL_FOLLOWERS}
     *     followers and fewer than {@value #SMALL_POSTS} posts
     * @param smallInactiveGenuineFlagged how many of those the model flags
     */
    public record SourceResult(
            String source,
            List<String> trainedOn,
            ClassifierEvaluation evaluation,
            SuspiciousFollowerModel model,
            int smallInactiveGenuine,
            int smallInactiveGenuineFlagged) {
        public SourceResult {
            Objects.requireNonNull(source, "source");
            trainedOn = List.copyOf(trainedOn);
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(model, "model");
        }

        /** Share of suspicious profiles in the held-out source. */
        public double fakeShare() {
            return (double) evaluation.positives() / evaluation.n();
        }

        /** Accuracy of calling every held-out profile genuine: the baseline the model's accuracy must beat. */
        public double allGenuineAccuracy() {
            return (double) evaluation.negatives() / evaluation.n();
        }
    }

    /**
     * @throws IllegalArgumentException with fewer than two sources
     */
    public static List<SourceResult> evaluate(List<LabelledSet> sources, TrainingOptions options) {
        if (sources.size() < 2) {
            throw new IllegalArgumentException(
                    "leave-one-source-out needs at least two sources, got " + sources.size());
        }
        List<SourceResult> results = new ArrayList<>();
        for (LabelledSet heldOut : sources) {
            List<LabelledSet> training =
                    sources.stream().filter(s -> s != heldOut).toList();
            SuspiciousFollowerModel model = LogisticTraining.trainOnSources(training, options);
            int small = 0;
            int smallFlagged = 0;
            for (LabelledProfile p : heldOut.profiles()) {
                if (!p.suspicious() && smallInactive(p)) {
                    small++;
                    smallFlagged += model.isSuspicious(p.profile()) ? 1 : 0;
                }
            }
            results.add(new SourceResult(
                    heldOut.name(),
                    training.stream().map(LabelledSet::name).toList(),
                    ClassifierEvaluation.of(model, heldOut.profiles()),
                    model,
                    small,
                    smallFlagged));
        }
        return results;
    }
}
