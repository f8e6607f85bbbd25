/**
 * HTTP plumbing shared by the connectors: {@link io.microreach.connectors.http.JsonHttpClient} sends GET requests
 * with {@code java.net.http}, retries transient failures with Failsafe (exponential backoff with jitter, {@code
 * Retry-After} honoured, an attempt cap), spaces requests to the source's rate limit and parses JSON bodies with
 * Jackson. Time is injected ({@link java.time.Clock} and {@link io.microreach.connectors.http.Sleeper}) so tests
 * never really wait. Uses the JDK, Failsafe, Jackson and the connector API's exception; knows no platform.
 */
package io.microreach.connectors.http;
