package io.microreach.app.database;

import org.springframework.jdbc.core.JdbcTemplate;

/** How much public creator data the database holds. */
public record StoredCounts(
        long creators,
        long accounts,
        long posts,
        long comments,
        long followerSamples,
        long followEdges,
        long followerCounts) {

    static StoredCounts query(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM creator), (SELECT count(*) FROM account), (SELECT count(*) FROM post),"
                        + " (SELECT count(*) FROM comment), (SELECT count(*) FROM follower_sample),"
                        + " (SELECT count(*) FROM follow_edge), (SELECT count(*) FROM follower_count)",
                (rs, i) -> new StoredCounts(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)));
    }
}
