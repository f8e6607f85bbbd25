package io.microreach.signals.anomalies;

import io.microreach.signals.Confidence;

/**
 * The comment-pod check of one account.
 *
 * @param pod the suspected pod; {@code null} when none was found or the check was unavailable
 * @param postsChecked recent posts with comments by others
 * @param fastRegulars commenters who met the coverage and delay thresholds; more than the maximum pod size means
 *     "many fast regulars", not a pod
 * @param unavailableReason {@code null} when the check ran
 */
public record PodScan(Pod pod, int postsChecked, int fastRegulars, Confidence confidence, String unavailableReason) {

    public boolean available() {
        return unavailableReason == null;
    }
}
