package io.microreach.signals.followers.training;

import java.util.Objects;

/**
 * Settings of {@link LogisticTraining#train(java.util.List, TrainingOptions)}.
 *
 * @param epochs passes of stochastic gradient descent over the data
 * @param folds folds of the cross-validation that picks the threshold and measures sensitivity/specificity
 * @param maxFalsePositiveRate the threshold is the lowest one whose out-of-fold false-positive rate stays at or
 *     below this
 * @param seed seed of the fold assignment and of the gradient descent's example order
 * @param trainingData a description of the data, stored in the model (for its model card)
 */
public record TrainingOptions(int epochs, int folds, double maxFalsePositiveRate, long seed, String trainingData) {

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        }
        if (!(maxFalsePositiveRate > 0 && maxFalsePositiveRate < 1)) {
            throw new IllegalArgumentException(
                    "maxFalsePositiveRate must be within (0, 1), got " + maxFalsePositiveRate);
        }
        Objects.requireNonNull(trainingData, "trainingData");
    }

    /** 60 epochs, 5 folds, false-positive rate at most 1%, seed 1 (1%, not the 3% the product aims at: a threshold chosen on the training sources flags more genuine profiles of a source it has not seen, see the model card). */
    public static TrainingOptions defaults() {
        return new TrainingOptions(60, 5, 0.01, 1, "user-supplied labelled profiles");
    }

    public TrainingOptions withTrainingData(String description) {
        return new TrainingOptions(epochs, folds, maxFalsePositiveRate, seed, description);
    }

    public TrainingOptions withMaxFalsePositiveRate(double rate) {
        return new TrainingOptions(epochs, folds, rate, seed, trainingData);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(epochs, folds, maxFalsePositiveRate, newSeed, trainingData);
    }
}
