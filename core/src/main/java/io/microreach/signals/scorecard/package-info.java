/**
 * One account's scorecard: {@link io.microreach.signals.scorecard.SignalSuite} measures every signal of an account
 * on its own, {@link io.microreach.signals.scorecard.PoolStatistics} summarises the pool for peer comparisons, and
 * {@link io.microreach.signals.scorecard.ScorecardAssembler} turns both into a {@link
 * io.microreach.signals.scorecard.Scorecard} with the trust score. The same code runs in the app and on Spark.
 * Pure Java; uses the signal packages.
 */
package io.microreach.signals.scorecard;
