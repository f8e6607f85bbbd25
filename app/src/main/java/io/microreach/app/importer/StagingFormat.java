package io.microreach.app.importer;

import io.microreach.app.database.CopyRows;
import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;
import java.util.List;

/**
 * The COPY layout in which the importer stages each record type: its columns and how a record becomes a row. Public
 * so that the import benchmark's baseline copies exactly the same rows into plain tables.
 */
public final class StagingFormat {
    private StagingFormat() {}

    /** One staged column with its PostgreSQL type. */
    public record Column(String name, String sqlType) {}

    public static List<Column> columns(RecordType type) {
        return StagedUpsert.of(type).stageColumns().stream()
                .map(c -> new Column(c.name(), c.type()))
                .toList();
    }

    /** Appends the record's row (columns in the order of {@link #columns}) to {@code rows}. */
    public static void writeRow(DataRecord record, CopyRows rows) {
        StagedUpsert.of(record.type()).writeRow(record, rows);
    }
}
