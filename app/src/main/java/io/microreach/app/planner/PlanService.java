package io.microreach.app.planner;

import io.microreach.app.search.ReliabilityFactors;
import io.microreach.audience.AudienceSketch;
import io.microreach.audience.Lookalike;
import io.microreach.audience.Overlap;
import io.microreach.audience.OverlapMatrix;
import io.microreach.domain.Platform;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.forecast.EngagementSpread;
import io.microreach.planner.CampaignPlanner;
import io.microreach.planner.LazyGreedyAllocator;
import io.microreach.planner.Plan;
import io.microreach.planner.PlanCandidate;
import io.microreach.planner.PlanConstraints;
import io.microreach.planner.PlanProblem;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.Deliverable;
import io.microreach.pricing.PriceRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The planner's public entry point (CLI, REST and web UI): turns a brief into candidates from the stored accounts,
 * scores, niches, rate cards and audience sketches, and plans with the lazy greedy allocator. Creator ids are
 * "platform:handle" (lower case).
 *
 * <p>With {@code microreach.reliability.weight} above 0, a creator with a campaign record in the workspace has its
 * engagement and conversion probabilities multiplied by its reliability factor ({@link ReliabilityFactors}): a
 * creator who ghosts half of their deliverables delivers, in expectation, about half of what the forecast says.
 */
@Service
public class PlanService {
    private static final int SPREAD_WINDOW = 30;

    /**
     * Demo accounts are planned with only while no real account exists, as searches do: once real data is imported, a
     * plan from a brief never picks a generated creator. A shortlist is planned as it is (its creators were chosen).
     */
    private static final String REAL_OR_ONLY_DEMO =
            "(NOT a.is_demo OR NOT EXISTS (SELECT 1 FROM account r WHERE NOT r.is_demo))";

    private final JdbcTemplate jdbc;
    private final AudienceStore audiences;
    private final PriceService prices;
    private final Supplier<Map<Long, Double>> reliability;

    @Autowired
    public PlanService(
            JdbcTemplate jdbc,
            AudienceStore audiences,
            PriceService prices,
            ObjectProvider<ReliabilityFactors> reliability) {
        this(jdbc, audiences, prices, () -> {
            ReliabilityFactors r = reliability.getIfUnique();
            return r == null ? Map.of() : r.current();
        });
    }

    /** For tests and benchmarks: without campaign records. */
    public PlanService(JdbcTemplate jdbc, AudienceStore audiences, PriceService prices) {
        this(jdbc, audiences, prices, Map::of);
    }

    /** For tests that bring their own reliability factors (account id → factor). */
    public PlanService(
            JdbcTemplate jdbc, AudienceStore audiences, PriceService prices, Supplier<Map<Long, Double>> reliability) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.prices = prices;
        this.reliability = reliability;
    }

    private record Row(
            long accountId,
            String platform,
            String handle,
            long followers,
            String country,
            Double trust,
            Double er,
            String tier,
            boolean sharedHandle) {
        /**
         * The candidate's key: "platform:handle", with "#account id" added when another stored account of the platform
         * has the same handle (a renamed account, or a handle reused under a new platform id), so keys stay unique.
         */
        String id() {
            String base = platform + ":" + handle.toLowerCase(Locale.ROOT);
            return sharedHandle ? base + "#" + accountId : base;
        }

        String handleKey() {
            return platform + ":" + handle.toLowerCase(Locale.ROOT);
        }
    }

    /** Plans a brief. */
    public PlanResponse plan(PlanBrief brief) {
        List<String> notes = new ArrayList<>();
        return PlanResponse.of(planRaw(brief, null, notes), notes);
    }

    /** Plans a brief among the given accounts only (a shortlist); the brief's platform/country/niche filters still apply. */
    public PlanResponse planAmong(PlanBrief brief, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            throw new PlanningException("shortlist", "the shortlist is empty: add creators to it first");
        }
        List<String> notes = new ArrayList<>();
        return PlanResponse.of(planRaw(brief, List.copyOf(accountIds), notes), notes);
    }

    public Plan planRaw(PlanBrief brief) {
        return planRaw(brief, null, new ArrayList<>());
    }

    private Plan planRaw(PlanBrief brief, List<Long> onlyAccounts, List<String> notes) {
        if (!(brief.budget() > 0)) {
            throw new PlanningException("budget", "must be a positive amount, got " + brief.budget());
        }
        PlanConstraints k = brief.constraints();
        Set<Long> mustAccounts = new TreeSet<>();
        for (String id : k.mustInclude()) {
            mustAccounts.add(findAccount(id, "constraints.mustInclude")
                    .orElseThrow(() -> new PlanningException("constraints.mustInclude", "unknown creator " + id)));
        }
        Set<Long> excludedAccounts = new TreeSet<>();
        for (String id : k.excluded()) {
            excludedAccounts.add(findAccount(id, "constraints.exclude")
                    .orElseThrow(() -> new PlanningException("constraints.exclude", "unknown creator " + id)));
        }
        List<Row> rows = candidates(brief, onlyAccounts);
        Set<Long> have = new TreeSet<>();
        rows.forEach(r -> have.add(r.accountId()));
        for (long id : mustAccounts) {
            if (!have.contains(id)) {
                rows.addAll(rowsWhere("a.id = ?", id));
            }
        }
        rows = oneAccountPerHandle(rows, mustAccounts, notes);
        Set<String> must = new TreeSet<>();
        Set<String> excludedInPool = new TreeSet<>();
        rows.forEach(r -> {
            if (mustAccounts.contains(r.accountId())) {
                must.add(r.id());
            }
            if (excludedAccounts.contains(r.accountId())) {
                excludedInPool.add(r.id());
            }
        });
        PlanConstraints constraints = new PlanConstraints(
                k.minCreators(),
                k.maxCreators(),
                k.maxBudgetShare(),
                k.nicheQuotas(),
                k.platformQuotas(),
                k.minTrustScore(),
                excludedInPool,
                must,
                k.evidence());
        if (rows.isEmpty()) {
            throw new PlanningException(
                    "platforms/countries/niches",
                    "no scored creator matches the brief's platforms, countries and niches");
        }
        List<PlanCandidate> cands = toCandidates(rows, brief);
        PlanProblem problem = new PlanProblem(
                cands,
                brief.objective(),
                constraints,
                brief.budget(),
                brief.currency(),
                brief.brandRates().averageOrderValue() * brief.brandRates().margin());
        return new CampaignPlanner(new LazyGreedyAllocator()).plan(problem);
    }

    /**
     * A handle names one account at a time: of several stored accounts with the same handle on a platform (a renamed
     * account whose old record is stale, or a handle reused under a new platform id), a plan may book only one, the
     * one seen most recently (or a must-include). The others are dropped with a note, so a plan never lists the same
     * handle twice.
     */
    private List<Row> oneAccountPerHandle(List<Row> rows, Set<Long> mustAccounts, List<String> notes) {
        Map<String, List<Row>> byHandle = new LinkedHashMap<>();
        rows.forEach(r ->
                byHandle.computeIfAbsent(r.handleKey(), x -> new ArrayList<>()).add(r));
        if (byHandle.size() == rows.size()) {
            return rows;
        }
        Map<Long, Instant> lastSeen = new HashMap<>();
        jdbc.query(
                "SELECT id, last_seen FROM account WHERE id = ANY(?)",
                rs -> {
                    lastSeen.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                },
                (Object) rows.stream().map(Row::accountId).toArray(Long[]::new));
        List<Row> out = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        byHandle.forEach((handle, same) -> {
            if (same.size() == 1) {
                out.add(same.get(0));
                return;
            }
            Row keep = same.stream()
                    .max(Comparator.comparing((Row r) -> mustAccounts.contains(r.accountId()))
                            .thenComparing(r -> lastSeen.getOrDefault(r.accountId(), Instant.EPOCH))
                            .thenComparingLong(Row::accountId))
                    .orElseThrow();
            out.add(keep);
            same.stream().filter(r -> r != keep).forEach(r -> dropped.add(r.id() + " (kept " + keep.id() + ")"));
        });
        if (!dropped.isEmpty()) {
            notes.add(dropped.size() + " account" + (dropped.size() == 1 ? "" : "s")
                    + " left out because another account of the platform with the same handle was seen more recently"
                    + " (a plan books one account per handle): "
                    + String.join(", ", dropped.subList(0, Math.min(5, dropped.size())))
                    + (dropped.size() > 5 ? " and " + (dropped.size() - 5) + " more" : "") + ".");
        }
        return out;
    }

    private List<Row> candidates(PlanBrief brief, List<Long> onlyAccounts) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        where.add("TRUE");
        if (onlyAccounts != null) {
            where.add("a.id = ANY(?)");
            args.add(onlyAccounts.toArray(Long[]::new));
        } else {
            where.add(REAL_OR_ONLY_DEMO);
        }
        if (!brief.platforms().isEmpty()) {
            where.add("a.platform = ANY(?)");
            args.add(brief.platforms().toArray(String[]::new));
        }
        if (!brief.countries().isEmpty()) {
            where.add("upper(a.country) = ANY(?)");
            args.add(brief.countries().toArray(String[]::new));
        }
        Long classified = jdbc.queryForObject("SELECT count(*) FROM account_niche", Long.class);
        if (!brief.niches().isEmpty() && classified != null && classified > 0) {
            where.add("EXISTS (SELECT 1 FROM account_niche n WHERE n.account_id = a.id AND n.niche_id = ANY(?))");
            args.add(brief.niches().toArray(String[]::new));
        }
        return rowsWhere(String.join(" AND ", where), args.toArray());
    }

    private List<Row> rowsWhere(String where, Object... args) {
        return new ArrayList<>(jdbc.query(
                "SELECT a.id, a.platform, a.handle, a.followers, a.country, s.trust_score, s.engagement_rate, s.tier,"
                        + " EXISTS (SELECT 1 FROM account d WHERE lower(d.handle) = lower(a.handle)"
                        + " AND d.platform = a.platform AND d.id <> a.id)"
                        + " FROM account a JOIN account_score s ON s.account_id = a.id WHERE " + where
                        + " ORDER BY a.id",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        rs.getString(8),
                        rs.getBoolean(9)),
                args));
    }

    private List<PlanCandidate> toCandidates(List<Row> rows, PlanBrief brief) {
        List<Long> ids = rows.stream().map(Row::accountId).toList();
        Long[] idArray = ids.toArray(Long[]::new);
        Map<Long, AudienceSketch> sketches = audiences.load(ids);
        Map<Long, Set<String>> niches = new HashMap<>();
        jdbc.query(
                "SELECT account_id, niche_id FROM account_niche WHERE account_id = ANY(?) AND confidence >= 0.5",
                rs -> {
                    niches.computeIfAbsent(rs.getLong(1), x -> new TreeSet<>()).add(rs.getString(2));
                },
                (Object) idArray);
        Map<Long, List<double[]>> posts = new HashMap<>();
        jdbc.query(
                "SELECT account_id, likes, comments, shares, saves, followers_at_post FROM (SELECT p.*,"
                        + " row_number() OVER (PARTITION BY account_id ORDER BY published_at DESC) rn FROM post p"
                        + " WHERE account_id = ANY(?)) x WHERE rn <= " + SPREAD_WINDOW,
                rs -> {
                    long e = 0;
                    boolean any = false;
                    for (int c = 2; c <= 5; c++) {
                        long v = rs.getLong(c);
                        if (!rs.wasNull()) {
                            e += v;
                            any = true;
                        }
                    }
                    long f = rs.getLong(6);
                    if (any && f > 0) {
                        posts.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>())
                                .add(new double[] {e, f});
                    }
                },
                (Object) idArray);
        // Posts within the evidence window of each account's newest post (the engagement rate's anchoring).
        Map<Long, Integer> recentPosts = new HashMap<>();
        jdbc.query(
                "SELECT account_id, count(*) FILTER (WHERE published_at >= newest - make_interval(days => ?))"
                        + " FROM (SELECT account_id, published_at, max(published_at) OVER (PARTITION BY account_id)"
                        + " newest FROM post WHERE account_id = ANY(?)) x GROUP BY account_id",
                rs -> {
                    recentPosts.put(rs.getLong(1), rs.getInt(2));
                },
                brief.constraints().evidence().days(),
                idArray);
        Map<String, Double> peerMedian = new HashMap<>();
        jdbc.query(
                "SELECT a.platform, s.tier, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.engagement_rate)"
                        + " FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE s.engagement_rate IS NOT NULL GROUP BY a.platform, s.tier",
                rs -> {
                    peerMedian.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3));
                });
        Map<Long, PriceService.AccountPrice> priced = prices.prices(ids, brief.deliverables(), brief.currency());
        if (priced.isEmpty()) {
            throw new PlanningException(
                    "deliverables",
                    "no candidate's platform has "
                            + brief.deliverables().stream().map(Deliverable::id).toList()
                            + " (Instagram has post, reel, story; TikTok video; YouTube video, short; Bluesky and"
                            + " X post)");
        }
        Map<Long, Double> factors = reliability.get();
        List<PlanCandidate> out = new ArrayList<>();
        for (Row r : rows) {
            Platform platform = Platform.fromId(r.platform()).orElseThrow();
            double fallbackEr = r.er() != null ? r.er() : peerMedian.getOrDefault(r.platform() + "/" + r.tier(), 0.02);
            EngagementSpread spread =
                    EngagementSpread.fitOrAssume(posts.getOrDefault(r.accountId(), List.of()), fallbackEr);
            PriceService.AccountPrice ap = priced.get(r.accountId());
            if (ap == null) {
                continue; // its platform has none of the brief's deliverables
            }
            PriceRange price = ap.price();
            DeliverableForecast forecast = DeliverableForecast.empty();
            for (Deliverable d : ap.deliverables()) {
                forecast = forecast.plus(DeliverableForecast.of(d, r.followers(), spread, brief.brandRates()));
            }
            double followers = Math.max(1, r.followers());
            double factor = factors.getOrDefault(r.accountId(), 1.0);
            out.add(new PlanCandidate(
                    r.id(),
                    r.handle(),
                    platform,
                    niches.getOrDefault(r.accountId(), Set.of()),
                    r.trust(),
                    r.followers(),
                    price.mid(),
                    price,
                    forecast,
                    factor * Math.min(1, forecast.engagements().p50() / followers),
                    factor * Math.min(1, forecast.conversions().p50() / followers),
                    sketches.get(r.accountId()),
                    recentPosts.getOrDefault(r.accountId(), 0)));
        }
        return out;
    }

    /**
     * Account id of "platform:handle" (handle case-insensitive, @ optional): the account seen most recently with that
     * handle, since a handle names one account at a time; "platform:handle#123" names account 123 (it must have that
     * handle), for the older accounts of a reused handle.
     */
    public Optional<Long> findAccount(String id, String field) {
        int colon = id.indexOf(':');
        if (colon < 0) {
            throw new PlanningException(field, "creator id '" + id + "' must be platform:handle");
        }
        String platform = id.substring(0, colon);
        String handle = id.substring(colon + 1).replaceFirst("^@", "");
        int hash = handle.lastIndexOf('#');
        if (hash >= 0) {
            long accountId;
            try {
                accountId = Long.parseLong(handle.substring(hash + 1));
            } catch (NumberFormatException e) {
                throw new PlanningException(
                        field, "creator id '" + id + "': after # comes an account number, as in instagram:handle#12");
            }
            return jdbc
                    .query(
                            "SELECT id FROM account WHERE id = ? AND platform = ? AND lower(handle) = lower(?)",
                            (rs, i) -> rs.getLong(1),
                            accountId,
                            platform,
                            handle.substring(0, hash))
                    .stream()
                    .findFirst();
        }
        return jdbc
                .query(
                        "SELECT id FROM account WHERE platform = ? AND lower(handle) = lower(?)"
                                + " ORDER BY last_seen DESC, id DESC LIMIT 1",
                        (rs, i) -> rs.getLong(1),
                        platform,
                        handle)
                .stream()
                .findFirst();
    }

    /** Overlap matrix of accounts of one platform, by handle. */
    public OverlapResponse overlap(String platform, List<String> handles) {
        Platform p = Platform.fromId(platform)
                .orElseThrow(() -> new PlanningException(
                        "platform", "unknown platform '" + platform + "'; expected one of " + Platform.allowedIds()));
        if (handles.size() < 2) {
            throw new PlanningException("handles", "give at least two handles, comma-separated");
        }
        List<String> clean = new ArrayList<>(new LinkedHashSet<>(
                handles.stream().map(h -> h.trim().replaceFirst("^@", "")).toList()));
        List<Long> ids = new ArrayList<>();
        for (String h : clean) {
            ids.add(findAccount(p.id() + ":" + h, "handles")
                    .orElseThrow(() -> new PlanningException("handles", "unknown account " + p.id() + " @" + h)));
        }
        return overlapOfAccounts(p.id(), ids, clean);
    }

    /**
     * Overlap matrix of the given accounts of one platform, labelled by {@code labels}. An account without audience
     * data (no sampled follower, no commenter: an empty or missing sketch) has unknown overlap with everyone: its cells
     * carry no figures and say so, instead of 0% or a failed page.
     */
    public OverlapResponse overlapOfAccounts(String platform, List<Long> accountIds, List<String> labels) {
        Map<Long, AudienceSketch> stored = audiences.load(accountIds);
        List<Integer> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < accountIds.size(); i++) {
            AudienceSketch s = stored.get(accountIds.get(i));
            if (s != null && s.sampleSize() > 0) {
                known.add(i);
            } else {
                unknown.add(labels.get(i));
            }
        }
        OverlapMatrix m = OverlapMatrix.of(
                known.stream().map(labels::get).toList(),
                known.stream().map(i -> stored.get(accountIds.get(i))).toList());
        List<OverlapResponse.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                if (i == j) {
                    continue;
                }
                int ki = known.indexOf(i);
                int kj = known.indexOf(j);
                if (ki < 0 || kj < 0) {
                    pairs.add(OverlapResponse.Pair.of(labels.get(i), labels.get(j), null, null, false));
                } else {
                    Overlap o = m.cell(ki, kj);
                    pairs.add(OverlapResponse.Pair.of(
                            labels.get(i), labels.get(j), o.shareOfAInB(), o.people(), o.samplingNoiseIncluded()));
                }
            }
        }
        return new OverlapResponse(platform, labels, pairs, unknown);
    }

    /**
     * Accounts of the same platform whose audiences overlap most with the given one. Other platforms never take part:
     * their audience ids are another id space, so their overlap would read as a meaningless 0%.
     */
    public List<Lookalike> lookalikes(String platform, String handle, int limit) {
        Platform p = Platform.fromId(platform)
                .orElseThrow(() -> new PlanningException(
                        "platform", "unknown platform '" + platform + "'; expected one of " + Platform.allowedIds()));
        long id = findAccount(p.id() + ":" + handle, "handle")
                .orElseThrow(() -> new PlanningException("handle", "unknown account " + p.id() + " @" + handle));
        Map<Long, String> names = new HashMap<>();
        jdbc.query(
                "SELECT a.id, a.platform || ':' || lower(a.handle) FROM account a JOIN audience_sketch s"
                        + " ON s.account_id = a.id WHERE a.id = " + id + " OR (a.platform = ? AND " + REAL_OR_ONLY_DEMO
                        + ")",
                rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                },
                p.id());
        Map<Long, AudienceSketch> all = audiences.load(new ArrayList<>(names.keySet()));
        AudienceSketch target = all.remove(id);
        if (target == null) {
            throw new PlanningException(
                    "handle", "no audience sketch for @" + handle + " yet (run 'microreach score')");
        }
        Map<String, AudienceSketch> others = new HashMap<>();
        all.forEach((k, v) -> others.put(names.get(k), v));
        return AudienceSketch.lookalikes(target, others, limit);
    }
}
