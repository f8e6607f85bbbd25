package io.microreach.app.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The first load into empty tables skips PostgreSQL's foreign-key checks, following the PostgreSQL manual's advice
 * for populating a database ("Remove Foreign Key Constraints", section 14.4.4) without dropping anything.
 *
 * <p>Why: the import benchmark's {@code EXPLAIN ANALYZE} showed the foreign-key triggers costing more than the inserts
 * themselves (posts 14.5 s of checks beside 4.7 s of inserting, follower samples 26.4 s beside 5.9 s). Why it is safe:
 * every foreign key the importer writes comes from a join against the parent table in the same statement
 * ({@link StagedUpsert}: {@code LEFT JOIN account p ... p.id}), so it names a row that exists in the writer's snapshot;
 * the check could only fail if that parent were deleted concurrently, and while the tables are empty at the start of
 * the import there is nothing another session could delete. An import into tables that already hold data keeps every
 * check.
 *
 * <p>How: {@code SET LOCAL session_replication_role = replica} in each transaction, which turns off triggers that are
 * not {@code ENABLE ALWAYS}, and so the foreign keys' internal triggers. The follower-pack triggers must still fire;
 * migration V12 marks them {@code ENABLE ALWAYS}. Only a role allowed to set the parameter (a superuser, or the
 * embedded database's application role, which is granted {@code SET} on it) can do this; any other role imports
 * with the checks on.
 */
final class FirstLoad {
    private static final String EMPTY =
            "SELECT NOT EXISTS (SELECT 1 FROM creator) AND NOT EXISTS (SELECT 1 FROM account)"
                    + " AND NOT EXISTS (SELECT 1 FROM post) AND NOT EXISTS (SELECT 1 FROM comment)"
                    + " AND NOT EXISTS (SELECT 1 FROM follower_sample) AND NOT EXISTS (SELECT 1 FROM follow_edge)"
                    + " AND NOT EXISTS (SELECT 1 FROM follower_count)";

    private FirstLoad() {}

    /** Whether this import may skip the foreign-key checks (tables empty, role allowed). Runs in its own transaction. */
    static boolean applies(Connection connection) throws SQLException {
        boolean applies;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(EMPTY)) {
            rs.next();
            applies = rs.getBoolean(1) && maySetReplicationRole(connection);
        }
        connection.commit();
        return applies;
    }

    /**
     * A superuser may, and so may a role granted {@code SET} on the parameter (PostgreSQL 15+; the embedded database's
     * application role is). Older servers lack the privilege function: only a superuser there.
     */
    private static boolean maySetReplicationRole(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('is_superuser') = 'on'"
                        + " OR has_parameter_privilege('session_replication_role', 'SET')")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            connection.rollback();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_setting('is_superuser') = 'on'")) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Queues every account for scoring. The tables were empty when the load began, so every account is new; children
     * of a first load are not queued row by row.
     */
    static void queueAllAccounts(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO score_queue (account_id) SELECT id FROM account"
                    + " ON CONFLICT (account_id) DO NOTHING");
        }
    }

    /** Turns the foreign-key checks off until the current transaction ends. */
    static void skipForeignKeyChecks(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL session_replication_role = replica");
        }
    }
}
