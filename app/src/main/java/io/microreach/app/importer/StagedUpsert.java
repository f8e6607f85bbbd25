package io.microreach.app.importer;

import io.microreach.app.database.CopyRows;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import io.microreach.domain.RecordType;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

// Over 400 lines by design: one declarative staging and upsert column table per record type, alike in shape.
/**
 * How each record type reaches its table: the columns of its session-local staging table, how a record is written
 * into COPY rows, and the upsert from staging into the real table.
 *
 * <p>The upsert is generated from one column list so that insert, update and the "did anything change" test can
 * never disagree: {@code ON CONFLICT DO UPDATE ... WHERE (old columns) IS DISTINCT FROM (new columns)} updates only
 * rows whose content changed, so the statement's row count is exactly the number of rows stored (inserted or
 * changed) and re-importing a file reports everything unchanged. {@code DISTINCT ON} keeps the last line when a
 * batch holds the same natural key twice (PostgreSQL refuses to touch one row twice in a statement).
 */
enum StagedUpsert {
    ACCOUNT(
            RecordType.ACCOUNT,
            "account",
            "platform, platform_id",
            List.of(
                    stage("platform", "text"),
                    stage("platform_id", "text"),
                    stage("handle", "text"),
                    stage("display_name", "text"),
                    stage("bio", "text"),
                    stage("country", "text"),
                    stage("language", "text"),
                    stage("followers", "bigint"),
                    stage("following", "bigint"),
                    stage("posts_count", "bigint"),
                    stage("verified", "boolean"),
                    stage("is_business", "boolean"),
                    stage("is_creator", "boolean"),
                    stage("external_url", "text"),
                    stage("contact_email", "text"),
                    stage("creator_key", "text"),
                    stage("observed_at", "timestamptz")),
            List.of(
                    key("platform"),
                    key("platform_id"),
                    column("creator_id", "c.id", Mode.KEEP_IF_NULL),
                    data("handle"),
                    data("display_name"),
                    data("bio"),
                    data("country"),
                    data("language"),
                    data("followers"),
                    data("following"),
                    data("posts_count"),
                    data("verified"),
                    data("is_business"),
                    data("is_creator"),
                    data("external_url"),
                    data("contact_email"),
                    data("observed_at"),
                    column("first_seen", "coalesce(s.observed_at, now())", Mode.INSERT_ONLY),
                    column("last_seen", "coalesce(s.observed_at, now())", Mode.LATEST)),
            "LEFT JOIN creator c ON c.creator_key = s.creator_key",
            (r, rows) -> {
                Account a = (Account) r;
                rows.text(a.platform().id())
                        .text(a.platformId())
                        .text(a.handle())
                        .text(a.displayName())
                        .text(a.bio())
                        .text(a.country())
                        .text(a.language())
                        .number(a.followers())
                        .number(a.following())
                        .number(a.postsCount())
                        .bool(a.verified())
                        .bool(a.business())
                        .bool(a.creatorAccount())
                        .text(a.externalUrl())
                        .text(a.contactEmail())
                        .text(a.creatorKey())
                        .time(a.observedAt());
            }),
    POST(
            RecordType.POST,
            "post",
            "platform, platform_id",
            List.of(
                    stage("platform", "text"),
                    stage("platform_id", "text"),
                    stage("account_platform_id", "text"),
                    stage("published_at", "timestamptz"),
                    stage("format", "text"),
                    stage("caption", "text"),
                    stage("hashtags", "text[]"),
                    stage("mentions", "text[]"),
                    stage("likes", "bigint"),
                    stage("comments", "bigint"),
                    stage("shares", "bigint"),
                    stage("saves", "bigint"),
                    stage("views", "bigint"),
                    stage("followers_at_post", "bigint"),
                    stage("paid_partnership", "boolean"),
                    stage("url", "text")),
            List.of(
                    key("platform"),
                    key("platform_id"),
                    data("account_platform_id"),
                    column("account_id", "p.id", Mode.DATA),
                    data("published_at"),
                    data("format"),
                    data("caption"),
                    data("hashtags"),
                    data("mentions"),
                    data("likes"),
                    data("comments"),
                    data("shares"),
                    data("saves"),
                    data("views"),
                    data("followers_at_post"),
                    data("paid_partnership"),
                    data("url")),
            "LEFT JOIN account p ON p.platform = s.platform AND p.platform_id = s.account_platform_id",
            (r, rows) -> {
                Post p = (Post) r;
                rows.text(p.platform().id())
                        .text(p.platformId())
                        .text(p.accountPlatformId())
                        .time(p.publishedAt())
                        .text(p.format().id())
                        .text(p.caption())
                        .textArray(p.hashtags())
                        .textArray(p.mentions())
                        .number(p.likes())
                        .number(p.comments())
                        .number(p.shares())
                        .number(p.saves())
                        .number(p.views())
                        .number(p.followersAtPost())
                        .bool(p.paidPartnership())
                        .text(p.url());
            }),
    COMMENT(
            RecordType.COMMENT,
            "comment",
            "platform, platform_id",
            List.of(
                    stage("platform", "text"),
                    stage("platform_id", "text"),
                    stage("post_platform_id", "text"),
                    stage("author_platform_id", "text"),
                    stage("author_handle", "text"),
                    stage("text", "text"),
                    stage("created_at", "timestamptz"),
                    stage("parent_platform_id", "text"),
                    stage("likes", "bigint")),
            List.of(
                    key("platform"),
                    key("platform_id"),
                    data("post_platform_id"),
                    column("post_id", "p.id", Mode.DATA),
                    data("author_platform_id"),
                    data("author_handle"),
                    data("text"),
                    data("created_at"),
                    data("parent_platform_id"),
                    column("parent_id", "q.id", Mode.DATA),
                    data("likes")),
            "LEFT JOIN post p ON p.platform = s.platform AND p.platform_id = s.post_platform_id"
                    + " LEFT JOIN comment q ON q.platform = s.platform AND q.platform_id = s.parent_platform_id",
            (r, rows) -> {
                Comment c = (Comment) r;
                rows.text(c.platform().id())
                        .text(c.platformId())
                        .text(c.postPlatformId())
                        .text(c.authorPlatformId())
                        .text(c.authorHandle())
                        .text(c.text())
                        .time(c.createdAt())
                        .text(c.parentPlatformId())
                        .number(c.likes());
            }),
    FOLLOWER_SAMPLE(
            RecordType.FOLLOWER_SAMPLE,
            "follower_sample",
            "platform, account_platform_id, follower_platform_id",
            List.of(
                    stage("platform", "text"),
                    stage("account_platform_id", "text"),
                    stage("follower_platform_id", "text"),
                    stage("handle", "text"),
                    stage("full_name", "text"),
                    stage("bio", "text"),
                    stage("followers", "bigint"),
                    stage("following", "bigint"),
                    stage("posts_count", "bigint"),
                    stage("has_profile_pic", "boolean"),
                    stage("is_private", "boolean"),
                    stage("verified", "boolean"),
                    stage("external_url", "text"),
                    stage("sampled_at", "timestamptz")),
            List.of(
                    key("platform"),
                    key("account_platform_id"),
                    key("follower_platform_id"),
                    column("account_id", "p.id", Mode.DATA),
                    data("handle"),
                    data("full_name"),
                    data("bio"),
                    data("followers"),
                    data("following"),
                    data("posts_count"),
                    data("has_profile_pic"),
                    data("is_private"),
                    data("verified"),
                    data("external_url"),
                    data("sampled_at")),
            "LEFT JOIN account p ON p.platform = s.platform AND p.platform_id = s.account_platform_id",
            (r, rows) -> {
                FollowerSample f = (FollowerSample) r;
                rows.text(f.platform().id())
                        .text(f.accountPlatformId())
                        .text(f.followerPlatformId())
                        .text(f.handle())
                        .text(f.fullName())
                        .text(f.bio())
                        .number(f.followers())
                        .number(f.following())
                        .number(f.postsCount())
                        .bool(f.hasProfilePic())
                        .bool(f.privateAccount())
                        .bool(f.verified())
                        .text(f.externalUrl())
                        .time(f.sampledAt());
            }),
    FOLLOW_EDGE(
            RecordType.FOLLOW_EDGE,
            "follow_edge",
            "platform, account_platform_id, source_id, target_id",
            List.of(
                    stage("platform", "text"),
                    stage("account_platform_id", "text"),
                    stage("source_id", "text"),
                    stage("target_id", "text")),
            List.of(
                    key("platform"),
                    key("account_platform_id"),
                    key("source_id"),
                    key("target_id"),
                    column("account_id", "p.id", Mode.DATA)),
            "LEFT JOIN account p ON p.platform = s.platform AND p.platform_id = s.account_platform_id",
            (r, rows) -> {
                FollowEdge e = (FollowEdge) r;
                rows.text(e.platform().id())
                        .text(e.accountPlatformId())
                        .text(e.sourceId())
                        .text(e.targetId());
            }),
    FOLLOWER_COUNT(
            RecordType.FOLLOWER_COUNT,
            "follower_count",
            "platform, account_platform_id, day",
            List.of(
                    stage("platform", "text"),
                    stage("account_platform_id", "text"),
                    stage("day", "date"),
                    stage("followers", "bigint")),
            List.of(
                    key("platform"),
                    key("account_platform_id"),
                    key("day"),
                    column("account_id", "p.id", Mode.DATA),
                    data("followers")),
            "LEFT JOIN account p ON p.platform = s.platform AND p.platform_id = s.account_platform_id",
            (r, rows) -> {
                FollowerCount c = (FollowerCount) r;
                rows.text(c.platform().id())
                        .text(c.accountPlatformId())
                        .date(c.date())
                        .number(c.followers());
            });

    /** How a target column behaves on conflict. */
    enum Mode {
        /** Part of the natural key: inserted, never updated. */
        KEY,
        /** Inserted, updated and compared. */
        DATA,
        /** Like DATA, but a NULL from the file keeps the stored value. */
        KEEP_IF_NULL,
        /** Inserted once, never updated (first_seen). */
        INSERT_ONLY,
        /** Moves forward only and does not by itself make a row "changed" (last_seen). */
        LATEST
    }

    record StageColumn(String name, String type) {}

    record TargetColumn(String name, String select, Mode mode) {}

    private final RecordType type;
    private final String table;
    private final String conflictKey;
    private final List<StageColumn> stageColumns;
    private final List<TargetColumn> targetColumns;
    private final String joins;
    private final BiConsumer<DataRecord, CopyRows> writer;

    StagedUpsert(
            RecordType type,
            String table,
            String conflictKey,
            List<StageColumn> stageColumns,
            List<TargetColumn> targetColumns,
            String joins,
            BiConsumer<DataRecord, CopyRows> writer) {
        this.type = type;
        this.table = table;
        this.conflictKey = conflictKey;
        this.stageColumns = stageColumns;
        this.targetColumns = targetColumns;
        this.joins = joins;
        this.writer = writer;
    }

    static StagedUpsert of(RecordType type) {
        for (StagedUpsert u : values()) {
            if (u.type == type) {
                return u;
            }
        }
        throw new IllegalArgumentException("no table for " + type);
    }

    RecordType type() {
        return type;
    }

    String stageTable() {
        return "stage_" + table;
    }

    String createStageSql() {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stageTable() + " (seq bigint NOT NULL, "
                + stageColumns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
                + ") ON COMMIT DELETE ROWS";
    }

    String copySql() {
        return "COPY " + stageTable() + " (seq, "
                + stageColumns.stream().map(StageColumn::name).collect(Collectors.joining(", "))
                + ") FROM STDIN (FORMAT csv)";
    }

    void write(long seq, DataRecord record, CopyRows rows) {
        rows.number(seq);
        writeRow(record, rows);
    }

    /** The record's staging row without the sequence number. */
    void writeRow(DataRecord record, CopyRows rows) {
        writer.accept(record, rows);
        rows.endRow();
    }

    List<StageColumn> stageColumns() {
        return stageColumns;
    }

    String upsertSql() {
        String columns = targetColumns.stream().map(TargetColumn::name).collect(Collectors.joining(", "));
        String selects = targetColumns.stream().map(TargetColumn::select).collect(Collectors.joining(", "));
        String sets = targetColumns.stream()
                .filter(c -> c.mode() != Mode.KEY && c.mode() != Mode.INSERT_ONLY)
                .map(c -> switch (c.mode()) {
                    case KEEP_IF_NULL -> c.name() + " = coalesce(EXCLUDED." + c.name() + ", t." + c.name() + ")";
                    case LATEST -> c.name() + " = greatest(t." + c.name() + ", EXCLUDED." + c.name() + ")";
                    default -> c.name() + " = EXCLUDED." + c.name();
                })
                .collect(Collectors.joining(", "));
        List<TargetColumn> compared = targetColumns.stream()
                .filter(c -> c.mode() == Mode.DATA || c.mode() == Mode.KEEP_IF_NULL)
                .toList();
        String oldRow = compared.stream().map(c -> "t." + c.name()).collect(Collectors.joining(", "));
        String newRow = compared.stream()
                .map(c -> c.mode() == Mode.KEEP_IF_NULL
                        ? "coalesce(EXCLUDED." + c.name() + ", t." + c.name() + ")"
                        : "EXCLUDED." + c.name())
                .collect(Collectors.joining(", "));
        // ROW(...) keeps a single compared column a row comparison too.
        return "INSERT INTO " + table + " AS t (" + columns + ") SELECT " + selects
                + " FROM (SELECT DISTINCT ON (" + conflictKey + ") * FROM " + stageTable()
                + " ORDER BY " + conflictKey + ", seq DESC) s " + joins
                + " ON CONFLICT (" + conflictKey + ") DO UPDATE SET " + sets
                + " WHERE ROW(" + oldRow + ") IS DISTINCT FROM ROW(" + newRow + ")";
    }

    /**
     * The upsert wrapped so that the accounts whose data it inserted or changed are queued for re-scoring, and whose
     * single result row is the number of rows stored.
     */
    String upsertAndQueueSql() {
        String returning;
        String accounts;
        switch (this) {
            case ACCOUNT -> {
                returning = "id";
                accounts = "SELECT id FROM changed";
            }
            case COMMENT -> {
                returning = "post_id";
                accounts = "SELECT p.account_id FROM changed c JOIN post p ON p.id = c.post_id";
            }
            default -> {
                returning = "account_id";
                accounts = "SELECT account_id FROM changed";
            }
        }
        return "WITH changed AS (" + upsertSql() + " RETURNING " + returning + "), queued AS ("
                + "INSERT INTO score_queue (account_id) SELECT DISTINCT a FROM (" + accounts + ") q (a)"
                + " WHERE a IS NOT NULL ON CONFLICT (account_id) DO NOTHING) SELECT count(*) FROM changed";
    }

    /** Statements run before the upsert in the same transaction (creators referenced by accounts). */
    List<String> preparationSql() {
        if (this == ACCOUNT) {
            return List.of("INSERT INTO creator (creator_key) SELECT DISTINCT creator_key FROM " + stageTable()
                    + " WHERE creator_key IS NOT NULL ON CONFLICT (creator_key) DO NOTHING");
        }
        return List.of();
    }

    private static StageColumn stage(String name, String type) {
        return new StageColumn(name, type);
    }

    private static TargetColumn key(String name) {
        return new TargetColumn(name, "s." + name, Mode.KEY);
    }

    private static TargetColumn data(String name) {
        return new TargetColumn(name, "s." + name, Mode.DATA);
    }

    private static TargetColumn column(String name, String select, Mode mode) {
        return new TargetColumn(name, select, mode);
    }
}
