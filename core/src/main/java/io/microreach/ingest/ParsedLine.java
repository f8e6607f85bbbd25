package io.microreach.ingest;

import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;

/** The outcome of reading one input line: a record to store or a rejection to report. */
public sealed interface ParsedLine {

    long line();

    record Parsed(long line, DataRecord record) implements ParsedLine {}

    /**
     * A rejected line.
     *
     * @param type the record type the line declared, or {@code null} when it could not be read
     */
    record Rejected(Rejection rejection, RecordType type) implements ParsedLine {
        @Override
        public long line() {
            return rejection.line();
        }
    }
}
