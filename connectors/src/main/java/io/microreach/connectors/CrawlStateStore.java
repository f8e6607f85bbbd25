package io.microreach.connectors;

import java.util.Optional;

/**
 * Persists crawl checkpoints per (source, task), for example ({@code bluesky}, {@code feed:did:plc:abc}). A crawl
 * restarted with the same store skips finished tasks and continues the others from their cursor. The app backs this
 * with PostgreSQL; {@link InMemoryCrawlStateStore} serves tests and one-off runs.
 */
public interface CrawlStateStore {

    Optional<CrawlCheckpoint> load(String source, String task);

    void save(String source, String task, CrawlCheckpoint checkpoint);
}
