/**
 * Statistics for evaluating measured numbers against a known truth (the planted-truth report of {@code microreach
 * eval planted}): rank correlation. Plain Java, no dependencies.
 */
package io.microreach.evaluation;
