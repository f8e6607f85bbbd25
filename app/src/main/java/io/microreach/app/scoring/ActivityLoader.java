package io.microreach.app.scoring;

import io.microreach.app.database.AccountRows;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.FollowerPack;
import io.microreach.signals.SampledFollower;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final ChunkReads reads;
    private final FollowerPackStore packs;

    public ActivityLoader(NamedParameterJdbcTemplate jdbc) {
        this.reads = new ChunkReads(jdbc);
        this.packs = new FollowerPackStore(reads);
    }

    private static final FollowerPack NO_FOLLOWERS = new FollowerPack(List.of(), List.of(), List.of());

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
        Map<Long, Account> accounts = accounts(accountIds, ids);
        RecentPosts posts = recentPosts(ids, accounts);
        ByAccount<Account, Comment> comments = comments(posts, accounts);
        Map<Long, FollowerPack> followers = packs.read(ids, accounts);
        Map<Long, AccountActivity> out = new LinkedHashMap<>();
        accounts.forEach((id, account) -> {
            if (account != null) {
                FollowerPack pack = followers.getOrDefault(id, NO_FOLLOWERS);
                out.put(
                        id,
                        new AccountActivity(
                                account,
                                posts.byAccount().of(id),
                                comments.of(id),
                                pack.followers(),
                                pack.edges(),
                                pack.history()));
            }
        });
        return out;
    }

    /** The chunk's accounts in the order asked for; an id no longer in the table maps to {@code null}. */
    private Map<Long, Account> accounts(List<Long> accountIds, Long[] ids) {
        Map<Long, Account> accounts = new LinkedHashMap<>();
        for (Long id : accountIds) {
            accounts.put(id, null);
        }
        reads.select(
                "SELECT a.id, " + AccountRows.COLUMNS + AccountRows.FROM + " WHERE a.id = ANY (?)",
                ids,
                rs -> accounts.put(rs.getLong(1), AccountRows.read(rs, 2)));
        return accounts;
    }

    /** Each account's newest posts, and by post id the post and its account (for attaching the comments). */
    private record RecentPosts(ByAccount<Account, Post> byAccount, Map<Long, Long> accountOf, Map<Long, Post> byId) {}

    private RecentPosts recentPosts(Long[] ids, Map<Long, Account> accounts) {
        // Columns that repeat the parent's key (platform, account and post platform ids) are taken from the parent
        // already loaded instead of being decoded again on every row: string decoding was most of this loader's CPU.
        // The newest posts of each account come straight from the (account_id, published_at DESC) index, LIMIT per
        // account: a window function over all posts of the chunk sorted ~15,000 wide rows per chunk, spilling to
        // disk at the default work_mem (EXPLAIN ANALYZE on the 100k pool).
        ByAccount<Account, Post> posts = new ByAccount<>(accounts);
        Map<Long, Long> postAccounts = new HashMap<>();
        Map<Long, Post> postsById = new HashMap<>();
        reads.copy(
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
        return new RecentPosts(posts, postAccounts, postsById);
    }

    /** The comments on the recent posts, by account. */
    private ByAccount<Account, Comment> comments(RecentPosts posts, Map<Long, Account> accounts) {
        Map<Long, Long> postAccounts = posts.accountOf();
        Map<Long, Post> postsById = posts.byId();
        ByAccount<Account, Comment> comments = new ByAccount<>(accounts);
        if (!postAccounts.isEmpty()) {
            // A post's comments arrive together (one index scan per post), so the post is looked up once per post,
            // not once per comment.
            long[] lastPostId = {Long.MIN_VALUE};
            Post[] lastPost = {null};
            reads.copy(
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
        return comments;
    }

    /**
     * Packs and stores the followers of every account whose pack is stale (after an import, a connector's writes or
     * a bulk copy); returns how many packs were stored. Scoring does the same for the accounts it reads, so this is
     * only needed to have the packs ready before a timed full rescore.
     */
    public int packStaleFollowers() {
        return packs.packStale();
    }
}
