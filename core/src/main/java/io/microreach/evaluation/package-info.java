/**
 * Statistics for evaluating measured numbers against a known truth (the planted-truth report of {@code microreach
 * eval planted}): rank correlation; and for comparing two samples of one quantity (generated against real, {@code
 * microreach eval realism}): the two-sample Kolmogorov-Smirnov test. Plain Java, no dependencies.
 */
package io.microreach.evaluation;
