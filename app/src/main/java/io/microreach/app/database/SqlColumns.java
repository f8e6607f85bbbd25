package io.microreach.app.database;

import io.microreach.domain.Platform;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Typed reads of the nullable columns of our schema (JDBC returns 0 and needs wasNull() for SQL NULL). */
public final class SqlColumns {
    private SqlColumns() {}

    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public static Platform platform(ResultSet rs, int column) throws SQLException {
        String id = rs.getString(column);
        return Platform.fromId(id).orElseThrow(() -> new IllegalStateException("unknown platform in database: " + id));
    }
}
