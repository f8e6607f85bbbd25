package io.microreach.app.creators;

import static io.microreach.app.database.SqlColumns.instant;
import static io.microreach.app.database.SqlColumns.nullableLong;
import static io.microreach.app.database.SqlColumns.strings;

import io.microreach.domain.TierBands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read-only queries behind the creators list and the creator page. */
@Repository
public class CreatorQueries {
    private static final TierBands BANDS = TierBands.DEFAULT;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    public CreatorQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<CreatorDetail> detail(long accountId) {
        List<CreatorDetail.Profile> profiles = jdbc.query(
                "SELECT a.id, a.platform, a.platform_id, a.handle, a.display_name, a.bio, a.country, a.language,"
                        + " a.followers, a.following, a.posts_count, a.verified, a.is_business, a.is_creator,"
                        + " a.external_url, a.contact_email, c.creator_key, a.first_seen, a.last_seen, a.creator_id"
                        + " FROM account a LEFT JOIN creator c ON c.id = a.creator_id WHERE a.id = ?",
                (rs, i) -> new CreatorDetail.Profile(
                        rs.getLong(1),
                        rs.getString(2),
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
                        instant(rs, 18),
                        instant(rs, 19),
                        BANDS.tierOf(rs.getLong(9)).id()),
                accountId);
        if (profiles.isEmpty()) {
            return Optional.empty();
        }
        CreatorDetail.Profile profile = profiles.get(0);
        List<CreatorDetail.HistoryPoint> history = jdbc.query(
                "SELECT day, followers FROM follower_count WHERE account_id = ? ORDER BY day",
                (rs, i) -> new CreatorDetail.HistoryPoint(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)),
                accountId);
        List<CreatorDetail.PostView> posts = jdbc.query(
                "SELECT id, platform_id, published_at, format, caption, hashtags, likes, comments, shares, saves,"
                        + " views, followers_at_post, paid_partnership, url FROM post WHERE account_id = ?"
                        + " ORDER BY published_at DESC, id DESC LIMIT 30",
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
                accountId);
        List<CreatorDetail.CommentView> comments = jdbc.query(
                "SELECT p.platform_id, c.author_handle, c.text, c.created_at, c.parent_platform_id IS NOT NULL,"
                        + " (c.author_platform_id = ? OR lower(c.author_handle) = lower(?)), c.likes"
                        + " FROM comment c JOIN post p ON p.id = c.post_id WHERE p.account_id = ?"
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT 50",
                (rs, i) -> new CreatorDetail.CommentView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        nullableLong(rs, 7)),
                profile.platformId(),
                profile.handle(),
                accountId);
        List<CreatorDetail.SampledFollower> followers = jdbc.query(
                "SELECT handle, full_name, followers, following, posts_count, has_profile_pic, is_private, bio"
                        + " FROM follower_sample WHERE account_id = ? ORDER BY id LIMIT 100",
                (rs, i) -> new CreatorDetail.SampledFollower(
                        rs.getString(1),
                        rs.getString(2),
                        nullableLong(rs, 3),
                        nullableLong(rs, 4),
                        nullableLong(rs, 5),
                        (Boolean) rs.getObject(6),
                        (Boolean) rs.getObject(7),
                        rs.getString(8)),
                accountId);
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
        return Optional.of(new CreatorDetail(
                profile, history, posts, comments, followers, sampleSize, edges, others, trust(accountId)));
    }

    private CreatorDetail.Trust trust(long accountId) {
        List<String> stored = jdbc.queryForList(
                "SELECT scorecard::text FROM account_score WHERE account_id = ?", String.class, accountId);
        if (stored.isEmpty()) {
            return null;
        }
        JsonNode card = json.readTree(stored.get(0));
        List<CreatorDetail.TrustComponentView> components = new ArrayList<>();
        for (JsonNode c : card.path("components")) {
            List<String> evidence = new ArrayList<>();
            c.path("evidenceIds").forEach(e -> evidence.add(e.asString()));
            components.add(new CreatorDetail.TrustComponentView(
                    c.path("component").asString().toLowerCase(Locale.ROOT).replace('_', ' '),
                    number(c.path("value")),
                    number(c.path("percentile")),
                    c.path("weight").asDouble(),
                    c.path("contribution").asDouble(),
                    c.path("confidence").asString().toLowerCase(Locale.ROOT),
                    c.path("basis").isNull() ? null : c.path("basis").asString(),
                    c.path("unavailableReason").isNull()
                            ? null
                            : c.path("unavailableReason").asString(),
                    evidence.subList(0, Math.min(10, evidence.size()))));
        }
        List<String> unavailable = new ArrayList<>();
        card.path("unavailable")
                .forEach(u -> unavailable.add(
                        u.path("metric").asString() + ": " + u.path("reason").asString()));
        return new CreatorDetail.Trust(
                number(card.path("trustScore")),
                card.path("trustConfidence").asString().toLowerCase(Locale.ROOT),
                Instant.parse(card.path("computedAt").asString()),
                components,
                unavailable);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asDouble();
    }

    public List<String> platforms() {
        return jdbc.queryForList("SELECT DISTINCT platform FROM account ORDER BY platform", String.class);
    }
}
