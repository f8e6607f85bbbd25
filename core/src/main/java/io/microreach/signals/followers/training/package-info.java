/**
 * Training and evaluation of the suspicious-follower classifier, kept apart from scoring: the Tribuo fit that picks the
 * threshold by cross-validation ({@link io.microreach.signals.followers.training.LogisticTraining} with its {@code
 * TrainingOptions}), labelled profiles read from a user's CSV ({@link
 * io.microreach.signals.followers.training.LabelledProfileCsv}) or from the public sets the shipped model is trained
 * and checked on ({@link io.microreach.signals.followers.training.PublicProfileData}), the evaluation of a model on
 * labelled profiles ({@link io.microreach.signals.followers.training.ClassifierEvaluation}) and of the training recipe
 * on a source it was not fitted on ({@link io.microreach.signals.followers.training.LeaveOneSourceOut}). Uses the scoring package
 * {@code io.microreach.signals.followers}, Jackson, Commons CSV and Tribuo; no I/O beyond the files and folders it is
 * handed.
 */
package io.microreach.signals.followers.training;
