package io.microreach.connectors.http;

import java.time.Duration;

/** Waits; injected so that retries and rate limiting can be tested without waiting for real. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
