package io.microreach.app.searcheval;

import java.util.List;
import java.util.Locale;

/**
 * What a corpus knows for sure about one account: its niches (primary first), and the attributes queries may require
 * or prefer. Null attributes are unknown and match no requirement.
 */
record Truth(
        String platform,
        String handle,
        List<String> niches,
        String country,
        String language,
        String tier,
        long followers) {

    String key() {
        return key(platform, handle);
    }

    static String key(String platform, String handle) {
        return platform + ":" + handle.toLowerCase(Locale.ROOT);
    }

    /** The account's value of a judged attribute ({@code country}, {@code language}, {@code platform}, {@code tier}). */
    String attribute(String name) {
        return switch (name) {
            case "country" -> country;
            case "language" -> language;
            case "platform" -> platform;
            case "tier" -> tier;
            default -> throw new IllegalArgumentException("unknown judged attribute '" + name + "'");
        };
    }

    /** The grade of this account for a query, by the rule of {@link JudgedQuery.Relevance}. */
    int grade(JudgedQuery.Relevance r) {
        if (r.handle() != null) {
            return handle.equalsIgnoreCase(r.handle()) ? 2 : 0;
        }
        int grade = niches.isEmpty() ? 0 : r.niches().contains(niches.get(0)) ? 2 : 0;
        if (grade == 0 && niches.stream().anyMatch(r.niches()::contains)) {
            grade = 1;
        }
        if (grade == 0) {
            return 0;
        }
        for (var req : r.require().entrySet()) {
            if (!matches(req.getKey(), req.getValue())) {
                return 0;
            }
        }
        for (var pref : r.prefer().entrySet()) {
            if (!matches(pref.getKey(), pref.getValue())) {
                return grade - 1;
            }
        }
        return grade;
    }

    boolean matches(String attribute, List<String> values) {
        String v = attribute(attribute);
        return v != null && values.stream().anyMatch(v::equalsIgnoreCase);
    }
}
