package io.microreach.ingest;

/**
 * Why one input line was not stored.
 *
 * @param source the file name as given by the user
 * @param line 1-based line number (for CSV: the physical record number, header = line 1)
 * @param field the offending field, or {@code "-"} when the whole line is unusable
 */
public record Rejection(String source, long line, String field, String reason) {

    public String describe() {
        return source + ":" + line + ": field '" + field + "': " + reason;
    }
}
