package io.microreach.app.creators;

import java.util.Locale;
import java.util.Map;

/**
 * Plain-language names and units for the scorecard on the creator page: trust components and headline metrics get
 * a marketer's label instead of their ids ({@code replyDelayHours} → "Reply delay"), and each component's value is
 * written in its own unit (a share as %, the reply delay in hours, anomalies as a count) rather than as a bare 0..1
 * number.
 */
final class ScorecardText {
    private static final Map<String, String> COMPONENTS = Map.of(
            "engagement", "Engagement",
            "real_followers", "Real followers",
            "replies", "Replies to fans",
            "community", "Community cohesion",
            "inviting_content", "Conversation-starting posts",
            "authenticity", "Few sponsored posts",
            "no_anomalies", "No engagement anomalies");

    private static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry("trustScore", "Trust score"),
            Map.entry("engagementRate", "Engagement rate"),
            Map.entry("suspiciousShare", "Suspicious followers"),
            Map.entry("replyRate", "Reply rate"),
            Map.entry("replyDelayHours", "Reply delay"),
            Map.entry("sponsoredShare", "Sponsored posts"),
            Map.entry("cohesion", "Community cohesion"),
            Map.entry("invitingShare", "Conversation-starting posts"));

    private static final Map<String, String> PLATFORMS = Map.of(
            "instagram", "Instagram",
            "tiktok", "TikTok",
            "youtube", "YouTube",
            "bluesky", "Bluesky",
            "twitter", "X (Twitter)");

    private ScorecardText() {}

    /** The platform's name ({@code tiktok} → "TikTok"). */
    static String platform(String id) {
        return id == null ? "" : PLATFORMS.getOrDefault(id, words(id));
    }

    /** A tier id as a word ({@code micro} → "Micro"). */
    static String tier(String id) {
        return id == null ? "" : words(id);
    }

    /** An ISO country code's English name ({@code DE} → "Germany"); the code itself when unknown. */
    static String country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String name = new Locale("", code.strip()).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** An ISO language code's English name ({@code de} → "German"); the code itself when unknown. */
    static String language(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String name = new Locale(code.strip()).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** The component's label; an unknown id is written as words with a capital ({@code new_thing} → "New thing"). */
    static String component(String id) {
        return COMPONENTS.getOrDefault(id, words(id));
    }

    /** The headline metric's label ({@code replyDelayHours} → "Reply delay"). */
    static String metric(String id) {
        String known = METRICS.get(id);
        if (known != null) {
            return known;
        }
        return words(id.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    }

    private static String words(String id) {
        String spaced = id.replace('_', ' ').strip();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * The component's value in its unit: engagement as the median ER in %, real followers, replies, inviting content
     * as shares in %, authenticity as the sponsored share in % (the value is the unsponsored share), community as a
     * score out of 100, anomalies as the count of kinds found; {@code replyDelayHours} is added to replies.
     */
    static String value(String id, Double value, Double replyDelayHours) {
        if (value == null) {
            return "not measured";
        }
        double v = value;
        return switch (id) {
            case "engagement" -> percent(v) + " median engagement";
            case "real_followers" -> percent(v) + " real (" + percent(1 - v) + " suspicious)";
            case "replies" ->
                percent(v) + " of fan comments answered"
                        + (replyDelayHours == null ? "" : ", median " + hours(replyDelayHours));
            case "community" -> String.format(Locale.ROOT, "%.0f / 100 cohesion", v * 100);
            case "inviting_content" -> percent(v) + " of captions invite conversation";
            case "authenticity" -> percent(1 - v) + " of posts sponsored";
            case "no_anomalies" -> {
                long n = Math.round(v);
                yield n == 0 ? "none found" : n + (n == 1 ? " kind found" : " kinds found");
            }
            default -> String.format(Locale.ROOT, "%.3f", v);
        };
    }

    /** A peer percentile as an ordinal ("81st"), or a dash. */
    static String percentile(Double p) {
        if (p == null) {
            return "–";
        }
        long n = Math.round(p);
        long lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch ((int) (n % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** A 0..1 share as a percentage with one decimal ("6.9%"). */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Hours with one decimal, or minutes under an hour ("3.4 hours", "25 minutes"). */
    static String hours(double h) {
        if (h < 1) {
            return String.format(Locale.ROOT, "%.0f minutes", h * 60);
        }
        return String.format(Locale.ROOT, "%.1f hours", h);
    }
}
