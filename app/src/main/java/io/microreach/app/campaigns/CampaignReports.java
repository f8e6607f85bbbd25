package io.microreach.app.campaigns;

import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.tracking.CampaignTracking;
import io.microreach.app.tracking.CreatorEvidence;
import io.microreach.app.tracking.CreatorTracking;
import io.microreach.app.tracking.DayCount;
import io.microreach.app.tracking.TrackingStats;
import io.microreach.campaigns.AuthoredPost;
import io.microreach.campaigns.CampaignKpis;
import io.microreach.campaigns.CodeLeak;
import io.microreach.campaigns.CouponLeakDetector;
import io.microreach.campaigns.DeliverableStatus;
import io.microreach.campaigns.DisclosureCheck;
import io.microreach.campaigns.PostCheck;
import io.microreach.campaigns.PostRequirements;
import io.microreach.campaigns.UgcFinder;
import io.microreach.campaigns.UgcPost;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.domain.Tier;
import io.microreach.domain.TierBands;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.forecast.ReachRates;
import io.microreach.pricing.Deliverable;
import io.microreach.pricing.ExchangeRates;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a campaign's report from what is stored: the agreed fees (spend), the linked posts' numbers
 * (engagements; impressions = the post's views where the platform reports them, else followers × the reach rate of
 * the format, marked estimated), the tracking links' clicks and the attributed orders, the core's judgements (leak
 * check per promo code, disclosure and requirement check per published post, UGC finder) and the plan the campaign
 * came from (forecast bands, the "best single creator" alternative).
 *
 * <p>Forecast against actual: a creator's actual engagements are compared with its forecast's P10–P90 only once every
 * one of its deliverables is published, since a half-published creator would always fall short; the campaign's only
 * once every creator with a forecast is complete.
 */
@Service
public class CampaignReports {
    /** At most this many UGC posts are listed (the count and sums cover all of them). */
    static final int UGC_LISTED = 200;

    private static final int MAX_UGC_CANDIDATES = 20_000;

    private final JdbcTemplate jdbc;
    private final CampaignService campaigns;
    private final TrackingStats tracking;
    private final CurrentWorkspace workspace;
    private final JsonMapper json;
    private final CouponLeakDetector leaks = new CouponLeakDetector();
    private final DisclosureCheck disclosure = new DisclosureCheck();
    private final ExchangeRates rates;
    private final UgcFinder ugcFinder = new UgcFinder();

    public CampaignReports(
            JdbcTemplate jdbc,
            CampaignService campaigns,
            TrackingStats tracking,
            CurrentWorkspace workspace,
            JsonMapper json,
            ExchangeRates rates) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.campaigns = campaigns;
        this.tracking = tracking;
        this.workspace = workspace;
        this.json = json;
    }

    /** A linked post with what the report needs about it. */
    private record LinkedPost(long id, Post post, long authorFollowers) {}

    public CampaignReport report(long campaignId) {
        Campaign c = campaigns.get(campaignId);
        CampaignTracking t = tracking.forCampaign(campaignId, c.currency());
        Map<Long, CreatorTracking> byCreator = new HashMap<>();
        t.creators().forEach(ct -> byCreator.put(ct.creatorId(), ct));
        Map<Long, CreatorEvidence> evidence = new HashMap<>();
        tracking.evidence(campaignId).forEach(e -> evidence.put(e.creatorId(), e));
        Map<Long, LinkedPost> posts = linkedPosts(c);
        List<String> notes = new ArrayList<>();
        Duration window = Duration.ofDays(c.attributionWindowDays());

        List<CampaignReport.CreatorResult> creators = new ArrayList<>();
        List<CampaignReport.Leak> leakList = new ArrayList<>();
        List<CampaignReport.DisclosureIssue> issues = new ArrayList<>();
        CampaignKpis total = CampaignKpis.ZERO;
        DeliverableForecast totalForecast = null;
        boolean allForecastComplete = true;
        long forecastEngagements = 0;
        long screened = 0;
        long partnerEngagements = 0;
        int pendingPosts = 0;
        for (CampaignCreator cc : c.creators()) {
            CreatorTracking ct = byCreator.get(cc.id());
            long impressions = 0;
            boolean estimated = false;
            long engagements = 0;
            int published = 0;
            int late = 0;
            for (CampaignDeliverable d : cc.deliverables()) {
                if (d.late()) {
                    late++;
                }
                if (d.status() == DeliverableStatus.PUBLISHED || d.status() == DeliverableStatus.PAID) {
                    published++;
                }
                if (d.postRef() != null && d.postId() == null) {
                    pendingPosts++;
                }
                LinkedPost lp = d.postId() == null ? null : posts.get(d.postId());
                if (lp == null) {
                    continue;
                }
                long e = UgcFinder.engagements(lp.post());
                engagements += e;
                if (lp.post().views() != null) {
                    impressions += lp.post().views();
                } else {
                    long followers = lp.post().followersAtPost() != null
                            ? lp.post().followersAtPost()
                            : cc.followers() != null ? cc.followers() : lp.authorFollowers();
                    Deliverable format = Deliverable.fromId(d.format()).orElse(Deliverable.POST);
                    impressions += Math.round(
                            followers * ReachRates.feedReachRate(followers) * ReachRates.formatFactor(format));
                    estimated = true;
                }
                PostCheck check = disclosure.check(lp.post(), cc.handle(), requirements(d, cc));
                if (!check.complete()) {
                    issues.add(new CampaignReport.DisclosureIssue(
                            cc.id(),
                            cc.platform(),
                            cc.handle(),
                            d.id(),
                            lp.post().platformId(),
                            lp.post().url(),
                            check.disclosed(),
                            check.missing()));
                }
            }
            partnerEngagements += engagements;
            CampaignKpis k = CampaignKpis.of(
                    cc.totalFee(),
                    impressions,
                    estimated,
                    engagements,
                    ct == null ? 0 : ct.clicks(),
                    ct == null ? 0 : ct.uniqueClicks(),
                    ct == null ? 0 : ct.conversions(),
                    ct == null ? BigDecimal.ZERO : ct.revenue());
            total = total.plus(k);
            boolean complete = !cc.deliverables().isEmpty()
                    && published == cc.deliverables().size();
            Boolean inside = null;
            if (cc.forecast() != null) {
                totalForecast = totalForecast == null ? cc.forecast() : totalForecast.plus(cc.forecast());
                forecastEngagements += engagements;
                if (complete) {
                    inside = cc.forecast().engagements().contains(engagements);
                } else {
                    allForecastComplete = false;
                }
            }
            long creatorScreened = ct == null ? 0 : ct.bots() + ct.previews() + ct.prefetches() + ct.heads();
            screened += creatorScreened;
            CampaignReport.LeakCheck codeCheck = null;
            CreatorEvidence ev = evidence.get(cc.id());
            if (cc.promoCode() != null) {
                CodeLeak leak = leaks.assess(
                        cc.promoCode(),
                        cc.followers(),
                        ev == null ? List.of() : ev.clicks(),
                        ev == null ? List.of() : ev.orders(),
                        window);
                codeCheck = leakCheck(leak);
                if (leak.leak()) {
                    leakList.add(new CampaignReport.Leak(cc.id(), cc.platform(), cc.handle(), codeCheck));
                }
            }
            creators.add(new CampaignReport.CreatorResult(
                    cc.id(),
                    cc.platform(),
                    cc.handle(),
                    cc.followers(),
                    cc.followers() == null
                            ? null
                            : TierBands.DEFAULT.tierOf(cc.followers()).name().toLowerCase(Locale.ROOT),
                    k.spend(),
                    k.impressions(),
                    k.impressionsEstimated(),
                    k.engagements(),
                    k.clicks(),
                    k.uniqueClicks(),
                    k.conversions(),
                    k.revenue(),
                    k.cpe(),
                    k.cpm(),
                    k.cpc(),
                    k.cpa(),
                    k.roas(),
                    k.roi(),
                    cc.forecast(),
                    inside,
                    cc.deliverables().size(),
                    published,
                    late,
                    creatorScreened,
                    codeCheck));
        }
        Boolean inside = totalForecast == null || !allForecastComplete
                ? null
                : totalForecast.engagements().contains(forecastEngagements);
        if (totalForecast != null && !allForecastComplete) {
            notes.add("The forecast is compared with the actual once every forecast deliverable is published.");
        }
        if (pendingPosts > 0) {
            notes.add(pendingPosts + " linked post" + (pendingPosts == 1 ? " is" : "s are")
                    + " not imported yet: their numbers count once imported (import or sync them).");
        }
        Map<String, Integer> otherCurrencies = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT o.currency, count(*) FROM campaign_order o JOIN campaign_creator cc"
                        + " ON cc.id = o.campaign_creator_id WHERE cc.workspace_id = ? AND cc.campaign_id = ?"
                        + " AND o.currency <> ? GROUP BY o.currency",
                rs -> {
                    otherCurrencies.put(rs.getString(1).strip(), rs.getInt(2));
                },
                workspace.id(),
                c.id(),
                c.currency());
        int converted = 0;
        List<String> unconvertible = new ArrayList<>();
        for (Map.Entry<String, Integer> e : otherCurrencies.entrySet()) {
            if (rates.knows(e.getKey()) && rates.knows(c.currency())) {
                converted += e.getValue();
            } else {
                unconvertible.add(e.getValue() + " in " + e.getKey());
            }
        }
        if (converted > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%d attributed order%s in other currencies %s converted to %s at the exchange rates of %s (%s).",
                    converted,
                    converted == 1 ? "" : "s",
                    converted == 1 ? "is" : "are",
                    c.currency(),
                    rates.date(),
                    rates.source()));
        }
        if (!unconvertible.isEmpty()) {
            notes.add("Attributed orders without an exchange rate to " + c.currency() + " count as conversions but"
                    + " add no revenue: " + String.join(", ", unconvertible)
                    + " (set microreach.currency.rates.<CODE>).");
        }
        if (total.impressionsEstimated()) {
            notes.add("Impressions are estimated (followers × reach rate) for posts that report no views.");
        }

        UgcScan scan = ugc(c);
        List<UgcPost> ugcPosts = scan.posts();
        Map<String, String> rights = rights(c.id());
        long ugcEngagements = 0;
        long ugcReach = 0;
        List<CampaignReport.Ugc> ugcList = new ArrayList<>();
        for (UgcPost u : ugcPosts) {
            ugcEngagements += u.engagements();
            long reach = reach(u, scan.followers());
            ugcReach += reach;
            if (ugcList.size() < UGC_LISTED) {
                String key = u.post().platform().id() + ":" + u.post().platformId();
                ugcList.add(new CampaignReport.Ugc(
                        scan.ids().getOrDefault(key, 0L),
                        u.post().platform().id(),
                        u.post().platformId(),
                        u.post().url(),
                        u.authorHandle(),
                        u.post().publishedAt(),
                        u.engagements(),
                        reach,
                        u.matched(),
                        rights.get(key)));
            }
        }
        return new CampaignReport(
                c.id(),
                c.name(),
                c.status(),
                c.currency(),
                c.startsOn(),
                c.endsOn(),
                total.spend(),
                total.impressions(),
                total.impressionsEstimated(),
                total.engagements(),
                total.clicks(),
                total.uniqueClicks(),
                total.conversions(),
                total.revenue(),
                total.cpe(),
                total.cpm(),
                total.cpc(),
                total.cpa(),
                total.roas(),
                total.roi(),
                totalForecast,
                inside,
                screened,
                creators,
                leakList,
                issues,
                ugcList,
                ugcPosts.size(),
                ugcReach,
                ugcEngagements,
                UgcFinder.amplification(ugcEngagements, partnerEngagements),
                days(t),
                smallVsBig(c, creators),
                notes);
    }

    /** What a deliverable's linked post showed: whether it was disclosed, and its engagements. */
    record PostOutcome(boolean disclosed, long engagements) {}

    /** The outcome of every deliverable of the campaign with a linked, imported post, by deliverable id. */
    Map<Long, PostOutcome> postOutcomes(Campaign c) {
        Map<Long, LinkedPost> posts = linkedPosts(c);
        Map<Long, PostOutcome> out = new HashMap<>();
        for (CampaignCreator cc : c.creators()) {
            for (CampaignDeliverable d : cc.deliverables()) {
                LinkedPost lp = d.postId() == null ? null : posts.get(d.postId());
                if (lp != null) {
                    PostCheck check = disclosure.check(lp.post(), cc.handle(), requirements(d, cc));
                    out.put(d.id(), new PostOutcome(check.disclosed(), UgcFinder.engagements(lp.post())));
                }
            }
        }
        return out;
    }

    private static PostRequirements requirements(CampaignDeliverable d, CampaignCreator cc) {
        boolean link = d.requireLink() && (cc.trackingUrl() != null || cc.promoCode() != null);
        return new PostRequirements(d.requiredHashtags(), d.requiredMentions(), link, cc.trackingUrl(), cc.promoCode());
    }

    private static CampaignReport.LeakCheck leakCheck(CodeLeak l) {
        return new CampaignReport.LeakCheck(
                l.promoCode(),
                l.assessable(),
                l.leak(),
                l.confidence(),
                l.codeOrders(),
                l.codeOnlyOrders(),
                l.codeOnlyShare(),
                l.burstOrders24h(),
                l.burstStart(),
                l.clicksInBurst(),
                l.burstRatio(),
                l.expectedFromReach(),
                l.beyondReach(),
                l.reasons());
    }

    private static List<CampaignReport.Day> days(CampaignTracking t) {
        TreeMap<LocalDate, long[]> counts = new TreeMap<>();
        TreeMap<LocalDate, BigDecimal> revenue = new TreeMap<>();
        for (CreatorTracking ct : t.creators()) {
            for (DayCount d : ct.perDay()) {
                long[] c = counts.computeIfAbsent(d.day(), k -> new long[2]);
                c[0] += d.clicks();
                c[1] += d.orders();
                revenue.merge(d.day(), d.revenue(), BigDecimal::add);
            }
        }
        List<CampaignReport.Day> out = new ArrayList<>();
        counts.forEach((day, c) -> out.add(new CampaignReport.Day(day, c[0], c[1], revenue.get(day))));
        return out;
    }

    /** Views where the platform reports them, else the author's followers × the feed reach rate. */
    private static long reach(UgcPost u, Map<String, Long> ugcFollowers) {
        if (u.post().views() != null) {
            return u.post().views();
        }
        Long followers =
                ugcFollowers.get(u.post().platform().id() + ":" + u.post().platformId());
        long f = followers == null ? 0 : followers;
        return Math.round(f * ReachRates.feedReachRate(f));
    }

    private CampaignReport.SmallVsBig smallVsBig(Campaign c, List<CampaignReport.CreatorResult> creators) {
        List<CampaignReport.CreatorResult> small = new ArrayList<>();
        List<CampaignReport.CreatorResult> larger = new ArrayList<>();
        for (CampaignReport.CreatorResult r : creators) {
            boolean isSmall = r.followers() == null
                    || TierBands.DEFAULT.tierOf(r.followers()).compareTo(Tier.MICRO) <= 0;
            (isSmall ? small : larger).add(r);
        }
        CampaignReport.Group s = group("micro and nano (under 50,000 followers)", small);
        CampaignReport.Group l = group("larger (50,000 followers and more)", larger);
        CampaignReport.Alternative alt = alternative(c);
        String answer;
        if (s.creators() == 0 && l.creators() == 0) {
            answer = "No creators yet.";
        } else if (s.engagements() == 0 && l.engagements() == 0) {
            answer = "No published post has numbers yet: link the posts and import them to compare.";
        } else if (l.creators() > 0 && s.cpe() != null && l.cpe() != null) {
            answer = String.format(
                    Locale.ROOT,
                    "An engagement cost %.2f %s from the micro creators and %.2f %s from the larger ones (%.1f×).",
                    s.cpe(),
                    c.currency(),
                    l.cpe(),
                    c.currency(),
                    l.cpe() / s.cpe());
        } else if (alt != null && alt.cpe() != null && s.cpe() != null) {
            answer = String.format(
                    Locale.ROOT,
                    "An engagement cost %.2f %s from the micro creators; the plan's \"%s\" was forecast at %.2f %s.",
                    s.cpe(),
                    c.currency(),
                    alt.name(),
                    alt.cpe(),
                    c.currency());
        } else {
            answer = s.cpe() != null
                    ? String.format(Locale.ROOT, "An engagement cost %.2f %s.", s.cpe(), c.currency())
                    : "Not enough results to compare yet.";
        }
        return new CampaignReport.SmallVsBig(s, l, alt, answer);
    }

    private static CampaignReport.Group group(String label, List<CampaignReport.CreatorResult> rs) {
        BigDecimal spend = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        long engagements = 0;
        long conversions = 0;
        for (CampaignReport.CreatorResult r : rs) {
            spend = spend.add(r.spend());
            revenue = revenue.add(r.revenue());
            engagements += r.engagements();
            conversions += r.conversions();
        }
        CampaignKpis k = CampaignKpis.of(spend, 0, false, engagements, 0, 0, conversions, revenue);
        return new CampaignReport.Group(
                label, rs.size(), spend, engagements, conversions, revenue, k.cpe(), k.cpa(), k.roas());
    }

    /** The plan's "best single creator" alternative, as forecast; null when the campaign did not come from a plan. */
    private CampaignReport.Alternative alternative(Campaign c) {
        String plan = jdbc.queryForObject(
                "SELECT plan::text FROM campaign WHERE workspace_id = ? AND id = ?",
                String.class,
                workspace.id(),
                c.id());
        if (plan == null) {
            return null;
        }
        JsonNode alternatives = json.readTree(plan).path("alternatives");
        for (JsonNode a : alternatives) {
            if (!a.path("creators").isArray() || a.path("creators").isEmpty()) {
                continue;
            }
            double engagements = 0;
            double conversions = 0;
            List<String> handles = new ArrayList<>();
            for (JsonNode cr : a.path("creators")) {
                handles.add(cr.path("handle").asString());
                engagements +=
                        cr.path("forecast").path("engagements").path("p50").asDouble();
                conversions +=
                        cr.path("forecast").path("conversions").path("p50").asDouble();
            }
            double cost = a.path("totalCost").asDouble();
            return new CampaignReport.Alternative(
                    a.path("name").asString(),
                    handles,
                    cost,
                    engagements,
                    conversions,
                    engagements > 0 ? cost / engagements : null);
        }
        return null;
    }

    private Map<Long, LinkedPost> linkedPosts(Campaign c) {
        List<Long> ids = c.creators().stream()
                .flatMap(cc -> cc.deliverables().stream())
                .map(CampaignDeliverable::postId)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<Long, LinkedPost> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query(
                POST_COLUMNS + " WHERE p.id = ANY (?)",
                rs -> {
                    Post post = post(rs);
                    out.put(rs.getLong(1), new LinkedPost(rs.getLong(1), post, rs.getLong(18)));
                },
                (Object) ids.toArray(new Long[0]));
        return out;
    }

    private static final String POST_COLUMNS = "SELECT p.id, p.platform, p.platform_id, p.account_platform_id,"
            + " p.published_at, p.format, p.caption, p.hashtags, p.mentions, p.likes, p.comments, p.shares, p.saves,"
            + " p.views, p.followers_at_post, p.paid_partnership, p.url, coalesce(a.followers, 0), a.handle"
            + " FROM post p LEFT JOIN account a ON a.id = p.account_id";

    private static Post post(ResultSet rs) throws SQLException {
        Platform platform = Platform.fromId(rs.getString(2)).orElseThrow();
        return new Post(
                platform,
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                PostFormat.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                rs.getString(7),
                strings(rs.getArray(8)),
                strings(rs.getArray(9)),
                nullableLong(rs, 10),
                nullableLong(rs, 11),
                nullableLong(rs, 12),
                nullableLong(rs, 13),
                nullableLong(rs, 14),
                nullableLong(rs, 15),
                nullableBoolean(rs, 16),
                rs.getString(17));
    }

    /**
     * Posts by others in the campaign window that use the hashtag or mention a brand account. SQL narrows the posts
     * down by the window and a case-insensitive text match; the core's {@link UgcFinder} then decides exactly.
     */
    private UgcScan ugc(Campaign c) {
        Map<String, Long> ugcIds = new HashMap<>();
        Map<String, Long> ugcFollowers = new HashMap<>();
        if (c.hashtag() == null && c.brandHandles().isEmpty()) {
            return new UgcScan(List.of(), ugcIds, ugcFollowers);
        }
        Instant start =
                c.startsOn() != null ? c.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant() : c.createdAt();
        Instant end = c.endsOn() != null
                ? c.endsOn()
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusMillis(1)
                : Instant.now();
        if (end.isBefore(start)) {
            return new UgcScan(List.of(), ugcIds, ugcFollowers);
        }
        List<String> patterns = new ArrayList<>();
        if (c.hashtag() != null) {
            patterns.add("%#" + like(c.hashtag()) + "%");
        }
        c.brandHandles().forEach(b -> patterns.add("%@" + like(b) + "%"));
        List<String> tags = new ArrayList<>();
        if (c.hashtag() != null) {
            tags.add(c.hashtag().toLowerCase(Locale.ROOT));
        }
        List<String> brands =
                c.brandHandles().stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
        List<AuthoredPost> candidates = new ArrayList<>();
        jdbc.query(
                POST_COLUMNS + " WHERE p.published_at BETWEEN ? AND ? AND ("
                        + " EXISTS (SELECT 1 FROM unnest(p.hashtags) h WHERE lower(h) = ANY (?))"
                        + " OR EXISTS (SELECT 1 FROM unnest(p.mentions) m WHERE lower(m) = ANY (?))"
                        + " OR p.caption ILIKE ANY (?)) ORDER BY p.published_at, p.id LIMIT " + MAX_UGC_CANDIDATES,
                rs -> {
                    Post post = post(rs);
                    String key = post.platform().id() + ":" + post.platformId();
                    ugcIds.put(key, rs.getLong(1));
                    ugcFollowers.put(key, rs.getLong(18));
                    candidates.add(new AuthoredPost(post, rs.getString(19)));
                },
                Timestamp.from(start),
                Timestamp.from(end),
                tags.toArray(new String[0]),
                brands.toArray(new String[0]),
                patterns.toArray(new String[0]));
        Set<String> partners = new HashSet<>(jdbc.queryForList(
                "SELECT a.platform_id FROM campaign_creator cc JOIN account a ON a.id = cc.account_id"
                        + " WHERE cc.workspace_id = ? AND cc.campaign_id = ?",
                String.class,
                workspace.id(),
                c.id()));
        return new UgcScan(
                ugcFinder.find(candidates, partners, c.hashtag(), c.brandHandles(), start, end), ugcIds, ugcFollowers);
    }

    /** The UGC posts, with each candidate's stored id and its author's followers by "platform:platformId". */
    private record UgcScan(List<UgcPost> posts, Map<String, Long> ids, Map<String, Long> followers) {}

    /** The user's marks on UGC posts of the campaign, by "platform:platformId". */
    private Map<String, String> rights(long campaignId) {
        Map<String, String> out = new HashMap<>();
        jdbc.query(
                "SELECT p.platform || ':' || p.platform_id, m.status FROM campaign_ugc m JOIN post p ON p.id ="
                        + " m.post_id WHERE m.workspace_id = ? AND m.campaign_id = ?",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                },
                workspace.id(),
                campaignId);
        return out;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean nullableBoolean(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
