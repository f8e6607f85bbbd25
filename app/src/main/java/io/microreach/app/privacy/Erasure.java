package io.microreach.app.privacy;

import io.microreach.app.importer.ErasedSubjects;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.users.AuditLog;
import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a creator on request and exports what is stored about one.
 *
 * <p>A creator is named by platform and handle (or platform id); every account of that platform with that handle or
 * id is theirs. Erasing deletes, in one transaction: their accounts with posts, the comments on those posts, follower
 * samples, follow edges, follower history, scores, niches, embeddings, sketches and packs (the foreign keys cascade),
 * the workspace rows pointing at them (shortlist entries, notes, prices), their provenance and pending crawl records;
 * and their appearances in other creators' data: comments they wrote (replies to those keep their text and lose the
 * link), follower-sample rows and follow edges that name them. It then stores digests of their ids and handles and
 * rescores every account, which rebuilds the search index and the audience sketches from what is left, so no derived
 * structure keeps them. The audit log records the erasure by digest, not by name.
 */
@Service
public class Erasure {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Scorer scorer;
    private final AuditLog audit;

    public Erasure(JdbcTemplate jdbc, PlatformTransactionManager transactions, Scorer scorer, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.scorer = scorer;
        this.audit = audit;
    }

    /** The ids and handles that name the creator: what was given, and what their stored accounts say. */
    private record Subject(String platform, Set<String> ids, Set<String> handles, List<Long> accountIds) {}

    private Subject subject(Platform platform, String handleOrId) {
        String given = handleOrId == null ? "" : handleOrId.strip();
        if (given.startsWith("@")) {
            given = given.substring(1);
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("name the creator by --handle (or their platform id)");
        }
        Set<String> ids = new LinkedHashSet<>(List.of(given));
        Set<String> handles = new LinkedHashSet<>(List.of(given.toLowerCase(Locale.ROOT)));
        List<Long> accounts = new ArrayList<>();
        jdbc.query(
                "SELECT id, platform_id, handle FROM account WHERE platform = ? AND (platform_id = ? OR lower(handle) = ?)",
                rs -> {
                    accounts.add(rs.getLong(1));
                    ids.add(rs.getString(2));
                    handles.add(rs.getString(3).toLowerCase(Locale.ROOT));
                },
                platform.id(),
                given,
                given.toLowerCase(Locale.ROOT));
        return new Subject(platform.id(), ids, handles, accounts);
    }

    public ErasureReport erase(Platform platform, String handleOrId, String actor) {
        Subject s = subject(platform, handleOrId);
        ErasureReport deleted = tx.execute(status -> delete(s));
        long rescored = scorer.scoreAll(ScoringProgress.NONE).accounts();
        byte[] first = ErasedSubjects.digest(
                s.platform(), "handle", s.handles().iterator().next());
        audit.record(
                actor,
                null,
                "creator.erase",
                s.platform() + " subject " + HexFormat.of().formatHex(first, 0, 8),
                deleted.accounts() + " accounts");
        return new ErasureReport(
                deleted.accounts(),
                deleted.posts(),
                deleted.commentsOnTheirPosts(),
                deleted.commentsTheyWrote(),
                deleted.followerSampleRows(),
                deleted.followEdges(),
                deleted.followerCounts(),
                deleted.workspaceRows(),
                deleted.crawlRows(),
                rescored);
    }

    private ErasureReport delete(Subject s) {
        // Declared as Object so that a lone array argument is one SQL parameter, not varargs.
        Object ids = s.ids().toArray(String[]::new);
        Object handles = s.handles().toArray(String[]::new);
        Object accounts = s.accountIds().toArray(Long[]::new);
        String p = s.platform();
        String theirPosts =
                "SELECT id FROM post WHERE account_id = ANY(?) OR (platform = ? AND account_platform_id = ANY(?))";
        String theirComments = "SELECT id FROM comment WHERE post_id IN (" + theirPosts + ")"
                + " OR (platform = ? AND (author_platform_id = ANY(?) OR lower(author_handle) = ANY(?)))";
        jdbc.update(
                "UPDATE comment SET parent_id = NULL WHERE parent_id IN (" + theirComments + ")",
                accounts,
                p,
                ids,
                p,
                ids,
                handles);
        long onTheirPosts = jdbc.update("DELETE FROM comment WHERE post_id IN (" + theirPosts + ")", accounts, p, ids);
        long theyWrote = jdbc.update(
                "DELETE FROM comment WHERE platform = ? AND (author_platform_id = ANY(?) OR lower(author_handle) = ANY(?))",
                p,
                ids,
                handles);
        long posts = jdbc.update(
                "DELETE FROM post WHERE account_id = ANY(?) OR (platform = ? AND account_platform_id = ANY(?))",
                accounts,
                p,
                ids);
        long samples = jdbc.update(
                "DELETE FROM follower_sample WHERE account_id = ANY(?) OR (platform = ? AND (account_platform_id = ANY(?)"
                        + " OR follower_platform_id = ANY(?) OR lower(handle) = ANY(?)))",
                accounts,
                p,
                ids,
                ids,
                handles);
        long edges = jdbc.update(
                "DELETE FROM follow_edge WHERE account_id = ANY(?) OR (platform = ? AND (account_platform_id = ANY(?)"
                        + " OR source_id = ANY(?) OR target_id = ANY(?)))",
                accounts,
                p,
                ids,
                ids,
                ids);
        long counts = jdbc.update(
                "DELETE FROM follower_count WHERE account_id = ANY(?) OR (platform = ? AND account_platform_id = ANY(?))",
                accounts,
                p,
                ids);
        long workspace = jdbc.update("DELETE FROM shortlist_entry WHERE account_id = ANY(?)", accounts)
                + jdbc.update("DELETE FROM creator_note WHERE account_id = ANY(?)", accounts)
                + jdbc.update("DELETE FROM negotiated_price WHERE account_id = ANY(?)", accounts);
        long crawl = jdbc.update("DELETE FROM account_source WHERE platform = ? AND platform_id = ANY(?)", p, ids)
                + jdbc.update("DELETE FROM crawl_account WHERE platform_id = ANY(?)", ids)
                + jdbc.update("DELETE FROM crawl_record WHERE account = ANY(?)", ids)
                + deleteCrawlLinesNaming(s);
        jdbc.update(
                "UPDATE crawl_checkpoint SET emitted = array(SELECT e FROM unnest(emitted) e WHERE NOT e = ANY(?::text[]))"
                        + " WHERE emitted && ?::text[]",
                ids,
                ids);
        jdbc.update(
                "UPDATE crawl_source_state SET emitted = array(SELECT e FROM unnest(emitted) e WHERE NOT e = ANY(?::text[]))"
                        + " WHERE emitted && ?::text[]",
                ids,
                ids);
        List<Long> creators = jdbc.queryForList(
                "SELECT DISTINCT creator_id FROM account WHERE id = ANY(?) AND creator_id IS NOT NULL",
                Long.class,
                accounts);
        long deletedAccounts = jdbc.update("DELETE FROM account WHERE id = ANY(?)", accounts);
        if (!creators.isEmpty()) {
            jdbc.update(
                    "DELETE FROM creator c WHERE c.id = ANY(?) AND NOT EXISTS (SELECT 1 FROM account a WHERE a.creator_id = c.id)",
                    (Object) creators.toArray(Long[]::new));
        }
        for (String id : s.ids()) {
            remember(ErasedSubjects.digest(p, "id", id));
        }
        for (String handle : s.handles()) {
            remember(ErasedSubjects.digest(p, "handle", handle));
        }
        return new ErasureReport(
                deletedAccounts, posts, onTheirPosts, theyWrote, samples, edges, counts, workspace, crawl, 0);
    }

    /** Pending crawl lines that name the creator as a JSON string value (an author, a follower, an edge end). */
    private long deleteCrawlLinesNaming(Subject s) {
        long n = 0;
        for (String id : s.ids()) {
            n += jdbc.update("DELETE FROM crawl_record WHERE strpos(line, ?) > 0", jsonString(id));
        }
        for (String handle : s.handles()) {
            n += jdbc.update("DELETE FROM crawl_record WHERE strpos(lower(line), ?) > 0", jsonString(handle));
        }
        return n;
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void remember(byte[] digest) {
        jdbc.update("INSERT INTO erased_subject (digest) VALUES (?) ON CONFLICT (digest) DO NOTHING", (Object) digest);
    }

    /** Rows as column → value with JSON-ready values: numbers, booleans, text, lists; times as ISO-8601 text. */
    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.query(
                sql,
                (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    var meta = rs.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), jsonValue(rs.getObject(c)));
                    }
                    return row;
                },
                args);
    }

    private static Object jsonValue(Object v) throws java.sql.SQLException {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.sql.Array a) {
            List<Object> out = new ArrayList<>();
            for (Object e : (Object[]) a.getArray()) {
                out.add(jsonValue(e));
            }
            return out;
        }
        if (v instanceof byte[] b) {
            return java.util.Base64.getEncoder().encodeToString(b);
        }
        return v.toString();
    }

    /** Everything stored about the creator, table by table (GDPR art. 15). */
    public PersonalDataExport export(Platform platform, String handleOrId) {
        Subject s = subject(platform, handleOrId);
        // Declared as Object so that a lone array argument is one SQL parameter, not varargs.
        Object ids = s.ids().toArray(String[]::new);
        Object handles = s.handles().toArray(String[]::new);
        Object accounts = s.accountIds().toArray(Long[]::new);
        String p = s.platform();
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("account", rows("SELECT * FROM account WHERE id = ANY(?)", accounts));
        tables.put("post", rows("SELECT * FROM post WHERE account_id = ANY(?)", accounts));
        tables.put(
                "comment_written",
                rows(
                        "SELECT * FROM comment WHERE platform = ? AND (author_platform_id = ANY(?) OR lower(author_handle) = ANY(?))",
                        p,
                        ids,
                        handles));
        tables.put(
                "follower_sample_of_them", rows("SELECT * FROM follower_sample WHERE account_id = ANY(?)", accounts));
        tables.put(
                "follower_sample_naming_them",
                rows(
                        "SELECT * FROM follower_sample WHERE platform = ? AND account_id <> ALL(?)"
                                + " AND (follower_platform_id = ANY(?) OR lower(handle) = ANY(?))",
                        p,
                        accounts,
                        ids,
                        handles));
        tables.put(
                "follow_edge",
                rows(
                        "SELECT * FROM follow_edge WHERE account_id = ANY(?) OR (platform = ? AND (source_id = ANY(?) OR target_id = ANY(?)))",
                        accounts,
                        p,
                        ids,
                        ids));
        tables.put("follower_count", rows("SELECT * FROM follower_count WHERE account_id = ANY(?)", accounts));
        tables.put("account_score", rows("SELECT * FROM account_score WHERE account_id = ANY(?)", accounts));
        tables.put("account_niche", rows("SELECT * FROM account_niche WHERE account_id = ANY(?)", accounts));
        tables.put("shortlist_entry", rows("SELECT * FROM shortlist_entry WHERE account_id = ANY(?)", accounts));
        tables.put("creator_note", rows("SELECT * FROM creator_note WHERE account_id = ANY(?)", accounts));
        tables.put("negotiated_price", rows("SELECT * FROM negotiated_price WHERE account_id = ANY(?)", accounts));
        tables.put(
                "account_source",
                rows("SELECT * FROM account_source WHERE platform = ? AND platform_id = ANY(?)", p, ids));
        List<byte[]> digests = new ArrayList<>();
        s.ids().forEach(id -> digests.add(ErasedSubjects.digest(p, "id", id)));
        s.handles().forEach(h -> digests.add(ErasedSubjects.digest(p, "handle", h)));
        boolean erased = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM erased_subject WHERE digest = ANY(?))", Boolean.class, (Object)
                        digests.toArray(byte[][]::new)));
        return new PersonalDataExport(p, handleOrId, erased, tables);
    }
}
