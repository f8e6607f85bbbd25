package io.microreach.app.cli;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The human-readable scorecard for the terminal. */
final class ScorecardText {
    private ScorecardText() {}

    static String render(JsonNode c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s @%s  %s, %,d followers%n",
                c.path("platform").asString(),
                c.path("handle").asString(),
                c.path("tier").asString(),
                c.path("followers").asLong()));
        sb.append("trust score: ")
                .append(
                        c.path("trustScore").isNull()
                                ? "n/a"
                                : fmt(c.path("trustScore").asDouble(), 1))
                .append(" (confidence ")
                .append(c.path("trustConfidence").asString().toLowerCase(Locale.ROOT))
                .append(")");
        if (!c.path("trustLow").isNull() && !c.path("trustLow").isMissingNode()) {
            sb.append(String.format(
                    Locale.ROOT,
                    ", band %s-%s with every signal measured (%.0f%% of the weight has data)",
                    fmt(c.path("trustLow").asDouble(), 1),
                    fmt(c.path("trustHigh").asDouble(), 1),
                    100 * c.path("trustCoveredWeight").asDouble()));
        }
        sb.append('\n');
        JsonNode window = c.path("engagementWindow");
        if (!window.isNull() && !window.isMissingNode()) {
            sb.append("engagement window: ").append(window.asString()).append('\n');
        }
        sb.append(String.format(
                Locale.ROOT,
                "%n  %-18s %10s %10s %8s %13s  %s%n",
                "component",
                "value",
                "percentile",
                "weight",
                "contribution",
                "confidence"));
        for (JsonNode comp : c.path("components")) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-18s %10s %10s %8s %13s  %s%n",
                    comp.path("component").asString().toLowerCase(Locale.ROOT),
                    comp.path("value").isNull() ? "n/a" : fmt(comp.path("value").asDouble(), 3),
                    comp.path("percentile").isNull()
                            ? "-"
                            : fmt(comp.path("percentile").asDouble(), 0),
                    fmt(comp.path("weight").asDouble(), 2),
                    fmt(comp.path("contribution").asDouble(), 1),
                    comp.path("unavailableReason").isNull()
                            ? comp.path("confidence").asString().toLowerCase(Locale.ROOT)
                            : comp.path("unavailableReason").asString()));
        }
        if (!c.path("missingEvidence").isEmpty()) {
            sb.append("\n  missing evidence (each would narrow the band):\n");
        }
        for (JsonNode m : c.path("missingEvidence")) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  - %s (weight %s): %s%n      needs %s%n",
                    m.path("component").asString(),
                    fmt(m.path("weight").asDouble(), 2),
                    m.path("reason").asString(),
                    m.path("howToGet").asString()));
        }
        for (JsonNode u : c.path("unavailable")) {
            sb.append("  n/a: ")
                    .append(u.path("metric").asString())
                    .append(": ")
                    .append(u.path("reason").asString())
                    .append('\n');
        }
        return sb.toString();
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
