package io.microreach.app.creators;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.audience.AudienceSketch;
import io.microreach.audience.Lookalike;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The creator page's verdict line, its plain labels and units, the way back to Discover, the audience rows. */
class CreatorVerdictTest {

    private static CreatorVerdict.Inputs inputs(
            Double trust, Double suspicious, Double erPercentile, Double replyRate, Double sponsored, int spikes) {
        return new CreatorVerdict.Inputs(
                trust,
                suspicious,
                100,
                erPercentile,
                replyRate,
                3.4,
                sponsored,
                0.2,
                0.1,
                spikes,
                false,
                null,
                List.of("Community cohesion"));
    }

    @Test
    void theIssuesExampleListsRedFlagsFirstThenGoodThenNotChecked() {
        CreatorVerdict.Verdict v = CreatorVerdict.of(inputs(53.2, 0.54, 15.0, 0.652, 0.2, 0));
        assertThat(v.headline()).isEqualTo("Check before booking");
        assertThat(v.tone()).isEqualTo("bad");
        assertThat(v.redFlags())
                .containsExactly("54% of sampled followers look suspicious (of 100)", "engagement below 85% of peers");
        assertThat(v.good()).containsExactly("replies to fans (65%, median 3.4 hours)");
        assertThat(v.summary())
                .isEqualTo("Check before booking. Red flags: 54% of sampled followers look suspicious (of 100);"
                        + " engagement below 85% of peers. Good: replies to fans (65%, median 3.4 hours)."
                        + " Not checked: Community cohesion.");
    }

    @Test
    void thresholdsAreInclusiveWhereDocumented() {
        // 25% suspicious is a red flag, 24% is neither; 10% is good.
        assertThat(CreatorVerdict.of(inputs(70.0, 0.25, 50.0, 0.2, 0.2, 0)).redFlags())
                .singleElement()
                .asString()
                .startsWith("25%");
        assertThat(CreatorVerdict.of(inputs(70.0, 0.24, 50.0, 0.2, 0.2, 0)).redFlags())
                .isEmpty();
        assertThat(CreatorVerdict.of(inputs(70.0, 0.10, 50.0, 0.2, 0.2, 0)).good())
                .singleElement()
                .asString()
                .startsWith("real followers (10%");
        assertThat(CreatorVerdict.of(inputs(70.0, 0.15, 20.0, 0.2, 0.2, 0)).redFlags())
                .containsExactly("engagement below 80% of peers");
        assertThat(CreatorVerdict.of(inputs(70.0, 0.15, 75.0, 0.09, 0.4, 0)).redFlags())
                .containsExactly("rarely replies to fans (9% answered)", "40% of recent posts are sponsored");
        assertThat(CreatorVerdict.of(inputs(70.0, 0.15, 75.0, 0.2, 0.2, 0)).good())
                .containsExactly("engagement above 75% of peers");
    }

    @Test
    void headlineFollowsTheWorstEvidence() {
        assertThat(CreatorVerdict.of(inputs(null, 0.6, 10.0, 0.0, 0.9, 2)).headline())
                .isEqualTo("Not enough data for a verdict");
        assertThat(CreatorVerdict.of(inputs(90.0, 0.05, 90.0, 0.5, 0.0, 1))).satisfies(v -> {
            assertThat(v.headline()).isEqualTo("Check before booking");
            assertThat(v.redFlags()).containsExactly("sudden follower jumps on 1 day");
        });
        assertThat(CreatorVerdict.of(inputs(90.0, 0.15, 10.0, 0.5, 0.0, 0)).headline())
                .isEqualTo("Mixed evidence");
        assertThat(CreatorVerdict.of(inputs(60.0, 0.05, 80.0, 0.5, 0.0, 0))).satisfies(v -> {
            assertThat(v.headline()).isEqualTo("Looks trustworthy");
            assertThat(v.tone()).isEqualTo("good");
        });
        assertThat(CreatorVerdict.of(inputs(59.9, 0.05, 80.0, 0.5, 0.0, 0)).headline())
                .isEqualTo("Mixed evidence");
        CreatorVerdict.Inputs pod = new CreatorVerdict.Inputs(
                80.0, null, null, null, null, null, null, null, null, 0, true, "FEWER_LIKES_PER_COMMENT", List.of());
        assertThat(CreatorVerdict.of(pod).redFlags())
                .containsExactly(
                        "a comment pod (the same few accounts comment on most posts within minutes)",
                        "far fewer likes per comment than peers (bought or pod comments)");
    }

    @Test
    void everyComponentIsWrittenInItsOwnUnitWithAPlainLabel() {
        assertThat(ScorecardText.value("engagement", 0.069, null)).isEqualTo("6.9% median engagement");
        assertThat(ScorecardText.value("real_followers", 0.951, null)).isEqualTo("95.1% real (4.9% suspicious)");
        assertThat(ScorecardText.value("replies", 0.652, 3.44))
                .isEqualTo("65.2% of fan comments answered, median 3.4 hours");
        assertThat(ScorecardText.value("replies", 0.652, 0.5)).endsWith("median 30 minutes");
        assertThat(ScorecardText.value("community", 0.45, null)).isEqualTo("45 / 100 cohesion");
        assertThat(ScorecardText.value("authenticity", 0.8, null)).isEqualTo("20.0% of posts sponsored");
        assertThat(ScorecardText.value("inviting_content", 0.35, null))
                .isEqualTo("35.0% of captions invite conversation");
        assertThat(ScorecardText.value("no_anomalies", 0.0, null)).isEqualTo("none found");
        assertThat(ScorecardText.value("no_anomalies", 2.0, null)).isEqualTo("2 kinds found");
        assertThat(ScorecardText.percentile(81.2)).isEqualTo("81st");
        assertThat(ScorecardText.percentile(12.0)).isEqualTo("12th");
        assertThat(ScorecardText.percentile(null)).isEqualTo("–");
        assertThat(ScorecardText.component("no_anomalies")).isEqualTo("No engagement anomalies");
        assertThat(ScorecardText.metric("replyDelayHours")).isEqualTo("Reply delay");
        assertThat(ScorecardText.metric("trustScore")).isEqualTo("Trust score");
        assertThat(ScorecardText.metric("someNewMetric")).isEqualTo("Some new metric");
        assertThat(ScorecardText.platform("tiktok")).isEqualTo("TikTok");
        assertThat(ScorecardText.country("DE")).isEqualTo("Germany");
        assertThat(ScorecardText.language("de")).isEqualTo("German");
    }

    @Test
    void discoverLinkKeepsTheUsersQueryAndNeverLeavesTheSite() {
        assertThat(DiscoverLink.url("q=vegan&country=DE")).isEqualTo("/discover?q=vegan&country=DE");
        assertThat(DiscoverLink.url("?q=vegan#x")).isEqualTo("/discover?q=vegan");
        assertThat(DiscoverLink.url(null)).isEqualTo("/discover");
        assertThat(DiscoverLink.url("x".repeat(DiscoverLink.MAX_QUERY + 1))).isEqualTo("/discover");
        assertThat(DiscoverLink.queryOf("http://localhost:8080/discover?q=skin+care&tier=micro"))
                .isEqualTo("q=skin+care&tier=micro");
        assertThat(DiscoverLink.queryOf("http://localhost:8080/creators/5")).isNull();
        assertThat(DiscoverLink.queryOf("not a uri")).isNull();
    }

    @Test
    void audienceRowsKeepOneePlatformAndSayNotEnoughDataForWideOrUnknownOverlaps() {
        List<String> ids = IntStream.range(0, 400).mapToObj(i -> "u" + i).toList();
        AudienceSketch me = AudienceSketch.of(ids, 400);
        AudienceSketch twin = AudienceSketch.of(ids.subList(0, 200), 200);
        AudienceSketch empty = AudienceSketch.of(List.of(), 9_000);
        // A tiny sample of a big audience: the estimate is capped at everyone while the range reaches 0.
        AudienceSketch tiny = AudienceSketch.of(List.of("u1", "u2"), 20_000);
        List<Lookalike> found = AudienceSketch.lookalikes(
                me,
                Map.of("instagram:twin", twin, "instagram:empty", empty, "instagram:tiny", tiny, "tiktok:other", twin),
                10);
        List<CreatorExtrasController.AudienceMatch> rows =
                CreatorExtrasController.matches("instagram", found, Map.of("instagram:twin", 7L));
        assertThat(rows)
                .extracting(CreatorExtrasController.AudienceMatch::handle)
                .doesNotContain("other");
        assertThat(rows)
                .filteredOn(r -> r.handle().equals("twin"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.enoughData()).isTrue();
                    assertThat(r.accountId()).isEqualTo(7L);
                    assertThat(r.estimate()).isEqualTo("50.0%");
                });
        assertThat(rows)
                .filteredOn(r -> !r.handle().equals("twin"))
                .allSatisfy(r -> assertThat(r.enoughData()).isFalse());
    }
}
