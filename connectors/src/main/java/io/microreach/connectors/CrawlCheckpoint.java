package io.microreach.connectors;

import java.util.List;

/**
 * Where one crawl task stands: the platform's cursor for the next page, whether the task is finished, and the ids it
 * has already emitted (so that a page fetched again after a restart emits nothing twice).
 *
 * @param cursor the cursor to send for the next page; {@code null} before the first page
 * @param finished whether the task needs no more requests
 * @param pages pages the task has read so far
 * @param emitted platform ids the task has already handed to the sink, in order
 */
public record CrawlCheckpoint(String cursor, boolean finished, int pages, List<String> emitted) {

    public static final CrawlCheckpoint START = new CrawlCheckpoint(null, false, 0, List.of());

    public CrawlCheckpoint {
        emitted = List.copyOf(emitted == null ? List.of() : emitted);
    }
}
