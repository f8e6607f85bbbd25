package io.microreach.app.creators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScorecardChartsTest {
    private final JsonMapper json = JsonMapper.builder().build();

    private static final String CARD = """
            {"engagementRate": 0.05,
             "anomalies": {"followerSpikes": [
                {"date": "2026-03-02", "before": 1000, "after": 1600, "added": 600, "percent": 60.0, "robustZ": 9.1}]},
             "details": {
               "engagement": {"median": 0.05, "formula": "(likes + comments) ÷ followers", "unavailableReason": null,
                 "posts": [
                   {"postId": "new", "publishedAt": "2026-03-05T10:00:00Z", "er": 0.07},
                   {"postId": "none", "publishedAt": "2026-03-04T10:00:00Z", "er": null},
                   {"postId": "old", "publishedAt": "2026-03-01T10:00:00Z", "er": 0.03}]},
               "expectedEngagement": {"er": 0.05, "expectedEr": 0.04, "ratio": 1.25, "extrapolated": false,
                 "unavailableReason": null,
                 "curve": {"intercept": -1.0, "slope": -0.3, "minFollowers": 100, "maxFollowers": 1000000}}}}
            """;

    private final List<CreatorDetail.HistoryPoint> history = List.of(
            new CreatorDetail.HistoryPoint(LocalDate.parse("2026-03-01"), 1000),
            new CreatorDetail.HistoryPoint(LocalDate.parse("2026-03-02"), 1600));

    @Test
    void postsAreOldestFirstAndPostsWithoutAnErAreLeftOut() {
        CreatorCharts charts = ScorecardCharts.build(json.readTree(CARD), "tiktok", 1600, history, List.of());
        assertThat(charts.engagement().posts())
                .extracting(CreatorCharts.PostEr::postId)
                .containsExactly("old", "new");
        assertThat(charts.engagement().posts().get(0).t())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(charts.engagement().median()).isEqualTo(0.05);
    }

    @Test
    void spikesAndHistoryAreOnTheSameDayAxis() {
        CreatorCharts charts = ScorecardCharts.build(json.readTree(CARD), "tiktok", 1600, history, List.of());
        CreatorCharts.Spike spike = charts.followers().spikes().get(0);
        assertThat(spike.day()).isEqualTo("2026-03-02");
        assertThat(spike.added()).isEqualTo(600);
        assertThat(spike.t()).isEqualTo(charts.followers().history().get(1).t());
    }

    @Test
    void theCurveIsTheFittedPowerLawOverTheFittedRange() {
        CreatorCharts.Peers peers = ScorecardCharts.build(json.readTree(CARD), "tiktok", 1600, history, List.of())
                .peers();
        assertThat(peers.curve()).hasSize(ScorecardCharts.CURVE_POINTS);
        assertThat(peers.curve().get(0).followers()).isEqualTo(100);
        assertThat(peers.curve().get(ScorecardCharts.CURVE_POINTS - 1).followers())
                .isEqualTo(1_000_000);
        for (CreatorCharts.Point p : peers.curve()) {
            // Known answer: ER = e^intercept · followers^slope.
            assertThat(p.er()).isCloseTo(Math.exp(-1.0) * Math.pow(p.followers(), -0.3), within(1e-12));
        }
        assertThat(peers.creator()).isEqualTo(new CreatorCharts.Point(1600, 0.05));
        assertThat(peers.ratio()).isEqualTo(1.25);
        assertThat(peers.unavailableReason()).isNull();
    }

    @Test
    void withoutACurveThePeerChartSaysWhy() {
        JsonNode card = json.readTree("""
                {"engagementRate": 0.05, "anomalies": {"followerSpikes": []},
                 "details": {"engagement": {"median": 0.05, "posts": []},
                   "expectedEngagement": {"er": 0.05, "expectedEr": null, "curve": null,
                     "unavailableReason": "too few creators for an expected-ER curve on tiktok"}}}
                """);
        CreatorCharts.Peers peers =
                ScorecardCharts.build(card, "tiktok", 1600, history, List.of()).peers();
        assertThat(peers.curve()).isEmpty();
        assertThat(peers.unavailableReason()).contains("too few creators");
    }

    @Test
    void anUnscoredAccountHasOnlyItsHistory() {
        CreatorCharts charts = ScorecardCharts.build(null, "tiktok", 1600, history, List.of());
        assertThat(charts.engagement()).isNull();
        assertThat(charts.peers()).isNull();
        assertThat(charts.followers().history()).hasSize(2);
        assertThat(charts.followers().spikes()).isEmpty();
    }
}
