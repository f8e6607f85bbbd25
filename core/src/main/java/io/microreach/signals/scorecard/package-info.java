/**
 * One account's scorecard: {@link io.microreach.signals.scorecard.SignalSuite} measures every signal of an account
 * on its own, {@link io.microreach.signals.scorecard.PoolStatistics} summarises the pool for peer comparisons, and
 * {@link io.microreach.signals.scorecard.ScorecardAssembler} turns both into a {@link
 * io.microreach.signals.scorecard.Scorecard} with the trust score, or, from an account's {@link
 * io.microreach.signals.scorecard.HeadlineInputs} alone (a few dozen numbers kept per account while a whole pool is
 * scored), its {@link io.microreach.signals.scorecard.Headline} through the same formulas. Pure Java; uses the
 * signal packages.
 */
package io.microreach.signals.scorecard;
