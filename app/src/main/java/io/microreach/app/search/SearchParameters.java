package io.microreach.app.search;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses filters given as text ({@code KEY=VALUE} on the command line, query parameters in REST) into {@link
 * SearchFilters}, naming the parameter in every error. Lists are comma-separated ({@code platform=instagram,tiktok}).
 * The keys are {@link #KEYS}.
 */
public final class SearchParameters {
    public static final List<String> KEYS = List.of(
            "platform",
            "tier",
            "followers_min",
            "followers_max",
            "er_min",
            "er_max",
            "er_percentile_min",
            "er_percentile_max",
            "trust_min",
            "suspicious_max",
            "reply_rate_min",
            "niche",
            "niche_confidence_min",
            "country",
            "language",
            "price_min",
            "price_max",
            "has_contact",
            "text",
            "include_demo",
            "brief_ignore");

    private static final Pattern NICHE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?");

    private SearchParameters() {}

    /** Parses {@code KEY=VALUE} strings; a key given twice is an error. */
    public static SearchFilters parseAssignments(List<String> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new InvalidSearchParameter("filter", "expected KEY=VALUE, got '" + a + "'; keys: " + keys());
            }
            String key = a.substring(0, eq).strip();
            if (values.put(key, a.substring(eq + 1).strip()) != null) {
                throw new InvalidSearchParameter(key, "given twice");
            }
        }
        return parse(values);
    }

    /** Parses filter values by key; blank values are ignored (an empty form field means "any"). */
    public static SearchFilters parse(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidSearchParameter(key, "unknown filter; expected one of " + keys());
            }
        }
        Map<String, String> v = new LinkedHashMap<>();
        values.forEach((k, value) -> {
            if (value != null && !value.isBlank()) {
                v.put(k, value.strip());
            }
        });
        Set<String> platforms = list(v, "platform").stream()
                .map(p -> Platform.fromId(p)
                        .orElseThrow(() -> new InvalidSearchParameter(
                                "platform", "unknown platform '" + p + "'; expected one of " + Platform.allowedIds()))
                        .id())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String tierIds = Arrays.stream(Tier.values()).map(Tier::id).collect(Collectors.joining(", "));
        Set<String> tiers = list(v, "tier").stream()
                .map(t -> {
                    String id = t.toLowerCase(Locale.ROOT);
                    if (Arrays.stream(Tier.values()).noneMatch(x -> x.id().equals(id))) {
                        throw new InvalidSearchParameter(
                                "tier", "unknown tier '" + t + "'; expected one of " + tierIds);
                    }
                    return id;
                })
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> niches = list(v, "niche").stream()
                .map(n -> {
                    String id = n.toLowerCase(Locale.ROOT);
                    if (!NICHE_ID.matcher(id).matches()) {
                        throw new InvalidSearchParameter(
                                "niche", "'" + n + "' is not a niche id (see 'microreach niches')");
                    }
                    return id;
                })
                .distinct()
                .toList();
        Set<String> countries = list(v, "country").stream()
                .map(c -> {
                    if (!COUNTRY.matcher(c).matches()) {
                        throw new InvalidSearchParameter(
                                "country", "'" + c + "' is not a two-letter country code (ISO 3166-1 alpha-2)");
                    }
                    return c.toUpperCase(Locale.ROOT);
                })
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> languages = list(v, "language").stream()
                .map(l -> {
                    if (!LANGUAGE.matcher(l).matches()) {
                        throw new InvalidSearchParameter("language", "'" + l + "' is not a language code such as en");
                    }
                    return l.toLowerCase(Locale.ROOT);
                })
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Boolean hasContact = bool(v, "has_contact");
        Boolean includeDemo = bool(v, "include_demo");
        return SearchFilters.builder()
                .platforms(platforms)
                .tiers(tiers)
                .followers(new Range<>(count(v, "followers_min"), count(v, "followers_max")))
                .er(new Range<>(number(v, "er_min", 0, Double.MAX_VALUE), number(v, "er_max", 0, Double.MAX_VALUE)))
                .erPercentile(
                        new Range<>(number(v, "er_percentile_min", 0, 100), number(v, "er_percentile_max", 0, 100)))
                .trust(Range.atLeast(number(v, "trust_min", 0, 100)))
                .suspicious(Range.atMost(number(v, "suspicious_max", 0, 1)))
                .replyRate(Range.atLeast(number(v, "reply_rate_min", 0, 1)))
                .niches(niches, number(v, "niche_confidence_min", 0, 1))
                .countries(countries)
                .languages(languages)
                .price(new Range<>(
                        number(v, "price_min", 0, Double.MAX_VALUE), number(v, "price_max", 0, Double.MAX_VALUE)))
                .hasContact(hasContact)
                .text(v.get("text"))
                .includeDemo(includeDemo)
                .briefIgnore(briefIgnore(v))
                .build();
    }

    /** {@code field:value} chips of the brief to leave out, e.g. {@code country:DE,tier:micro}. */
    private static Set<String> briefIgnore(Map<String, String> v) {
        Set<String> out = new LinkedHashSet<>();
        for (String chip : list(v, "brief_ignore")) {
            int colon = chip.indexOf(':');
            if (colon <= 0 || colon == chip.length() - 1) {
                throw new InvalidSearchParameter(
                        "brief_ignore", "'" + chip + "' is not a brief chip; expected field:value such as country:DE");
            }
            out.add(chip.substring(0, colon).toLowerCase(Locale.ROOT) + ":" + chip.substring(colon + 1));
        }
        return out;
    }

    private static Boolean bool(Map<String, String> v, String key) {
        if (!v.containsKey(key)) {
            return null;
        }
        String b = v.get(key).toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
            throw new InvalidSearchParameter(key, "must be true or false, got '" + v.get(key) + "'");
        }
        return Boolean.parseBoolean(b);
    }

    private static String keys() {
        return String.join(", ", KEYS);
    }

    private static List<String> list(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static Long count(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n < 0) {
                throw new InvalidSearchParameter(key, "must be 0 or more, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameter(key, "'" + value + "' is not a whole number");
        }
    }

    private static Double number(Map<String, String> v, String key, double min, double max) {
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        double n;
        try {
            n = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameter(key, "'" + value + "' is not a number");
        }
        if (!(n >= min && n <= max)) {
            throw new InvalidSearchParameter(
                    key,
                    "must be between " + fmt(min) + " and " + (max == Double.MAX_VALUE ? "any" : fmt(max)) + ", got "
                            + value + (max == 1 ? " (a fraction: 0.1 = 10%)" : ""));
        }
        return n;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
