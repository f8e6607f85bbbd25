package io.microreach.app.planner;

import io.microreach.domain.Platform;
import io.microreach.forecast.BrandRates;
import io.microreach.planner.EvidenceMinimum;
import io.microreach.planner.Objective;
import io.microreach.planner.PlanConstraints;
import io.microreach.planner.PlanningException;
import io.microreach.planner.Quota;
import io.microreach.pricing.Deliverable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a brief from YAML or JSON (JSON is YAML) into a {@link PlanBrief}; every error is a {@link
 * PlanningException} naming the field.
 */
public final class BriefReader {
    private static final Set<String> TOP = Set.of(
            "budget",
            "currency",
            "objective",
            "goal",
            "deliverables",
            "niches",
            "countries",
            "platforms",
            "constraints",
            "brandRates");

    private BriefReader() {}

    public static PlanBrief read(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new PlanningException(
                    "brief",
                    "not valid YAML or JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new PlanningException("brief", "must be an object with at least 'budget'");
        }
        return fromMap(map);
    }

    public static PlanBrief fromMap(Map<?, ?> map) {
        for (Object k : map.keySet()) {
            if (!TOP.contains(String.valueOf(k))) {
                throw new PlanningException(
                        String.valueOf(k), "unknown field; expected one of " + new java.util.TreeSet<>(TOP));
            }
        }
        if (!map.containsKey("budget")) {
            throw new PlanningException("budget", "is required");
        }
        double budget = Amounts.money("budget", map.get("budget")).doubleValue();
        String currency = map.containsKey("currency") ? text(map.get("currency"), "currency") : "USD";
        if (!currency.matches("[A-Za-z]{3}")) {
            throw new PlanningException("currency", "must be a 3-letter ISO code, got '" + currency + "'");
        }
        Object goal = map.containsKey("objective") ? map.get("objective") : map.get("goal");
        String goalField = map.containsKey("objective") ? "objective" : "goal";
        Objective objective = goal == null
                ? Objective.ENGAGED_REACH
                : Objective.fromId(String.valueOf(goal))
                        .orElseThrow(() -> new PlanningException(
                                goalField,
                                "unknown objective '" + goal + "'; expected one of " + Objective.allowedIds()));
        List<Deliverable> deliverables = new ArrayList<>();
        for (String d : capped(map.get("deliverables"), "deliverables")) {
            deliverables.add(Deliverable.fromId(d)
                    .orElseThrow(() -> new PlanningException(
                            "deliverables", "unknown deliverable '" + d + "'; expected " + Deliverable.allowedIds())));
        }
        Set<String> platforms = new LinkedHashSet<>();
        for (String p : capped(map.get("platforms"), "platforms")) {
            platforms.add(Platform.fromId(p)
                    .orElseThrow(() -> new PlanningException(
                            "platforms", "unknown platform '" + p + "'; expected " + Platform.allowedIds()))
                    .id());
        }
        checkOffered(deliverables, platforms);
        Set<String> countries = new LinkedHashSet<>();
        for (String c : capped(map.get("countries"), "countries")) {
            if (!c.matches("[A-Za-z]{2}")) {
                throw new PlanningException("countries", "'" + c + "' is not a 2-letter country code");
            }
            countries.add(c.toUpperCase(Locale.ROOT));
        }
        Set<String> niches = new LinkedHashSet<>(capped(map.get("niches"), "niches"));
        return new PlanBrief(
                budget,
                currency.toUpperCase(Locale.ROOT),
                objective,
                deliverables,
                niches,
                countries,
                platforms,
                constraints(map.get("constraints")),
                brandRates(map.get("brandRates")));
    }

    private static PlanConstraints constraints(Object o) {
        if (o == null) {
            return PlanConstraints.NONE.withEvidence(EvidenceMinimum.DEFAULT);
        }
        Map<?, ?> m = object(o, "constraints");
        Set<String> known = Set.of(
                "minCreators",
                "maxCreators",
                "maxBudgetShare",
                "nicheQuotas",
                "platformQuotas",
                "minTrustScore",
                "exclude",
                "excluded",
                "mustInclude",
                "minEvidence");
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                throw new PlanningException("constraints." + k, "unknown constraint; expected one of " + known);
            }
        }
        int min = m.containsKey("minCreators") ? integer(m.get("minCreators"), "constraints.minCreators") : 0;
        int max = m.containsKey("maxCreators")
                ? integer(m.get("maxCreators"), "constraints.maxCreators")
                : Integer.MAX_VALUE;
        double share =
                m.containsKey("maxBudgetShare") ? number(m.get("maxBudgetShare"), "constraints.maxBudgetShare") : 1.0;
        Double trust =
                m.containsKey("minTrustScore") ? number(m.get("minTrustScore"), "constraints.minTrustScore") : null;
        Set<String> excluded = new LinkedHashSet<>(strings(m.get("exclude"), "constraints.exclude"));
        excluded.addAll(strings(m.get("excluded"), "constraints.excluded"));
        Set<String> must = new LinkedHashSet<>(strings(m.get("mustInclude"), "constraints.mustInclude"));
        return new PlanConstraints(
                min,
                max,
                share,
                quotas(m.get("nicheQuotas"), "constraints.nicheQuotas"),
                quotas(m.get("platformQuotas"), "constraints.platformQuotas"),
                trust,
                normalise(excluded),
                normalise(must),
                evidence(m.get("minEvidence"), m.containsKey("minEvidence")));
    }

    /**
     * {@code minEvidence}: absent = the default (a trust score and 5 posts in 90 days), "none" = no minimum, or an
     * object {trustScore: true|false, posts: N, days: D} whose missing fields keep their defaults.
     */
    static EvidenceMinimum evidence(Object o, boolean given) {
        String field = "constraints.minEvidence";
        EvidenceMinimum d = EvidenceMinimum.DEFAULT;
        if (!given) {
            return d;
        }
        if (o == null || "none".equalsIgnoreCase(String.valueOf(o).trim()) || Boolean.FALSE.equals(o)) {
            return EvidenceMinimum.NONE;
        }
        Map<?, ?> m = object(o, field);
        for (Object k : m.keySet()) {
            if (!Set.of("trustScore", "posts", "days").contains(String.valueOf(k))) {
                throw new PlanningException(
                        field + "." + k, "unknown field; expected trustScore (true/false), posts and days");
            }
        }
        boolean trust = d.trustScore();
        if (m.containsKey("trustScore")) {
            Object t = m.get("trustScore");
            if (t instanceof Boolean b) {
                trust = b;
            } else if ("true".equalsIgnoreCase(String.valueOf(t)) || "false".equalsIgnoreCase(String.valueOf(t))) {
                trust = Boolean.parseBoolean(String.valueOf(t));
            } else {
                throw new PlanningException(field + ".trustScore", "must be true or false, got '" + t + "'");
            }
        }
        int posts = m.containsKey("posts") ? integer(m.get("posts"), field + ".posts") : d.posts();
        int days = m.containsKey("days") ? integer(m.get("days"), field + ".days") : d.days();
        return new EvidenceMinimum(trust, posts, days);
    }

    private static Set<String> normalise(Set<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        ids.forEach(id -> out.add(id.trim().toLowerCase(Locale.ROOT).replace(":@", ":")));
        return out;
    }

    private static Map<String, Quota> quotas(Object o, String field) {
        Map<String, Quota> out = new TreeMap<>();
        if (o == null) {
            return out;
        }
        object(o, field).forEach((k, v) -> {
            String f = field + "." + k;
            Map<?, ?> q = object(v, f);
            int min = q.containsKey("min") ? integer(q.get("min"), f + ".min") : 0;
            int max = q.containsKey("max") ? integer(q.get("max"), f + ".max") : Integer.MAX_VALUE;
            if (min < 0 || max < min) {
                throw new PlanningException(f, "needs 0 <= min <= max, got min=" + min + " max=" + max);
            }
            out.put(String.valueOf(k).toLowerCase(Locale.ROOT), new Quota(min, max));
        });
        return out;
    }

    private static BrandRates brandRates(Object o) {
        if (o == null) {
            return BrandRates.DEFAULTS;
        }
        Map<?, ?> m = object(o, "brandRates");
        BrandRates d = BrandRates.DEFAULTS;
        double ctr = m.containsKey("ctr") ? number(m.get("ctr"), "brandRates.ctr") : d.ctr();
        double cr = m.containsKey("conversionRate")
                ? number(m.get("conversionRate"), "brandRates.conversionRate")
                : d.conversionRate();
        double aov = m.containsKey("averageOrderValue")
                ? number(m.get("averageOrderValue"), "brandRates.averageOrderValue")
                : d.averageOrderValue();
        double margin = m.containsKey("margin") ? number(m.get("margin"), "brandRates.margin") : d.margin();
        try {
            return new BrandRates(ctr, cr, aov, margin);
        } catch (IllegalArgumentException e) {
            throw new PlanningException("brandRates." + e.getMessage().split(" ")[0], e.getMessage());
        }
    }

    private static Map<?, ?> object(Object o, String field) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new PlanningException(field, "must be an object");
    }

    /** A list that filters the search: at most as long as a search filter may be (each value can become a clause). */
    private static List<String> capped(Object o, String field) {
        List<String> out = strings(o, field);
        if (out.size() > io.microreach.app.search.SearchParameters.MAX_VALUES) {
            throw new PlanningException(
                    field,
                    "at most " + io.microreach.app.search.SearchParameters.MAX_VALUES + " values, got " + out.size());
        }
        return out;
    }

    private static List<String> strings(Object o, String field) {
        List<String> out;
        if (o == null) {
            return List.of();
        } else if (o instanceof String s) {
            out = List.of(s.split(",")).stream()
                    .map(String::trim)
                    .filter(x -> !x.isEmpty())
                    .toList();
        } else if (o instanceof List<?> l) {
            out = l.stream().map(String::valueOf).map(String::trim).toList();
        } else {
            throw new PlanningException(field, "must be a list");
        }
        return out;
    }

    private static String text(Object o, String field) {
        if (o == null || String.valueOf(o).isBlank()) {
            throw new PlanningException(field, "must not be empty");
        }
        return String.valueOf(o).trim();
    }

    /** A finite number of ordinary size; NaN, infinities and overflowing exponents are refused, not carried on. */
    private static double number(Object o, String field) {
        double d;
        if (o instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(String.valueOf(o).trim());
            } catch (NumberFormatException e) {
                throw new PlanningException(field, "must be a number, got '" + shortened(o) + "'");
            }
        }
        if (!Double.isFinite(d) || Math.abs(d) > 1e12) {
            throw new PlanningException(field, "must be a number between -10^12 and 10^12, got '" + shortened(o) + "'");
        }
        return d;
    }

    private static String shortened(Object o) {
        String s = String.valueOf(o);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static int integer(Object o, String field) {
        double d = number(o, field);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new PlanningException(field, "must be a whole number, got " + shortened(o));
        }
        return (int) d;
    }

    /**
     * A brief that names platforms and deliverables must not ask a platform for a format it does not have (a YouTube
     * reel); without platforms, creators whose platform has none of the deliverables are simply not candidates.
     */
    static void checkOffered(List<Deliverable> deliverables, Set<String> platforms) {
        if (deliverables.isEmpty()) {
            return;
        }
        for (String id : platforms) {
            Platform p = Platform.fromId(id).orElseThrow();
            if (deliverables.stream().noneMatch(d -> d.isOfferedOn(p))) {
                throw new PlanningException(
                        "deliverables",
                        p.id() + " has no "
                                + deliverables.stream()
                                        .map(Deliverable::id)
                                        .collect(java.util.stream.Collectors.joining(" or "))
                                + "; it has " + Deliverable.idsOn(p));
            }
        }
    }
}
