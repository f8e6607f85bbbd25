package io.microreach.app.search;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a full rebuild did.
 *
 * @param loading time spent reading PostgreSQL (on the loading thread, overlapping with indexing)
 * @param finalCommit time of the final commit (flushing the last segments and their HNSW graphs, waiting for merges)
 */
public record RebuildReport(
        long accounts,
        long withVector,
        Path directory,
        long bytes,
        Duration elapsed,
        Duration loading,
        Duration finalCommit) {}
