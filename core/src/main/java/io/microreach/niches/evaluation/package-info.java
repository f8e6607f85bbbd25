/**
 * Evaluation of niche classification, kept apart from classifying: labelled texts read from and written to CSV ({@link
 * io.microreach.niches.evaluation.LabelledTextFile}), the planted niches of a generated data set ({@link
 * io.microreach.niches.evaluation.PlantedAccounts}), the real labelled texts of the shared public-data folder read with
 * their subreddit or creator for grouped splits ({@link io.microreach.niches.evaluation.PublicNicheData}) and the
 * hold-out evaluation on them that also trains the shipped model ({@link
 * io.microreach.niches.evaluation.RealNicheEvaluation}), and multi-label precision, recall and F1 ({@link
 * io.microreach.niches.evaluation.NicheEvaluation}). Uses {@code io.microreach.niches}, the domain records and the
 * ingest readers (for the generated data set), Jackson and Commons CSV.
 */
package io.microreach.niches.evaluation;
