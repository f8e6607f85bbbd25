package io.microreach.app.scoring;

import static io.microreach.app.database.SqlColumns.instant;
import static io.microreach.app.database.SqlColumns.nullableLong;
import static io.microreach.app.database.SqlColumns.platform;
import static io.microreach.app.database.SqlColumns.strings;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads {@link AccountActivity} for a chunk of accounts with one query per table (not one per account), so scoring
 * costs a handful of round trips per few hundred accounts. Only the recent posts are loaded ({@value #RECENT_POSTS},
 * enough for the 30-post window plus the anomaly checks), and only comments on those posts.
 */
@Component
public class ActivityLoader {
    static final int RECENT_POSTS = 60;

    private final NamedParameterJdbcTemplate jdbc;

    public ActivityLoader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loaded activity keyed by the database id of the account, in the order of {@code accountIds}. */
    public Map<Long, AccountActivity> load(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", accountIds);
        Map<Long, Account> accounts = new LinkedHashMap<>();
        for (Long id : accountIds) {
            accounts.put(id, null);
        }
        jdbc.query(
                "SELECT a.id, a.platform, a.platform_id, a.handle, a.display_name, a.bio, a.country, a.language,"
                        + " a.followers, a.following, a.posts_count, a.verified, a.is_business, a.is_creator,"
                        + " a.external_url, a.contact_email, c.creator_key, a.observed_at"
                        + " FROM account a LEFT JOIN creator c ON c.id = a.creator_id WHERE a.id IN (:ids)",
                ids,
                rs -> {
                    accounts.put(
                            rs.getLong(1),
                            new Account(
                                    platform(rs, 2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getLong(9),
                                    nullableLong(rs, 10),
                                    nullableLong(rs, 11),
                                    rs.getBoolean(12),
                                    rs.getBoolean(13),
                                    rs.getBoolean(14),
                                    rs.getString(15),
                                    rs.getString(16),
                                    rs.getString(17),
                                    instant(rs, 18)));
                });
        Map<Long, List<Post>> posts = new HashMap<>();
        Map<Long, Long> postAccounts = new HashMap<>();
        jdbc.query(
                "SELECT account_id, platform, platform_id, account_platform_id, published_at, format, caption,"
                        + " hashtags, mentions, likes, comments, shares, saves, views, followers_at_post,"
                        + " paid_partnership, url, id FROM (SELECT p.*, row_number() OVER (PARTITION BY account_id"
                        + " ORDER BY published_at DESC, id DESC) AS rn FROM post p WHERE account_id IN (:ids)) r"
                        + " WHERE rn <= " + RECENT_POSTS + " ORDER BY account_id, published_at DESC, id DESC",
                ids,
                rs -> {
                    postAccounts.put(rs.getLong(18), rs.getLong(1));
                    posts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Post(
                                    platform(rs, 2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    instant(rs, 5),
                                    PostFormat.fromId(rs.getString(6)).orElseThrow(),
                                    rs.getString(7),
                                    strings(rs, 8),
                                    strings(rs, 9),
                                    nullableLong(rs, 10),
                                    nullableLong(rs, 11),
                                    nullableLong(rs, 12),
                                    nullableLong(rs, 13),
                                    nullableLong(rs, 14),
                                    nullableLong(rs, 15),
                                    (Boolean) rs.getObject(16),
                                    rs.getString(17)));
                });
        Map<Long, List<Comment>> comments = new HashMap<>();
        // By the ids of the posts just loaded, so that PostgreSQL looks comments up by post (index) rather than
        // joining a ranking of the posts again: on a large pool that join became a full scan of the comment table
        // for every chunk.
        if (!postAccounts.isEmpty()) {
            Long[] postIds = postAccounts.keySet().toArray(Long[]::new);
            jdbc.getJdbcOperations()
                    .query(
                            connection -> {
                                PreparedStatement ps = connection.prepareStatement("SELECT c.post_id, c.platform,"
                                        + " c.platform_id, c.post_platform_id, c.author_platform_id, c.author_handle,"
                                        + " c.text, c.created_at, c.parent_platform_id, c.likes FROM comment c"
                                        + " WHERE c.post_id = ANY (?)");
                                ps.setArray(1, connection.createArrayOf("bigint", postIds));
                                return ps;
                            },
                            (RowCallbackHandler) rs -> comments.computeIfAbsent(
                                            postAccounts.get(rs.getLong(1)), k -> new ArrayList<>())
                                    .add(new Comment(
                                            platform(rs, 2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5),
                                            rs.getString(6),
                                            rs.getString(7),
                                            instant(rs, 8),
                                            rs.getString(9),
                                            nullableLong(rs, 10))));
        }
        Map<Long, List<FollowerSample>> followers = new HashMap<>();
        jdbc.query(
                "SELECT account_id, platform, account_platform_id, follower_platform_id, handle, full_name, bio,"
                        + " followers, following, posts_count, has_profile_pic, is_private, verified, external_url,"
                        + " sampled_at FROM follower_sample WHERE account_id IN (:ids) ORDER BY account_id, id",
                ids,
                rs -> {
                    followers
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new FollowerSample(
                                    platform(rs, 2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    nullableLong(rs, 8),
                                    nullableLong(rs, 9),
                                    nullableLong(rs, 10),
                                    (Boolean) rs.getObject(11),
                                    (Boolean) rs.getObject(12),
                                    (Boolean) rs.getObject(13),
                                    rs.getString(14),
                                    instant(rs, 15)));
                });
        Map<Long, List<FollowEdge>> edges = new HashMap<>();
        jdbc.query(
                "SELECT account_id, platform, account_platform_id, source_id, target_id FROM follow_edge"
                        + " WHERE account_id IN (:ids)",
                ids,
                rs -> {
                    edges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new FollowEdge(platform(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        Map<Long, List<FollowerCount>> history = new HashMap<>();
        jdbc.query(
                "SELECT account_id, platform, account_platform_id, day, followers FROM follower_count"
                        + " WHERE account_id IN (:ids) ORDER BY account_id, day",
                ids,
                rs -> {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new FollowerCount(
                                    platform(rs, 2),
                                    rs.getString(3),
                                    rs.getObject(4, java.time.LocalDate.class),
                                    rs.getLong(5)));
                });
        Map<Long, AccountActivity> out = new LinkedHashMap<>();
        accounts.forEach((id, account) -> {
            if (account != null) {
                out.put(
                        id,
                        new AccountActivity(
                                account,
                                posts.getOrDefault(id, List.of()),
                                comments.getOrDefault(id, List.of()),
                                followers.getOrDefault(id, List.of()),
                                edges.getOrDefault(id, List.of()),
                                history.getOrDefault(id, List.of())));
            }
        });
        return out;
    }
}
