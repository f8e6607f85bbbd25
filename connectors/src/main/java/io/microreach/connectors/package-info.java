/**
 * The connector API: {@link io.microreach.connectors.CreatorSource} fetches public creator data from one platform
 * and hands it, as the core's domain records, to a {@link io.microreach.connectors.RecordSink}; crawl limits live in
 * {@link io.microreach.connectors.CrawlOptions}, and cursors in a {@link io.microreach.connectors.CrawlStateStore} so
 * that a stopped crawl resumes where it stopped. This package depends on the core's domain records and the JDK only;
 * the platform packages ({@code bluesky}) implement it with the HTTP plumbing of {@code http}. No Spring, no SQL: the
 * app schedules crawls and persists their state.
 */
package io.microreach.connectors;
