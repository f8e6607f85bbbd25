package io.microreach.signals.followers;

import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The share of an account's sampled followers that look suspicious (fake, bought or spam), with evidence.
 *
 * <p>Two numbers, on purpose. {@link #flagged()} is what the classifier saw: the flagged count over the sample with
 * its Wilson 95% interval. It is biased: a classifier with false-positive rate 3% reports about 3% on an account
 * without a single fake, and misses the fakes it does not recognise. {@link #estimate()} is the reported value: the
 * flagged share corrected for the model's validated sensitivity and specificity (Rogan–Gladen), interval included.
 * Both are empty, and {@link #unavailableReason()} says why, when the sample is below the minimum or the model
 * cannot be corrected for.
 *
 * @param sampleSize distinct sampled followers that were scored
 * @param unscored sampled followers left out because their profile carries no feature the model reads
 * @param confidence from the sample size; {@link Confidence#NONE} when unavailable
 * @param unavailableReason present exactly when the estimate is not
 * @param flagged raw flagged share with its Wilson 95% interval (the classifier's view, biased)
 * @param estimate the corrected share with its 95% interval: the number to show
 * @param evidence the flagged followers with the highest probabilities, most suspicious first
 * @param threshold the model threshold used to flag
 * @param sensitivity the model's validated sensitivity used in the correction
 * @param specificity the model's validated specificity used in the correction
 */
public record SuspiciousShare(
        int sampleSize,
        int unscored,
        Confidence confidence,
        Optional<String> unavailableReason,
        Optional<Proportion> flagged,
        Optional<ShareEstimate> estimate,
        List<SuspiciousFollower> evidence,
        double threshold,
        double sensitivity,
        double specificity) {

    public SuspiciousShare {
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(flagged, "flagged");
        Objects.requireNonNull(estimate, "estimate");
        evidence = List.copyOf(evidence);
        if (unavailableReason.isPresent() == estimate.isPresent()) {
            throw new IllegalArgumentException("exactly one of unavailableReason and estimate must be present");
        }
    }

    public boolean isAvailable() {
        return estimate.isPresent();
    }

    /** The platform ids of the evidence followers, most suspicious first. */
    public List<String> evidenceIds() {
        return evidence.stream().map(SuspiciousFollower::followerPlatformId).toList();
    }
}
