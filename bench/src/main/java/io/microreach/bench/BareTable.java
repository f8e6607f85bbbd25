package io.microreach.bench;

import io.microreach.app.importer.CopyRows;
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

/**
 * Which columns of each real table the baseline fills from a record. Only columns that exist in the real table are
 * used (so the account's {@code creator} key, which microreach resolves into {@code creator_id}, has no column here);
 * surrogate ids, foreign keys and {@code first_seen/last_seen} stay NULL because computing them is exactly the work
 * the baseline leaves out.
 */
enum BareTable {
    ACCOUNT(
            RecordType.ACCOUNT,
            List.of(
                    "platform",
                    "platform_id",
                    "handle",
                    "display_name",
                    "bio",
                    "country",
                    "language",
                    "followers",
                    "following",
                    "posts_count",
                    "verified",
                    "is_business",
                    "is_creator",
                    "external_url",
                    "contact_email",
                    "observed_at"),
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
                        .time(a.observedAt());
            }),
    POST(
            RecordType.POST,
            List.of(
                    "platform",
                    "platform_id",
                    "account_platform_id",
                    "published_at",
                    "format",
                    "caption",
                    "hashtags",
                    "mentions",
                    "likes",
                    "comments",
                    "shares",
                    "saves",
                    "views",
                    "followers_at_post",
                    "paid_partnership",
                    "url"),
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
            List.of(
                    "platform",
                    "platform_id",
                    "post_platform_id",
                    "author_platform_id",
                    "author_handle",
                    "text",
                    "created_at",
                    "parent_platform_id",
                    "likes"),
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
            List.of(
                    "platform",
                    "account_platform_id",
                    "follower_platform_id",
                    "handle",
                    "full_name",
                    "bio",
                    "followers",
                    "following",
                    "posts_count",
                    "has_profile_pic",
                    "is_private",
                    "verified",
                    "external_url",
                    "sampled_at"),
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
            RecordType.FOLLOW_EDGE, List.of("platform", "account_platform_id", "source_id", "target_id"), (r, rows) -> {
                FollowEdge e = (FollowEdge) r;
                rows.text(e.platform().id())
                        .text(e.accountPlatformId())
                        .text(e.sourceId())
                        .text(e.targetId());
            }),
    FOLLOWER_COUNT(
            RecordType.FOLLOWER_COUNT, List.of("platform", "account_platform_id", "day", "followers"), (r, rows) -> {
                FollowerCount c = (FollowerCount) r;
                rows.text(c.platform().id())
                        .text(c.accountPlatformId())
                        .date(c.date())
                        .number(c.followers());
            });

    private final RecordType type;
    private final List<String> columns;
    private final BiConsumer<DataRecord, CopyRows> writer;

    BareTable(RecordType type, List<String> columns, BiConsumer<DataRecord, CopyRows> writer) {
        this.type = type;
        this.columns = columns;
        this.writer = writer;
    }

    static BareTable of(RecordType type) {
        for (BareTable t : values()) {
            if (t.type == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("no bare table for " + type);
    }

    RecordType type() {
        return type;
    }

    /** The real table's name, which is also the bare table's name in its own schema. */
    String table() {
        return type.id();
    }

    List<String> columns() {
        return columns;
    }

    String copySql(String schema) {
        return "COPY " + schema + "." + table() + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    }

    void write(DataRecord record, CopyRows rows) {
        writer.accept(record, rows);
        rows.endRow();
    }
}
