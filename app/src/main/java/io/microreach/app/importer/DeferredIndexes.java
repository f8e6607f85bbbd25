package io.microreach.app.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A first load into empty tables builds the imported tables' secondary indexes once at its end instead of updating
 * them row by row, as the PostgreSQL manual advises for populating a database ("Remove Indexes", section 14.4.3): a
 * sorted bulk build is much cheaper than a million random B-tree insertions. Only plain secondary indexes are dropped
 * (not unique, not partial, and only on tables the importing role owns, as dropping needs): the unique keys serve the
 * upserts' conflict checks and parent look-ups, and the partial "orphan" indexes hold only rows still waiting for
 * their parent.
 *
 * <p>Each dropped index's definition is recorded in {@code deferred_index} in the transaction that drops it, and
 * removed in the one that builds it again. So a load that is killed midway leaves rows there, and the next import or
 * the next start of the app builds the missing indexes; the data itself never depends on them.
 */
@Component
public class DeferredIndexes implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredIndexes.class);

    private static final String SECONDARY = "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE n.nspname = current_schema() AND NOT i.indisunique AND NOT i.indisprimary"
            + " AND i.indpred IS NULL AND pg_has_role(t.relowner, 'USAGE') AND t.relname IN"
            + " ('account', 'post', 'comment', 'follower_sample', 'follow_edge', 'follower_count')"
            + " ORDER BY c.relname";

    private final DataSource dataSource;

    public DeferredIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            build(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the indexes an interrupted import left out", e);
        }
    }

    /** Drops the imported tables' secondary indexes, recording their definitions, and commits. */
    static List<String> drop(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            List<String[]> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(SECONDARY)) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            try (var insert = connection.prepareStatement(
                    "INSERT INTO deferred_index (name, definition) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                for (String[] index : indexes) {
                    insert.setString(1, index[0]);
                    insert.setString(2, index[1]);
                    insert.executeUpdate();
                    st.execute("DROP INDEX " + quote(index[0]));
                    names.add(index[0]);
                }
            }
        }
        connection.commit();
        return names;
    }

    /**
     * Builds every index recorded as dropped and commits; returns their names. Safe to run any time: an index that
     * exists already is left alone.
     */
    static List<String> build(Connection connection) throws SQLException {
        List<String> built = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            List<String[]> pending = new ArrayList<>();
            // The row lock makes a second session wait instead of building the same index twice.
            try (ResultSet rs =
                    st.executeQuery("SELECT name, definition FROM deferred_index ORDER BY name FOR UPDATE")) {
                while (rs.next()) {
                    pending.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            long started = System.nanoTime();
            for (String[] index : pending) {
                st.execute(index[1].replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                try (var delete = connection.prepareStatement("DELETE FROM deferred_index WHERE name = ?")) {
                    delete.setString(1, index[0]);
                    delete.executeUpdate();
                }
                built.add(index[0]);
            }
            if (!built.isEmpty()) {
                LOG.info(
                        "Built {} secondary indexes in {} ms", built.size(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        connection.commit();
        return built;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
