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
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?");

    private SearchParameters() {}

    /**
     * The ISO 3166-1 alpha-2 code of a country as the {@code country} filter reads it ("Germany", "Deutschland",
     * "de", "DEU" are all DE), or null when it is none.
     */
    public static String countryCode(String text) {
        return PlaceNames.countryCode(text);
    }

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
                    String code = PlaceNames.countryCode(c);
                    if (code == null) {
                        throw new InvalidSearchParameter(
                                "country",
                                "'" + c + "' is not a country we know; type its name (Germany, Deutschland) or its"
                                        + " two-letter code (DE)");
                    }
                    return code;
                })
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> languages = list(v, "language").stream()
                .map(l -> {
                    String primary = l.split("[-_]", 2)[0];
                    if (LANGUAGE.matcher(l).matches() && primary.length() == 2) {
                        return l.toLowerCase(Locale.ROOT);
                    }
                    String code = PlaceNames.languageCode(l);
                    if (code == null) {
                        throw new InvalidSearchParameter(
                                "language",
                                "'" + l + "' is not a language we know; type its name (German, Deutsch) or its code"
                                        + " (de)");
                    }
                    return code;
                })
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Boolean hasContact = bool(v, "has_contact");
        Boolean includeDemo = bool(v, "include_demo");
        return SearchFilters.builder()
                .platforms(platforms)
                .tiers(tiers)
                .followers(new Range<>(count(v, "followers_min"), count(v, "followers_max")))
                .er(new Range<>(number(v, "er_min"), number(v, "er_max")))
                .erPercentile(new Range<>(number(v, "er_percentile_min"), number(v, "er_percentile_max")))
                .trust(Range.atLeast(number(v, "trust_min")))
                .suspicious(Range.atMost(number(v, "suspicious_max")))
                .replyRate(Range.atLeast(number(v, "reply_rate_min")))
                .niches(niches, number(v, "niche_confidence_min"))
                .countries(countries)
                .languages(languages)
                .price(new Range<>(number(v, "price_min"), number(v, "price_max")))
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

    /**
     * The most values one list filter takes. Each value can become a clause of the search, and Lucene refuses a query
     * of more than 1,024; no real search names more than a few dozen niches or countries.
     */
    public static final int MAX_VALUES = 100;

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
            if (out.size() > MAX_VALUES) {
                throw new InvalidSearchParameter(
                        key, "at most " + MAX_VALUES + " values, got " + value.split(",").length);
            }
        }
        return out;
    }

    private static Long count(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        NumberText.Reading n = NumberText.read(value);
        if (n == null || n.percent() || n.value().stripTrailingZeros().scale() > 0) {
            throw new InvalidSearchParameter(
                    key, "'" + value + "' is not a whole number; write it like 5000, 5,000, 5.000, 5k or 1.2M");
        }
        if (n.value().signum() < 0) {
            throw new InvalidSearchParameter(key, "must be 0 or more, got " + value);
        }
        try {
            return n.value().longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidSearchParameter(key, "'" + value + "' is too large");
        }
    }

    /**
     * How a decimal filter is read: a rate is a fraction (0.1) or a percentage (10%); a 0–100 scale ignores a percent
     * sign only where its values are percentages (percentiles), and an amount has none.
     */
    enum Scale {
        RATE(0, 1, "a fraction such as 0.1 or a percentage such as 10%"),
        UNBOUNDED_RATE(0, Double.MAX_VALUE, "a fraction such as 0.03 or a percentage such as 3%"),
        PERCENTILE(0, 100, "a percentile from 0 to 100"),
        SCORE(0, 100, "a score from 0 to 100"),
        AMOUNT(0, Double.MAX_VALUE, "an amount such as 500 or 1,500");

        final double min;
        final double max;
        final String accepted;

        Scale(double min, double max, String accepted) {
            this.min = min;
            this.max = max;
            this.accepted = accepted;
        }
    }

    /** How each decimal filter is read; the rates are the ones a percentage may be given for. */
    private static final Map<String, Scale> SCALES = Map.of(
            "er_min", Scale.UNBOUNDED_RATE,
            "er_max", Scale.UNBOUNDED_RATE,
            "er_percentile_min", Scale.PERCENTILE,
            "er_percentile_max", Scale.PERCENTILE,
            "trust_min", Scale.SCORE,
            "suspicious_max", Scale.RATE,
            "reply_rate_min", Scale.RATE,
            "niche_confidence_min", Scale.RATE,
            "price_min", Scale.AMOUNT,
            "price_max", Scale.AMOUNT);

    /** Whether the filter is a rate, given as a fraction (0.1) or a percentage (10%). */
    public static boolean isRate(String key) {
        Scale s = SCALES.get(key);
        return s == Scale.RATE || s == Scale.UNBOUNDED_RATE;
    }

    private static Double number(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        Scale scale = SCALES.get(key);
        NumberText.Reading reading = NumberText.read(value);
        boolean rate = isRate(key);
        if (reading == null || (reading.percent() && !rate && scale != Scale.PERCENTILE)) {
            throw new InvalidSearchParameter(key, "'" + value + "' is not understood; give " + scale.accepted);
        }
        double n = reading.value().doubleValue() / (reading.percent() && rate ? 100 : 1);
        if (!(n >= scale.min && n <= scale.max)) {
            String range = rate
                    ? "0% and " + (scale.max == Double.MAX_VALUE ? "any" : "100% (a fraction: 0.1 = 10%)")
                    : fmt(scale.min) + " and " + (scale.max == Double.MAX_VALUE ? "any" : fmt(scale.max));
            throw new InvalidSearchParameter(key, "must be between " + range + ", got " + value);
        }
        return n;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
