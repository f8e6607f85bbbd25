package io.microreach.app.scoring;

import static io.microreach.app.database.SqlColumns.instant;
import static io.microreach.app.database.SqlColumns.nullableLong;
import static io.microreach.app.database.SqlColumns.platform;

import io.microreach.app.database.BinaryCopyReader;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.FollowerPack;
import io.microreach.signals.SampledFollower;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads {@link AccountActivity} for a chunk of accounts with one query per table (not one per account), so scoring
 * costs a handful of round trips per few hundred accounts. Only the recent posts are loaded ({@value #RECENT_POSTS},
 * enough for the 30-post window plus the anomaly checks), and only comments on those posts. An account's sampled
 * followers, the follow edges among them and its daily follower counts come from its pack ({@code follower_pack}),
 * one value per account, and from the rows only when the pack is stale (rebuilt and stored then). It loads what the
 * signals read: sampled followers reduced to {@link SampledFollower}s.
 */
@Component
public class ActivityLoader {
    static final int RECENT_POSTS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(ActivityLoader.class);

    private final NamedParameterJdbcTemplate jdbc;

    public ActivityLoader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record SampledRow(long id, SampledFollower sample) {}

    /** What the rows of a pack need from their account. */
    private record Owner(Platform platform, String platformId) {}

    private static final FollowerPack NO_FOLLOWERS = new FollowerPack(List.of(), List.of(), List.of());

    /**
     * Rows of one table by account. Rows arrive grouped by account (index order), so the list of the previous row's
     * account is kept at hand: one boxed key and one hash lookup per account instead of per row (tens of millions of
     * rows on a large pool).
     */
    private static final class ByAccount<O, T> {
        final Map<Long, List<T>> lists = new HashMap<>();
        private final Map<Long, O> owners;
        private long lastId = Long.MIN_VALUE;
        private List<T> last;
        private O lastOwner;

        /** {@code owners}: what each account's rows need from it (the account, or only its {@link Owner}). */
        ByAccount(Map<Long, O> owners) {
            this.owners = owners;
        }

        /** Moves to {@code accountId}'s rows and returns its owner. */
        O at(long accountId) {
            if (accountId != lastId || last == null) {
                lastId = accountId;
                last = lists.computeIfAbsent(accountId, k -> new ArrayList<>());
                lastOwner = owners.get(accountId);
            }
            return lastOwner;
        }

        void add(T row) {
            last.add(row);
        }

        List<T> of(long accountId) {
            return lists.getOrDefault(accountId, List.of());
        }
    }

    /**
     * Runs a query whose one parameter is the chunk's account ids as an array: the same statement text for every
     * chunk (an {@code IN} list of a different length is a new statement), so PgJDBC prepares it on the server after
     * a few executions and numbers and timestamps come back in binary.
     */
    private void select(String sql, Long[] ids, RowCallbackHandler handler) {
        jdbc.getJdbcOperations()
                .query(
                        connection -> {
                            PreparedStatement ps = connection.prepareStatement(sql);
                            ps.setArray(1, connection.createArrayOf("bigint", ids));
                            return ps;
                        },
                        handler);
    }

    /** Handles one row of a {@link #copy}, reading its fields in column order. */
    @FunctionalInterface
    private interface CopyRowHandler {
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
    private void copy(String sql, Long[] ids, CopyRowHandler handler) {
        StringBuilder array = new StringBuilder(ids.length * 8 + 16).append("'{");
        for (int i = 0; i < ids.length; i++) {
            array.append(i == 0 ? "" : ",").append(ids[i].longValue());
        }
        String query = sql.replace("?", array.append("}'::bigint[]"));
        jdbc.getJdbcOperations().execute((ConnectionCallback<Void>) connection -> {
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

    private static PostFormat postFormat(String id) {
        return PostFormat.fromId(id)
                .orElseThrow(() -> new IllegalStateException("unknown post format in database: " + id));
    }

    /** Loaded activity keyed by the database id of the account, in the order of {@code accountIds}. */
    public Map<Long, AccountActivity> load(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = accountIds.toArray(Long[]::new);
        Map<Long, Account> accounts = new LinkedHashMap<>();
        for (Long id : accountIds) {
            accounts.put(id, null);
        }
        select(
                "SELECT a.id, a.platform, a.platform_id, a.handle, a.display_name, a.bio, a.country, a.language,"
                        + " a.followers, a.following, a.posts_count, a.verified, a.is_business, a.is_creator,"
                        + " a.external_url, a.contact_email, c.creator_key, a.observed_at"
                        + " FROM account a LEFT JOIN creator c ON c.id = a.creator_id WHERE a.id = ANY (?)",
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
        // Columns that repeat the parent's key (platform, account and post platform ids) are taken from the parent
        // already loaded instead of being decoded again on every row: string decoding was most of this loader's CPU.
        // The newest posts of each account come straight from the (account_id, published_at DESC) index, LIMIT per
        // account: a window function over all posts of the chunk sorted ~15,000 wide rows per chunk, spilling to
        // disk at the default work_mem (EXPLAIN ANALYZE on the 100k pool).
        ByAccount<Account, Post> posts = new ByAccount<>(accounts);
        Map<Long, Long> postAccounts = new HashMap<>();
        Map<Long, Post> postsById = new HashMap<>();
        copy(
                "SELECT p.account_id, p.id, p.platform_id, p.published_at, p.format, p.caption, p.hashtags,"
                        + " p.mentions, p.likes, p.comments, p.shares, p.saves, p.views, p.followers_at_post,"
                        + " p.paid_partnership, p.url FROM unnest(?::bigint[]) WITH ORDINALITY AS a(id, n) CROSS JOIN"
                        + " LATERAL (SELECT * FROM post WHERE post.account_id = a.id ORDER BY published_at DESC, id DESC"
                        + " LIMIT " + RECENT_POSTS + ") p ORDER BY a.n",
                ids,
                row -> {
                    long accountId = row.longValue();
                    Account account = posts.at(accountId);
                    long postId = row.longValue();
                    Post post = new Post(
                            account.platform(),
                            row.text(),
                            account.platformId(),
                            row.timestamp(),
                            postFormat(row.text()),
                            row.text(),
                            row.textArray(),
                            row.textArray(),
                            row.nullableLong(),
                            row.nullableLong(),
                            row.nullableLong(),
                            row.nullableLong(),
                            row.nullableLong(),
                            row.nullableLong(),
                            row.bool(),
                            row.text());
                    postAccounts.put(postId, accountId);
                    postsById.put(postId, post);
                    posts.add(post);
                });
        ByAccount<Account, Comment> comments = new ByAccount<>(accounts);
        if (!postAccounts.isEmpty()) {
            // A post's comments arrive together (one index scan per post), so the post is looked up once per post,
            // not once per comment.
            long[] lastPostId = {Long.MIN_VALUE};
            Post[] lastPost = {null};
            copy(
                    "SELECT c.post_id, c.platform_id, c.author_platform_id, c.author_handle, c.text, c.created_at,"
                            + " c.parent_platform_id, c.likes FROM unnest(?) AS p(id) CROSS JOIN LATERAL"
                            + " (SELECT * FROM comment WHERE comment.post_id = p.id OFFSET 0) c",
                    postAccounts.keySet().toArray(Long[]::new),
                    row -> {
                        long postId = row.longValue();
                        if (postId != lastPostId[0]) {
                            lastPostId[0] = postId;
                            lastPost[0] = postsById.get(postId);
                            comments.at(postAccounts.get(postId));
                        }
                        Post post = lastPost[0];
                        comments.add(new Comment(
                                post.platform(),
                                row.text(),
                                post.platformId(),
                                row.text(),
                                row.text(),
                                row.text(),
                                row.timestamp(),
                                row.text(),
                                row.nullableLong()));
                    });
        }
        Map<Long, FollowerPack> packs = followerPacks(ids, accounts);
        Map<Long, AccountActivity> out = new LinkedHashMap<>();
        accounts.forEach((id, account) -> {
            if (account != null) {
                out.put(
                        id,
                        new AccountActivity(
                                account,
                                posts.of(id),
                                comments.of(id),
                                packs.getOrDefault(id, NO_FOLLOWERS).followers(),
                                packs.getOrDefault(id, NO_FOLLOWERS).edges(),
                                packs.getOrDefault(id, NO_FOLLOWERS).history()));
            }
        });
        return out;
    }

    /**
     * The chunk's followers (sampled followers, the edges among them, daily counts), from each account's pack
     * ({@code follower_pack}, migration V9): one value per account instead of about two hundred follower rows of a
     * dozen columns, a hundred edges and ninety daily counts: PostgreSQL's cost is in formatting and sending each
     * value, so on the 100k benchmark pool the loader alone went from 46.3 s to about 19.5 s (ScoringBenchmark,
     * docs/scoring-performance.md). A stale pack (its rows changed since it was built: {@code data} is NULL) is read from the rows
     * instead, and packed and stored for the next read, compare-and-set on its version (V9 says why that never
     * stores a stale pack). An account without a pack row has no followers, edges or daily counts.
     */
    private Map<Long, FollowerPack> followerPacks(Long[] ids, Map<Long, Account> accounts) {
        Map<Long, FollowerPack> packs = new HashMap<>();
        Map<Long, Owner> stale = new LinkedHashMap<>();
        Map<Long, Long> staleVersions = new HashMap<>();
        copy(
                "SELECT p.account_id, p.version, p.data FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follower_pack WHERE account_id = a.id OFFSET 0) p",
                ids,
                row -> {
                    long accountId = row.longValue();
                    long version = row.longValue();
                    byte[] data = row.bytes();
                    Account account = accounts.get(accountId);
                    if (account == null) {
                        return; // removed since the chunk's accounts were read
                    }
                    FollowerPack pack = data == null ? null : decode(accountId, account, data);
                    if (pack == null) {
                        stale.put(accountId, new Owner(account.platform(), account.platformId()));
                        staleVersions.put(accountId, version);
                    } else {
                        packs.put(accountId, pack);
                    }
                });
        if (!stale.isEmpty()) {
            Map<Long, FollowerPack> fromRows = fromRows(stale);
            packs.putAll(fromRows);
            storePacks(fromRows, staleVersions);
        }
        return packs;
    }

    /**
     * A stored pack, or {@code null} when it cannot be read (damaged, or written in a format this version does not
     * read): then it is treated as stale, rebuilt from the rows and replaced, since the rows are the record.
     */
    private static FollowerPack decode(long accountId, Account account, byte[] data) {
        try {
            return FollowerPack.decode(account.platform(), account.platformId(), data);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "follower pack of account {} unreadable ({}); reading its rows instead", accountId, e.getMessage());
            return null;
        }
    }

    /**
     * Packs and stores the followers of every account whose pack is stale (after an import, a connector's writes or
     * a bulk copy); returns how many packs were stored. Scoring does the same for the accounts it reads, so this is
     * only needed to have the packs ready before a timed full rescore.
     */
    public int packStaleFollowers() {
        int stored = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            Map<Long, Owner> owners = new LinkedHashMap<>();
            Map<Long, Long> versions = new HashMap<>();
            jdbc.getJdbcOperations()
                    .query(
                            "SELECT p.account_id, p.version, a.platform, a.platform_id FROM follower_pack p"
                                    + " JOIN account a ON a.id = p.account_id WHERE p.data IS NULL"
                                    + " AND p.account_id > ? ORDER BY p.account_id LIMIT " + Scorer.CHUNK,
                            rs -> {
                                owners.put(rs.getLong(1), new Owner(platform(rs, 3), rs.getString(4)));
                                versions.put(rs.getLong(1), rs.getLong(2));
                            },
                            after);
            if (owners.isEmpty()) {
                return stored;
            }
            stored += storePacks(fromRows(owners), versions);
            for (long id : owners.keySet()) {
                after = Math.max(after, id);
            }
        }
    }

    /**
     * Stores each account's pack where its version is still the one read before the rows; returns how many were
     * stored (a concurrent writer bumped the others, which stay stale).
     */
    private int storePacks(Map<Long, FollowerPack> packs, Map<Long, Long> versions) {
        List<Object[]> updates = new ArrayList<>(packs.size());
        // In account order, as the triggers lock pack rows, so that a concurrent import cannot deadlock with this.
        new TreeMap<>(packs).forEach((id, pack) -> updates.add(new Object[] {pack.encode(), id, versions.get(id)}));
        int stored = 0;
        for (int n : jdbc.getJdbcOperations()
                .batchUpdate("UPDATE follower_pack SET data = ? WHERE account_id = ? AND version = ?", updates)) {
            stored += n > 0 || n == Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return stored;
    }

    /**
     * The packs of the given accounts made from their rows; every account asked for gets one, empty when it has no
     * rows. Sampled followers come in row-id order, each reduced as it arrives (the bio and display name are
     * decoded, measured and dropped here, the link is only asked for whether there is one, and the verified flag
     * and sampling time, which no signal reads, are not loaded; SampledFollower says why); sorted by id here, per
     * account, not by PostgreSQL: ~100,000 wide rows per chunk spilled its sort to disk.
     */
    private Map<Long, FollowerPack> fromRows(Map<Long, Owner> owners) {
        Long[] ids = owners.keySet().toArray(Long[]::new);
        ByAccount<Owner, SampledRow> sampled = new ByAccount<>(owners);
        copy(
                "SELECT f.account_id, f.id, f.follower_platform_id, f.handle, f.full_name, f.bio, f.followers,"
                        + " f.following, f.posts_count, f.has_profile_pic, f.is_private, f.external_url IS NOT NULL"
                        + " FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follower_sample WHERE account_id = a.id OFFSET 0) f",
                ids,
                row -> {
                    Owner owner = sampled.at(row.longValue());
                    long id = row.longValue();
                    sampled.add(new SampledRow(
                            id,
                            SampledFollower.of(
                                    owner.platform(),
                                    row.text(),
                                    row.text(),
                                    row.text(),
                                    row.text(),
                                    row.nullableLong(),
                                    row.nullableLong(),
                                    row.nullableLong(),
                                    row.bool(),
                                    row.bool(),
                                    Boolean.TRUE.equals(row.bool()))));
                });
        ByAccount<Owner, FollowEdge> edges = new ByAccount<>(owners);
        copy(
                "SELECT e.account_id, e.source_id, e.target_id FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follow_edge WHERE account_id = a.id OFFSET 0) e",
                ids,
                row -> {
                    Owner owner = edges.at(row.longValue());
                    edges.add(new FollowEdge(owner.platform(), owner.platformId(), row.text(), row.text()));
                });
        ByAccount<Owner, FollowerCount> history = new ByAccount<>(owners);
        copy(
                "SELECT h.account_id, h.day, h.followers FROM unnest(?) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT * FROM follower_count WHERE account_id = a.id ORDER BY day OFFSET 0) h",
                ids,
                row -> {
                    Owner owner = history.at(row.longValue());
                    history.add(new FollowerCount(owner.platform(), owner.platformId(), row.date(), row.longValue()));
                });
        Map<Long, FollowerPack> packs = new HashMap<>();
        for (Long id : ids) {
            packs.put(id, new FollowerPack(byId(sampled.of(id)), edges.of(id), history.of(id)));
        }
        return packs;
    }

    /** The samples in id order; they mostly arrive in it (an import writes them so), then nothing is sorted. */
    private static List<SampledFollower> byId(List<SampledRow> rows) {
        boolean sorted = true;
        boolean smallIds = true;
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.get(i).id();
            sorted &= i == 0 || rows.get(i - 1).id() <= id;
            smallIds &= id >= 0 && id < 1L << 47;
        }
        List<SampledFollower> samples = new ArrayList<>(rows.size());
        if (sorted) {
            for (SampledRow r : rows) {
                samples.add(r.sample());
            }
            return samples;
        }
        // A primitive sort of (id, position) keys instead of a comparator over the rows: ties keep their order, as a
        // stable sort by id would, and a sample is a few hundred rows, so the position fits in the low 16 bits
        // unless the ids are very large, which falls back to the comparator.
        if (rows.size() <= 1 << 16 && smallIds) {
            long[] keys = new long[rows.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = rows.get(i).id() << 16 | i;
            }
            Arrays.sort(keys);
            for (long key : keys) {
                samples.add(rows.get((int) (key & 0xffff)).sample());
            }
            return samples;
        }
        List<SampledRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(SampledRow::id));
        for (SampledRow r : ordered) {
            samples.add(r.sample());
        }
        return samples;
    }
}
