package io.microreach.bench;

import io.microreach.app.database.CopyRows;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.StagingFormat;
import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The lower bound microreach is compared with: the same file, parsed by the same reader, written with plain
 * {@code COPY} as exactly the rows the importer stages ({@link StagingFormat}) into tables that have those columns
 * and nothing else (no keys, no indexes, no NOT NULL, no defaults), in batches of the same size with one commit per
 * batch. What is left out is precisely what microreach adds: staging, natural-key upserts, change detection, linking
 * and index maintenance.
 */
final class BareCopyBaseline {
    static final String SCHEMA = "bare";

    private BareCopyBaseline() {}

    /** Creates {@value #SCHEMA}.&lt;record type&gt; for every record type with the importer's staging columns. */
    static void createTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            for (RecordType type : RecordType.values()) {
                String columns = StagingFormat.columns(type).stream()
                        .map(c -> c.name() + " " + c.sqlType())
                        .collect(Collectors.joining(", "));
                st.execute("DROP TABLE IF EXISTS " + table(type));
                st.execute("CREATE TABLE " + table(type) + " (" + columns + ")");
            }
        }
        connection.commit();
    }

    private static String table(RecordType type) {
        return SCHEMA + "." + type.id();
    }

    static void truncate(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            tables.add(table(type));
        }
        try (Statement st = connection.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", tables));
        }
        connection.commit();
    }

    /** Copies every valid line of {@code file}; returns {lines read, lines rejected by the reader}. */
    static long[] copy(DataSource dataSource, Path file, int batchSize, ImportProgress progress)
            throws UnusableInputException, IOException, SQLException {
        long lines = 0;
        long rejected = 0;
        try (RecordSource source = InputFiles.open(file);
                Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyRows rows = new CopyRows();
            List<DataRecord> batch = new ArrayList<>(batchSize);
            while (source.hasNext()) {
                ParsedLine line = source.next();
                lines++;
                if (line instanceof ParsedLine.Parsed parsed) {
                    batch.add(parsed.record());
                    if (batch.size() >= batchSize) {
                        store(connection, copy, rows, batch);
                        batch.clear();
                        progress.update(source.bytesRead(), source.totalBytes(), lines);
                    }
                } else {
                    rejected++;
                }
            }
            store(connection, copy, rows, batch);
            progress.update(source.totalBytes(), source.totalBytes(), lines);
        }
        return new long[] {lines, rejected};
    }

    // Grouped by type and copied one COPY per type, as the importer does, so the number of round trips per batch
    // is the same on both sides.
    private static void store(Connection connection, CopyManager copy, CopyRows rows, List<DataRecord> batch)
            throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        Map<RecordType, List<DataRecord>> byType = new EnumMap<>(RecordType.class);
        for (DataRecord r : batch) {
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<RecordType, List<DataRecord>> entry : byType.entrySet()) {
            RecordType type = entry.getKey();
            rows.clear();
            for (DataRecord r : entry.getValue()) {
                StagingFormat.writeRow(r, rows);
            }
            String columns = StagingFormat.columns(type).stream()
                    .map(StagingFormat.Column::name)
                    .collect(Collectors.joining(", "));
            copy.copyIn("COPY " + table(type) + " (" + columns + ") FROM STDIN (FORMAT csv)", rows.reader());
        }
        connection.commit();
    }
}
