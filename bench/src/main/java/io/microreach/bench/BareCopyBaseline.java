package io.microreach.bench;

import io.microreach.app.importer.CopyRows;
import io.microreach.app.importer.ImportProgress;
import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The lower bound microreach is compared with: the same file, parsed by the same reader, written with plain
 * {@code COPY} into tables that have the real tables' columns and nothing else (no keys, no indexes, no NOT NULL, no
 * defaults), in batches of the same size with one commit per batch. What is left out is precisely what microreach
 * adds: staging, natural-key upserts, change detection, linking and index maintenance.
 */
final class BareCopyBaseline {
    static final String SCHEMA = "bare";

    private BareCopyBaseline() {}

    /**
     * Creates {@value #SCHEMA}.&lt;table&gt; for every record type, taking column names and types from the migrated
     * schema so the baseline follows the real tables when a migration changes them.
     */
    static void createTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        }
        for (BareTable table : BareTable.values()) {
            List<String> definitions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT attname, format_type(atttypid, atttypmod)"
                    + " FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped"
                    + " ORDER BY attnum")) {
                ps.setString(1, "public." + table.table());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        definitions.add(quote(rs.getString(1)) + " " + rs.getString(2));
                    }
                }
            }
            if (!names.containsAll(table.columns())) {
                List<String> missing = new ArrayList<>(table.columns());
                missing.removeAll(names);
                throw new IllegalStateException("the baseline writes columns that public." + table.table()
                        + " no longer has: " + missing + "; update BareTable");
            }
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table.table());
                st.execute(
                        "CREATE TABLE " + SCHEMA + "." + table.table() + " (" + String.join(", ", definitions) + ")");
            }
        }
        connection.commit();
    }

    static void truncate(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (BareTable table : BareTable.values()) {
            tables.add(SCHEMA + "." + table.table());
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
            BareTable table = BareTable.of(entry.getKey());
            rows.clear();
            for (DataRecord r : entry.getValue()) {
                table.write(r, rows);
            }
            copy.copyIn(table.copySql(SCHEMA), rows.reader());
        }
        connection.commit();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
