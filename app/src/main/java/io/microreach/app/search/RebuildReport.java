package io.microreach.app.search;

import java.nio.file.Path;
import java.time.Duration;

/** What a full rebuild did. */
public record RebuildReport(long accounts, long withVector, Path directory, long bytes, Duration elapsed) {}
