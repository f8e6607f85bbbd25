/**
 * Suspicious followers at scoring time: the public profile of a sampled follower ({@link
 * io.microreach.signals.followers.FollowerProfile}) and its features ({@code FollowerFeatures}), the
 * logistic-regression classifier shipped as a small JSON resource with a model card ({@link
 * io.microreach.signals.followers.SuspiciousFollowerModel}, scored with plain arithmetic), and an account's suspicious
 * share with a Wilson interval corrected for the classifier's error rates ({@link
 * io.microreach.signals.followers.SuspiciousShareEstimator}). Training and evaluation live in the {@code training}
 * subpackage, which this package never uses. Uses the domain records, the shared signal types of {@code
 * io.microreach.signals} and Jackson; no I/O beyond the model resource or file it is handed.
 */
package io.microreach.signals.followers;
