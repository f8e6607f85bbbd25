package io.microreach.app.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Links rows that were stored before their parent (a post before its account, a reply before its comment...).
 * Each statement touches only rows in a partial "orphan" index, so it stays cheap when nothing waits.
 */
final class OrphanLinks {
    private static final List<String> LINKS = List.of(
            // Every account belongs to a creator; accounts without a "creator" key get one of their own.
            "INSERT INTO creator (creator_key) SELECT platform || ':' || platform_id FROM account"
                    + " WHERE creator_id IS NULL ON CONFLICT (creator_key) DO NOTHING",
            "UPDATE account a SET creator_id = c.id FROM creator c"
                    + " WHERE a.creator_id IS NULL AND c.creator_key = a.platform || ':' || a.platform_id",
            queued("UPDATE post t SET account_id = a.id FROM account a WHERE t.account_id IS NULL"
                    + " AND a.platform = t.platform AND a.platform_id = t.account_platform_id RETURNING t.account_id"),
            queued("UPDATE comment t SET post_id = p.id FROM post p WHERE t.post_id IS NULL"
                    + " AND p.platform = t.platform AND p.platform_id = t.post_platform_id RETURNING p.account_id"),
            "UPDATE comment t SET parent_id = p.id FROM comment p WHERE t.parent_id IS NULL"
                    + " AND t.parent_platform_id IS NOT NULL AND p.platform = t.platform"
                    + " AND p.platform_id = t.parent_platform_id",
            queued("UPDATE follower_sample t SET account_id = a.id FROM account a WHERE t.account_id IS NULL"
                    + " AND a.platform = t.platform AND a.platform_id = t.account_platform_id RETURNING t.account_id"),
            queued("UPDATE follow_edge t SET account_id = a.id FROM account a WHERE t.account_id IS NULL"
                    + " AND a.platform = t.platform AND a.platform_id = t.account_platform_id RETURNING t.account_id"),
            queued("UPDATE follower_count t SET account_id = a.id FROM account a WHERE t.account_id IS NULL"
                    + " AND a.platform = t.platform AND a.platform_id = t.account_platform_id RETURNING t.account_id"));

    private static final String WAITING = "SELECT"
            + " (SELECT count(*) FROM post WHERE account_id IS NULL)"
            + " + (SELECT count(*) FROM comment WHERE post_id IS NULL)"
            + " + (SELECT count(*) FROM comment WHERE parent_id IS NULL AND parent_platform_id IS NOT NULL)"
            + " + (SELECT count(*) FROM follower_sample WHERE account_id IS NULL)"
            + " + (SELECT count(*) FROM follow_edge WHERE account_id IS NULL)"
            + " + (SELECT count(*) FROM follower_count WHERE account_id IS NULL)";

    private OrphanLinks() {}

    /** Wraps a linking UPDATE ... RETURNING account id so the newly linked accounts get re-scored. */
    private static String queued(String updateReturningAccountId) {
        return "WITH linked (account_id) AS (" + updateReturningAccountId + ") INSERT INTO score_queue (account_id)"
                + " SELECT DISTINCT account_id FROM linked WHERE account_id IS NOT NULL ON CONFLICT (account_id) DO NOTHING";
    }

    /** Links what can be linked (in the caller's transaction) and returns how many rows still wait. */
    static long link(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : LINKS) {
                st.executeUpdate(sql);
            }
            try (ResultSet rs = st.executeQuery(WAITING)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
