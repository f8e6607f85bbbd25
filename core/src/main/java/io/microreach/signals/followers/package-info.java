/**
 * Suspicious followers: a logistic-regression classifier over the public profile of a sampled follower (features in
 * {@code FollowerFeatures}, trained with Tribuo, shipped as a small JSON resource with a model card), its evaluation
 * on labelled profiles ({@link io.microreach.signals.followers.ClassifierEvaluation}), a reader for labelled CSVs to
 * retrain it, a reader for the labelled public sets it is trained and checked on ({@link
 * io.microreach.signals.followers.PublicProfileData}), and an account's suspicious share with a Wilson interval
 * corrected for the classifier's error rates ({@link io.microreach.signals.followers.SuspiciousShareEstimator}). Uses
 * the domain records, the shared signal types of {@code io.microreach.signals}, Jackson, Commons CSV and Tribuo; no
 * I/O beyond the model, CSV and data files or folders it is handed.
 */
package io.microreach.signals.followers;
