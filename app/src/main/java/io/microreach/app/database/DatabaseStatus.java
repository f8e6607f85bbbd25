package io.microreach.app.database;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What {@code microreach status} reports about the stored data. */
@Component
public class DatabaseStatus {
    private final JdbcTemplate jdbc;

    DatabaseStatus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public StoredCounts counts() {
        return StoredCounts.query(jdbc);
    }
}
