/**
 * Evaluation of sponsorship detection on hand-labelled real captions: the label file (row references into the public
 * data sets, never the texts: {@link io.microreach.signals.commercial.evaluation.SponsorshipLabelFile}), the join to
 * the captions of a public data folder ({@link io.microreach.signals.commercial.evaluation.PublicCaptions}) and the
 * precision, recall and brand attribution of {@link io.microreach.signals.commercial.SponsorshipDetector} against the
 * labels ({@link io.microreach.signals.commercial.evaluation.SponsorshipEvaluation}). Uses {@code
 * io.microreach.signals.commercial}, the domain records, the ingest error type and Commons CSV; no Spring, SQL or
 * HTTP.
 */
package io.microreach.signals.commercial.evaluation;
