/**
 * Evaluation of niche classification, kept apart from classifying: labelled texts read from and written to CSV ({@link
 * io.microreach.niches.evaluation.LabelledTextFile}), the planted niches of a generated data set ({@link
 * io.microreach.niches.evaluation.PlantedAccounts}), and multi-label precision, recall and F1 ({@link
 * io.microreach.niches.evaluation.NicheEvaluation}). Uses {@code io.microreach.niches}, the domain records and the
 * ingest readers (for the generated data set), Jackson and Commons CSV.
 */
package io.microreach.niches.evaluation;
