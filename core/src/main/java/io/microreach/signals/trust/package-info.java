/**
 * The trust score: a transparent weighted combination of signal components, each reported with its value, peer
 * percentile, weight, contribution, confidence and evidence ids, with the band the score would lie in once the
 * components without data are measured, and those components listed. The components arrive already computed (the scorecard
 * package turns the other signal packages' results into {@code ComponentInput}s), so this package uses only {@code
 * io.microreach.signals.Confidence}; pure Java.
 */
package io.microreach.signals.trust;
