package io.microreach.signals.followers.training;

import java.util.Objects;

/**
 * One problem in a labelled-profile CSV.
 *
 * @param line 1-based line in the file where the row starts (1 = header)
 * @param column the column at fault, or empty when the whole row (or header) is
 */
public record CsvRowError(long line, String column, String message) {
    public CsvRowError {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + message;
    }
}
