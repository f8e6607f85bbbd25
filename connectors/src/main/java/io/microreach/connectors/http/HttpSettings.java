package io.microreach.connectors.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to talk to one source.
 *
 * @param baseUrl where the API lives; configuration, so that tests and checks can point at a stand-in server
 * @param requestTimeout how long one attempt may take, headers and body
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff delay before the first retry; doubles per retry, with ±25% jitter
 * @param maxBackoff the longest backoff delay
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are cut to this
 * @param requestsPerPeriod the source's rate limit: this many requests ...
 * @param period ... per this period
 * @param userAgent sent with every request so the platform can tell who is calling
 */
public record HttpSettings(
        URI baseUrl,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        int requestsPerPeriod,
        Duration period,
        String userAgent) {

    public HttpSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (requestsPerPeriod < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the rate limit needs a positive count and period");
        }
        if (maxBackoff.compareTo(initialBackoff) <= 0) {
            throw new IllegalArgumentException("maxBackoff must be longer than initialBackoff");
        }
    }

    public HttpSettings withBaseUrl(URI value) {
        return new HttpSettings(
                value,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                requestsPerPeriod,
                period,
                userAgent);
    }

    public HttpSettings withRequestTimeout(Duration value) {
        return new HttpSettings(
                baseUrl,
                value,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                requestsPerPeriod,
                period,
                userAgent);
    }

    public HttpSettings withRateLimit(int requests, Duration per) {
        return new HttpSettings(
                baseUrl,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                requests,
                per,
                userAgent);
    }

    public HttpSettings withMaxAttempts(int value) {
        return new HttpSettings(
                baseUrl,
                requestTimeout,
                value,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                requestsPerPeriod,
                period,
                userAgent);
    }
}
