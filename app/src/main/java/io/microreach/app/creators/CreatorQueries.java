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

    private final JdbcTemplate jdbc;

    private final JsonMapper json;
    private final ScorecardReader scorecards;

    public CreatorQueries(JdbcTemplate jdbc, JsonMapper json, ScorecardReader scorecards) {
        this.jdbc = jdbc;
        this.json = json;
        this.scorecards = scorecards;
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
        Optional<CreatorDetail.Profile> found = profile(accountId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CreatorDetail.Profile profile = found.get();
        List<CreatorDetail.HistoryPoint> history = jdbc.query(
                "SELECT day, followers FROM follower_count WHERE account_id = ? ORDER BY day",
                (rs, i) -> new CreatorDetail.HistoryPoint(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)),
                accountId);
        List<CreatorDetail.PostView> posts =
                posts("account_id = ? ORDER BY published_at DESC, id DESC LIMIT 30", accountId);
        List<CreatorDetail.CommentView> comments =
                comments(profile, "p.account_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT 50", accountId);
        List<CreatorDetail.SampledFollower> followers = followers("account_id = ? ORDER BY id LIMIT 100", accountId);
        long sampleSize =
                jdbc.queryForObject("SELECT count(*) FROM follower_sample WHERE account_id = ?", Long.class, accountId);
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
        return Optional.of(new CreatorDetail(
                profile,
                history,
                posts,
                comments,
                followers,
                sampleSize,
                edges,
                others,
                card == null ? null : trust(card),
                charts));
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
                        + " (c.author_platform_id = ? OR lower(c.author_handle) = lower(?)), c.likes, c.platform_id"
                        + " FROM comment c JOIN post p ON p.id = c.post_id WHERE " + where,
                (rs, i) -> new CreatorDetail.CommentView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        nullableLong(rs, 7)),
                all);
    }

    private List<CreatorDetail.SampledFollower> followers(String where, Object... args) {
        return jdbc.query(
                "SELECT handle, full_name, followers, following, posts_count, has_profile_pic, is_private, bio"
                        + " FROM follower_sample WHERE " + where,
                (rs, i) -> new CreatorDetail.SampledFollower(
                        rs.getString(1),
                        rs.getString(2),
                        nullableLong(rs, 3),
                        nullableLong(rs, 4),
                        nullableLong(rs, 5),
                        (Boolean) rs.getObject(6),
                        (Boolean) rs.getObject(7),
                        rs.getString(8)),
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
        List<CreatorDetail.SampledFollower> followers =
                followers("account_id = ? AND follower_platform_id = ANY(?) ORDER BY id", accountId, array);
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
                id.replace('_', ' '),
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
            components.add(new CreatorDetail.TrustComponentView(
                    id,
                    id.replace('_', ' '),
                    number(c.path("value")),
                    number(c.path("percentile")),
                    c.path("weight").asDouble(),
                    c.path("contribution").asDouble(),
                    c.path("confidence").asString().toLowerCase(Locale.ROOT),
                    c.path("basis").isNull() ? null : c.path("basis").asString(),
                    c.path("unavailableReason").isNull()
                            ? null
                            : c.path("unavailableReason").asString(),
                    evidence.subList(0, Math.min(10, evidence.size())),
                    evidence.size()));
        }
        List<String> unavailable = new ArrayList<>();
        card.path("unavailable")
                .forEach(u -> unavailable.add(
                        u.path("metric").asString() + ": " + u.path("reason").asString()));
        List<CreatorDetail.MissingEvidence> missing = new ArrayList<>();
        card.path("missingEvidence")
                .forEach(m -> missing.add(new CreatorDetail.MissingEvidence(
                        m.path("component").asString().replace('_', ' '),
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
