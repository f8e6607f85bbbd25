package io.microreach.app.scoring;

import io.microreach.app.database.BinaryCopyReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The two ways scoring reads a chunk of accounts' rows: a prepared statement, or a binary {@code COPY}. */
final class ChunkReads {
    private final NamedParameterJdbcTemplate jdbc;

    ChunkReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    JdbcOperations jdbc() {
        return jdbc.getJdbcOperations();
    }

    /**
     * Runs a query whose one parameter is the chunk's account ids as an array: the same statement text for every
     * chunk (an {@code IN} list of a different length is a new statement), so PgJDBC prepares it on the server after
     * a few executions and numbers and timestamps come back in binary.
     */
    void select(String sql, Long[] ids, RowCallbackHandler handler) {
        jdbc().query(
                        connection -> {
                            PreparedStatement ps = connection.prepareStatement(sql);
                            ps.setArray(1, connection.createArrayOf("bigint", ids));
                            return ps;
                        },
                        handler);
    }

    /** Handles one row of a {@link #copy}, reading its fields in column order. */
    @FunctionalInterface
    interface CopyRowHandler {
        void row(BinaryCopyReader row) throws IOException;
    }

    /**
     * Streams a query's rows by binary {@code COPY} ({@link BinaryCopyReader} says why). {@code COPY} takes no
     * parameters, so the query's one {@code ?} becomes the chunk's ids as an array literal: numbers only. Each table
     * is read per id through {@code CROSS JOIN LATERAL (… OFFSET 0)}, which keeps PostgreSQL on the index: with the
     * ids as a literal the planner knows there are thousands and chose a parallel sequential scan of all 10 million
     * comments for {@code post_id = ANY (…)} (0.41 s instead of 0.025 s per chunk, {@code EXPLAIN ANALYZE} on the
     * 100k pool). The rows also arrive grouped by account in the chunk's order.
     */
    void copy(String sql, Long[] ids, CopyRowHandler handler) {
        StringBuilder array = new StringBuilder(ids.length * 8 + 16).append("'{");
        for (int i = 0; i < ids.length; i++) {
            array.append(i == 0 ? "" : ",").append(ids[i].longValue());
        }
        String query = sql.replace("?", array.append("}'::bigint[]"));
        jdbc().execute((ConnectionCallback<Void>) connection -> {
            try (PGCopyInputStream stream = new PGCopyInputStream(
                    connection.unwrap(PGConnection.class), "COPY (" + query + ") TO STDOUT (FORMAT binary)")) {
                BinaryCopyReader rows = new BinaryCopyReader(stream);
                while (rows.next()) {
                    handler.row(rows);
                }
                rows.end();
            } catch (IOException e) {
                throw new UncheckedIOException("reading activity by COPY: " + e.getMessage(), e);
            }
            return null;
        });
    }
}
