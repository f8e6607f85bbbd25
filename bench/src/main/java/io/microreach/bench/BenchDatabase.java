package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL as every database benchmark sets it up (the app's Flyway schema), settles it before a timed
 * phase and asks it for counts and settings.
 */
final class BenchDatabase {
    private BenchDatabase() {}

    /** Migrates the app's schema as the app does at start-up. */
    static void migrate(EmbeddedDatabase database) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Unpooled: a benchmark that keeps one connection per phase should not measure a pool. */
    static PGSimpleDataSource dataSource(EmbeddedDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    /**
     * {@code VACUUM ANALYZE} (as autovacuum would have done by then in real use, with the planner statistics that
     * gives), then {@code CHECKPOINT}, so that no phase pays for writing back the previous phase's dirty pages.
     */
    static void settle(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("VACUUM ANALYZE");
            st.execute("CHECKPOINT");
        }
    }

    /** {@code count(*)} of one table ({@code schema.table} or a plain name). */
    static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The value of one server setting, as {@code SHOW} prints it. */
    static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
