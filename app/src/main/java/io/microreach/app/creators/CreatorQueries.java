package io.microreach.app.creators;

import static io.microreach.app.database.SqlColumns.instant;
import static io.microreach.app.database.SqlColumns.nullableLong;
import static io.microreach.app.database.SqlColumns.strings;

import io.microreach.app.database.AccountRows;
import io.microreach.app.scoring.ScorecardReader;
import io.microreach.domain.Account;
import io.microreach.domain.TierBands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read-only queries behind the creators list and the creator page. */
@Repository
public class CreatorQueries {
    private static final TierBands BANDS = TierBands.DEFAULT;
    static final int PEER_SAMPLE = 400;
    /** Items per page of the creator page's long lists (posts, comments, sampled followers). */
    static final int PAGE = 20;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;
    private final ScorecardReader scorecards;
    private final FollowerFlags flags;

    public CreatorQueries(JdbcTemplate jdbc, JsonMapper json, ScorecardReader scorecards, FollowerFlags flags) {
        this.jdbc = jdbc;
        this.json = json;
        this.scorecards = scorecards;
        this.flags = flags;
    }

    /** Which page of each long list the creator page shows (from 0; a page past the end shows the last one). */
    public record Pages(int posts, int comments, int followers) {
        public static final Pages FIRST = new Pages(0, 0, 0);
    }

    /** The account's profile header, without its posts, comments or followers. */
    public Optional<CreatorDetail.Profile> profile(long accountId) {
        List<CreatorDetail.Profile> profiles = jdbc.query(
                "SELECT a.id, a.first_seen, a.last_seen, " + AccountRows.COLUMNS + AccountRows.FROM + " WHERE a.id = ?",
                (rs, i) -> {
                    Account account = AccountRows.read(rs, 4);
                    return new CreatorDetail.Profile(
                            rs.getLong(1),
                            account,
                            instant(rs, 2),
                            instant(rs, 3),
                            BANDS.tierOf(account.followers()).id());
                },
                accountId);
        return profiles.stream().findFirst();
    }

    public Optional<CreatorDetail> detail(long accountId) {
        return detail(accountId, Pages.FIRST);
    }

    private static int page(int requested, long total) {
        int last = (int) Math.max(0, (total - 1) / PAGE);
        return Math.max(0, Math.min(requested, last));
    }

    public Optional<CreatorDetail> detail(long accountId, Pages pages) {
        Optional<CreatorDetail.Profile> found = profile(accountId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CreatorDetail.Profile profile = found.get();
        List<CreatorDetail.HistoryPoint> history = jdbc.query(
                "SELECT day, followers FROM follower_count WHERE account_id = ? ORDER BY day",
                (rs, i) -> new CreatorDetail.HistoryPoint(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)),
                accountId);
        long postCount = jdbc.queryForObject("SELECT count(*) FROM post WHERE account_id = ?", Long.class, accountId);
        long commentCount = jdbc.queryForObject(
                "SELECT count(*) FROM comment c JOIN post p ON p.id = c.post_id WHERE p.account_id = ?",
                Long.class,
                accountId);
        long sampleSize =
                jdbc.queryForObject("SELECT count(*) FROM follower_sample WHERE account_id = ?", Long.class, accountId);
        int postPage = page(pages.posts(), postCount);
        int commentPage = page(pages.comments(), commentCount);
        int followerPage = page(pages.followers(), sampleSize);
        List<CreatorDetail.PostView> posts = posts(
                "account_id = ? ORDER BY published_at DESC, id DESC LIMIT " + PAGE + " OFFSET " + postPage * PAGE,
                accountId);
        List<CreatorDetail.CommentView> comments = comments(
                profile,
                "p.account_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT " + PAGE + " OFFSET "
                        + commentPage * PAGE,
                accountId);
        List<CreatorDetail.SampledFollower> followers = followers(
                profile.account().platform(),
                "account_id = ? ORDER BY id LIMIT " + PAGE + " OFFSET " + followerPage * PAGE,
                accountId);
        long edges =
                jdbc.queryForObject("SELECT count(*) FROM follow_edge WHERE account_id = ?", Long.class, accountId);
        List<CreatorDetail.OtherAccount> others = jdbc.query(
                "SELECT o.id, o.platform, o.handle, o.followers FROM account a JOIN account o"
                        + " ON o.creator_id = a.creator_id AND o.id <> a.id WHERE a.id = ? ORDER BY o.platform",
                (rs, i) ->
                        new CreatorDetail.OtherAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                accountId);
        JsonNode card = scorecard(accountId).orElse(null);
        CreatorCharts charts = ScorecardCharts.build(
                card, profile.platform(), profile.followers(), history, peerPool(profile.platform(), accountId));
        CreatorDetail.Trust trust = card == null ? null : trust(card);
        return Optional.of(new CreatorDetail(
                profile,
                history,
                new CreatorDetail.Page<>(posts, postPage, PAGE, postCount),
                new CreatorDetail.Page<>(comments, commentPage, PAGE, commentCount),
                new CreatorDetail.Page<>(followers, followerPage, PAGE, sampleSize),
                sampleSize,
                edges,
                others,
                trust,
                card == null ? null : verdict(card, trust),
                charts));
    }

    /** The verdict line from the scorecard's headline metrics and the components without data. */
    static CreatorDetail.Verdict verdict(JsonNode card, CreatorDetail.Trust trust) {
        JsonNode sus = card.path("suspiciousShare");
        JsonNode anomalies = card.path("anomalies");
        JsonNode ratio = anomalies.path("likeCommentOutlier");
        Double inviting = null;
        for (JsonNode c : card.path("components")) {
            if (c.path("component").asString().equalsIgnoreCase("inviting_content")) {
                inviting = number(c.path("value"));
            }
        }
        List<String> notChecked = trust.components().stream()
                .filter(c -> c.unavailableReason() != null)
                .map(CreatorDetail.TrustComponentView::component)
                .toList();
        CreatorVerdict.Verdict v = CreatorVerdict.of(new CreatorVerdict.Inputs(
                trust.score(),
                sus.isObject() ? number(sus.path("estimate")) : null,
                sus.isObject() ? sus.path("sampleSize").asInt() : null,
                number(card.path("engagementRatePercentile")),
                number(card.path("replyRate")),
                number(card.path("replyDelayHours")),
                number(card.path("sponsoredShare")),
                number(card.path("cohesion")),
                inviting,
                anomalies.path("followerSpikes").size(),
                anomalies.path("commentPod").isObject(),
                ratio.isObject() && !ratio.path("direction").isNull()
                        ? ratio.path("direction").asString()
                        : null,
                notChecked));
        return new CreatorDetail.Verdict(v.headline(), v.tone(), v.redFlags(), v.good(), v.notChecked());
    }

    private List<CreatorDetail.PostView> posts(String where, Object... args) {
        return jdbc.query(
                "SELECT id, platform_id, published_at, format, caption, hashtags, likes, comments, shares, saves,"
                        + " views, followers_at_post, paid_partnership, url FROM post WHERE " + where,
                (rs, i) -> new CreatorDetail.PostView(
                        rs.getLong(1),
                        rs.getString(2),
                        instant(rs, 3),
                        rs.getString(4),
                        rs.getString(5),
                        strings(rs, 6),
                        nullableLong(rs, 7),
                        nullableLong(rs, 8),
                        nullableLong(rs, 9),
                        nullableLong(rs, 10),
                        nullableLong(rs, 11),
                        nullableLong(rs, 12),
                        (Boolean) rs.getObject(13),
                        rs.getString(14)),
                args);
    }

    private List<CreatorDetail.CommentView> comments(CreatorDetail.Profile profile, String where, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = profile.platformId();
        all[1] = profile.handle();
        System.arraycopy(args, 0, all, 2, args.length);
        return jdbc.query(
                "SELECT p.platform_id, c.author_handle, c.text, c.created_at, c.parent_platform_id IS NOT NULL,"
                        + " (c.author_platform_id = ? OR lower(c.author_handle) = lower(?)), c.likes, c.platform_id,"
                        + " p.published_at, left(p.caption, 60), p.url"
                        + " FROM comment c JOIN post p ON p.id = c.post_id WHERE " + where,
                (rs, i) -> new CreatorDetail.CommentView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        nullableLong(rs, 7),
                        instant(rs, 9),
                        rs.getString(10),
                        rs.getString(11)),
                all);
    }

    private List<CreatorDetail.SampledFollower> followers(
            io.microreach.domain.Platform platform, String where, Object... args) {
        return jdbc.query(
                "SELECT handle, full_name, followers, following, posts_count, has_profile_pic, is_private, bio,"
                        + " follower_platform_id, external_url IS NOT NULL FROM follower_sample WHERE " + where,
                (rs, i) -> {
                    Long followers = nullableLong(rs, 3);
                    Long following = nullableLong(rs, 4);
                    Long posts = nullableLong(rs, 5);
                    Boolean picture = (Boolean) rs.getObject(6);
                    Boolean locked = (Boolean) rs.getObject(7);
                    return new CreatorDetail.SampledFollower(
                            rs.getString(1),
                            rs.getString(2),
                            followers,
                            following,
                            posts,
                            picture,
                            locked,
                            rs.getString(8),
                            flags.assess(io.microreach.signals.SampledFollower.of(
                                    platform,
                                    Objects.requireNonNullElse(rs.getString(9), ""),
                                    Objects.requireNonNullElse(rs.getString(1), ""),
                                    rs.getString(2),
                                    rs.getString(8),
                                    followers,
                                    following,
                                    posts,
                                    picture,
                                    locked,
                                    rs.getBoolean(10))));
                },
                args);
    }

    /**
     * The evidence behind one trust component of a scored account: the posts, comments and sampled followers whose
     * ids the scorecard lists, and the ids that are none of these (the days of follower spikes).
     */
    public Optional<CreatorEvidence> evidence(long accountId, String componentId) {
        Optional<CreatorDetail.Profile> profile = profile(accountId);
        Optional<JsonNode> card = scorecard(accountId);
        if (profile.isEmpty() || card.isEmpty()) {
            return Optional.empty();
        }
        JsonNode component = null;
        for (JsonNode c : card.get().path("components")) {
            if (c.path("component").asString().equalsIgnoreCase(componentId)) {
                component = c;
            }
        }
        if (component == null) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        component.path("evidenceIds").forEach(e -> ids.add(e.asString()));
        String[] array = ids.toArray(String[]::new);
        List<CreatorDetail.PostView> posts =
                posts("account_id = ? AND platform_id = ANY(?) ORDER BY published_at DESC, id DESC", accountId, array);
        List<CreatorDetail.CommentView> comments = comments(
                profile.get(),
                "p.account_id = ? AND c.platform_id = ANY(?) ORDER BY c.created_at DESC, c.id DESC",
                accountId,
                array);
        List<CreatorDetail.SampledFollower> followers = followers(
                profile.get().account().platform(),
                "account_id = ? AND follower_platform_id = ANY(?) ORDER BY id",
                accountId,
                array);
        java.util.Set<String> found = new java.util.HashSet<>();
        posts.forEach(p -> found.add(p.platformId()));
        found.addAll(jdbc.queryForList(
                "SELECT c.platform_id FROM comment c JOIN post p ON p.id = c.post_id"
                        + " WHERE p.account_id = ? AND c.platform_id = ANY(?)",
                String.class,
                accountId,
                array));
        found.addAll(jdbc.queryForList(
                "SELECT follower_platform_id FROM follower_sample WHERE account_id = ? AND follower_platform_id = ANY(?)",
                String.class,
                accountId,
                array));
        List<String> other = ids.stream().filter(id -> !found.contains(id)).toList();
        String id = component.path("component").asString().toLowerCase(Locale.ROOT);
        return Optional.of(new CreatorEvidence(
                profile.get(),
                id,
                ScorecardText.component(id),
                component.path("basis").isNull()
                        ? null
                        : component.path("basis").asString(),
                ids.size(),
                posts,
                comments,
                followers,
                other));
    }

    /** The account's scorecard as a JSON tree, if it has been scored. */
    public Optional<JsonNode> scorecard(long accountId) {
        return scorecards.json(accountId).map(json::readTree);
    }

    /**
     * Up to {@value #PEER_SAMPLE} other scored accounts of the platform with a positive median ER, for the peer
     * chart. The sample is deterministic (ordered by a hash of the id) so the chart does not change on reload.
     */
    private List<CreatorCharts.Point> peerPool(String platform, long accountId) {
        return jdbc.query(
                "SELECT a.followers, s.engagement_rate FROM account_score s JOIN account a ON a.id = s.account_id"
                        + " WHERE a.platform = ? AND a.id <> ? AND s.engagement_rate > 0 AND a.followers > 0"
                        + " ORDER BY md5(a.id::text) LIMIT " + PEER_SAMPLE,
                (rs, i) -> new CreatorCharts.Point(rs.getLong(1), rs.getDouble(2)),
                platform,
                accountId);
    }

    private CreatorDetail.Trust trust(JsonNode card) {
        List<CreatorDetail.TrustComponentView> components = new ArrayList<>();
        for (JsonNode c : card.path("components")) {
            List<String> evidence = new ArrayList<>();
            c.path("evidenceIds").forEach(e -> evidence.add(e.asString()));
            String id = c.path("component").asString().toLowerCase(Locale.ROOT);
            Double value = number(c.path("value"));
            Double percentile = number(c.path("percentile"));
            boolean missing = !c.path("unavailableReason").isNull()
                    && !c.path("unavailableReason").isMissingNode();
            components.add(new CreatorDetail.TrustComponentView(
                    id,
                    ScorecardText.component(id),
                    value,
                    percentile,
                    c.path("weight").asDouble(),
                    c.path("contribution").asDouble(),
                    c.path("confidence").asString().toLowerCase(Locale.ROOT),
                    c.path("basis").isNull() ? null : c.path("basis").asString(),
                    c.path("unavailableReason").isNull()
                            ? null
                            : c.path("unavailableReason").asString(),
                    evidence.subList(0, Math.min(10, evidence.size())),
                    evidence.size(),
                    missing ? "not checked" : ScorecardText.value(id, value, number(card.path("replyDelayHours"))),
                    ScorecardText.percentile(percentile),
                    c.has("coverage") ? c.path("coverage").asDouble() : 1.0));
        }
        List<String> unavailable = new ArrayList<>();
        card.path("unavailable")
                .forEach(u ->
                        unavailable.add(ScorecardText.metric(u.path("metric").asString()) + ": "
                                + u.path("reason").asString()));
        List<CreatorDetail.MissingEvidence> missing = new ArrayList<>();
        card.path("missingEvidence")
                .forEach(m -> missing.add(new CreatorDetail.MissingEvidence(
                        ScorecardText.component(m.path("component").asString()),
                        m.path("weight").asDouble(),
                        m.path("reason").asString(),
                        m.path("howToGet").asString())));
        JsonNode window = card.path("engagementWindow");
        return new CreatorDetail.Trust(
                number(card.path("trustScore")),
                number(card.path("trustLow")),
                number(card.path("trustHigh")),
                card.path("trustCoveredWeight").asDouble(),
                card.path("trustConfidence").asString().toLowerCase(Locale.ROOT),
                Instant.parse(card.path("computedAt").asString()),
                window.isNull() || window.isMissingNode() ? null : window.asString(),
                components,
                missing,
                unavailable);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asDouble();
    }

    public List<String> platforms() {
        return jdbc.queryForList("SELECT DISTINCT platform FROM account ORDER BY platform", String.class);
    }

    /** An account's platform and handle. */
    record Handle(String platform, String handle) {}

    Optional<Handle> handle(long accountId) {
        return jdbc
                .query(
                        "SELECT platform, handle FROM account WHERE id = ?",
                        (rs, i) -> new Handle(rs.getString(1), rs.getString(2)),
                        accountId)
                .stream()
                .findFirst();
    }

    /** Whether the account has any audience ids (sampled followers or commenters) to compare audiences on. */
    boolean hasAudienceIds(long accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM follower_sample WHERE account_id = ?)"
                        + " OR EXISTS (SELECT 1 FROM comment c JOIN post p ON p.id = c.post_id WHERE p.account_id = ?)",
                Boolean.class,
                accountId,
                accountId));
    }

    /** Account ids by {@code "platform:lowercase handle"}, the names audience lookalikes carry. */
    Map<String, Long> idsByAudienceName(List<String> names) {
        Map<String, Long> ids = new HashMap<>();
        if (!names.isEmpty()) {
            jdbc.query(
                    "SELECT platform || ':' || lower(handle), id FROM account WHERE platform || ':' || lower(handle)"
                            + " = ANY(?)",
                    rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    },
                    (Object) names.toArray(String[]::new));
        }
        return ids;
    }
}
