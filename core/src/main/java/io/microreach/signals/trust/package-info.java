/**
 * The trust score: a transparent weighted combination of the signal components, each reported with its value,
 * peer percentile, weight, contribution, confidence and evidence ids. Pure Java; uses the other signal packages.
 */
package io.microreach.signals.trust;
