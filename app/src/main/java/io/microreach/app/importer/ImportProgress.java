package io.microreach.app.importer;

/** Receives progress while a file is imported; called at most a few times per second. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (bytesRead, totalBytes, lines) -> {};

    void update(long bytesRead, long totalBytes, long lines);
}
