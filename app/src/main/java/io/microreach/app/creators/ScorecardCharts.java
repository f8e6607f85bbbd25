package io.microreach.app.creators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Builds the chart data of the creator page from a scorecard's JSON and the follower history. */
final class ScorecardCharts {
    /** Points of the drawn expected-ER curve; a smooth line on log axes needs only a few dozen. */
    static final int CURVE_POINTS = 40;

    private ScorecardCharts() {}

    static CreatorCharts build(
            JsonNode card,
            String platform,
            long followers,
            List<CreatorDetail.HistoryPoint> history,
            List<CreatorCharts.Point> pool) {
        List<CreatorCharts.Day> days = history.stream()
                .map(h -> new CreatorCharts.Day(millis(h.day()), h.day().toString(), h.followers()))
                .toList();
        if (card == null) {
            return new CreatorCharts(null, new CreatorCharts.Followers(days, List.of()), null);
        }
        return new CreatorCharts(
                engagement(card.path("details").path("engagement")),
                new CreatorCharts.Followers(days, spikes(card.path("anomalies").path("followerSpikes"))),
                peers(card, platform, followers, pool));
    }

    private static CreatorCharts.Engagement engagement(JsonNode er) {
        List<CreatorCharts.PostEr> posts = new ArrayList<>();
        for (JsonNode p : er.path("posts")) {
            Instant at = instant(p.path("publishedAt"));
            if (at != null && p.hasNonNull("er")) {
                posts.add(new CreatorCharts.PostEr(
                        p.path("postId").asString(),
                        at.toEpochMilli(),
                        p.path("er").asDouble()));
            }
        }
        posts.sort(Comparator.comparingLong(CreatorCharts.PostEr::t));
        return new CreatorCharts.Engagement(
                posts, number(er.path("median")), text(er.path("formula")), text(er.path("unavailableReason")));
    }

    private static List<CreatorCharts.Spike> spikes(JsonNode spikes) {
        List<CreatorCharts.Spike> out = new ArrayList<>();
        for (JsonNode s : spikes) {
            LocalDate day = LocalDate.parse(s.path("date").asString());
            out.add(new CreatorCharts.Spike(
                    millis(day),
                    day.toString(),
                    s.path("before").asLong(),
                    s.path("after").asLong(),
                    s.path("added").asLong(),
                    s.path("percent").asDouble()));
        }
        return out;
    }

    private static CreatorCharts.Peers peers(
            JsonNode card, String platform, long followers, List<CreatorCharts.Point> pool) {
        Double median = number(card.path("engagementRate"));
        CreatorCharts.Point creator =
                median == null || median <= 0 || followers <= 0 ? null : new CreatorCharts.Point(followers, median);
        JsonNode deviation = card.path("details").path("expectedEngagement");
        JsonNode curve = deviation.path("curve");
        List<CreatorCharts.Point> line = new ArrayList<>();
        String reason = text(deviation.path("unavailableReason"));
        if (curve.isObject()) {
            double intercept = curve.path("intercept").asDouble();
            double slope = curve.path("slope").asDouble();
            double lo = Math.log(Math.max(1, curve.path("minFollowers").asLong()));
            double hi = Math.log(Math.max(1, curve.path("maxFollowers").asLong()));
            for (int i = 0; i < CURVE_POINTS; i++) {
                double x = lo + (hi - lo) * i / (CURVE_POINTS - 1);
                long f = Math.round(Math.exp(x));
                line.add(new CreatorCharts.Point(f, Math.exp(intercept + slope * Math.log(f))));
            }
            // The deviation's reason may explain a missing z-score while the curve itself is fine.
        } else if (reason == null) {
            reason = median == null ? "no median ER for this account" : "no expected-ER curve for " + platform;
        }
        return new CreatorCharts.Peers(
                platform,
                line,
                pool,
                creator,
                number(deviation.path("expectedEr")),
                number(deviation.path("ratio")),
                deviation.path("extrapolated").asBoolean(false),
                curve.isObject() ? null : reason);
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Jackson writes instants as ISO text by default; accept epoch seconds too, in case a writer is configured so. */
    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            double seconds = node.asDouble();
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        return Instant.parse(node.asString());
    }

    static Double number(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asDouble();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
