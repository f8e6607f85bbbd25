package io.microreach.ingest;

import io.microreach.domain.DataRecord;

/** The outcome of reading one input line: a record to store or a rejection to report. */
public sealed interface ParsedLine {

    long line();

    record Parsed(long line, DataRecord record) implements ParsedLine {}

    record Rejected(Rejection rejection) implements ParsedLine {
        @Override
        public long line() {
            return rejection.line();
        }
    }
}
