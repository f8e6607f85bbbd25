package io.microreach.connectors.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly: with N requests per period P, each request may start P/N after the previous one (3,000 per
 * 5 minutes gives one per 100 ms). Even spacing rather than bursts keeps a long crawl under a sliding-window limit
 * such as the AppView's, whichever way the server counts its window, and costs nothing when requests are slower than
 * the limit anyway. Failsafe's own rate limiter reads the system clock, which tests could not control; this one takes
 * the clock and the sleeper it is given.
 */
final class RateLimiter {
    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    RateLimiter(int requestsPerPeriod, Duration period, Clock clock, Sleeper sleeper) {
        this.interval = period.dividedBy(requestsPerPeriod);
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextFree = Instant.MIN;
    }

    /** Waits until the next request may start and books its slot. */
    synchronized void acquire() throws InterruptedException {
        Instant now = clock.instant();
        Instant start = nextFree.isAfter(now) ? nextFree : now;
        nextFree = start.plus(interval);
        Duration wait = Duration.between(now, start);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}
