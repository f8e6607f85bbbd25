package io.microreach.generator;

import java.nio.file.Path;

/**
 * What one run wrote: record counts of {@code data.jsonl} per type, its total line count, and the three files.
 *
 * @param totalLines lines of {@code data.jsonl}, the sum of the six record counts
 */
public record GenerationSummary(
        long creators,
        long accounts,
        long posts,
        long comments,
        long followerSamples,
        long followEdges,
        long followerCounts,
        long totalLines,
        Path dataFile,
        Path groundTruthFile,
        Path manifestFile) {}
