package io.microreach.signals.anomalies;

import java.time.LocalDate;

/**
 * A day on which the follower count jumped far beyond the account's usual day-over-day change.
 *
 * @param date the day of the jump
 * @param before the count on the previous observation
 * @param after the count on {@code date}
 * @param added {@code after - before}
 * @param percent {@code added} as a percentage of {@code before}
 * @param robustZ the day's robust z-score
 */
public record Spike(LocalDate date, long before, long after, long added, double percent, double robustZ) {}
