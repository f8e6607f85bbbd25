package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The terminal scorecard shows the trust band, the engagement window and the missing evidence. */
class ScorecardTextTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPartialScorecardShowsItsBandWindowAndMissingEvidence() {
        String card = """
                {"platform":"instagram","handle":"someone","tier":"micro","followers":12000,
                 "trustScore":70.0,"trustLow":14.0,"trustHigh":94.0,"trustConfidence":"LOW","trustCoveredWeight":0.2,
                 "engagementWindow":"the last 12 posts, whatever their age (over 330 days), because ...",
                 "components":[{"component":"ENGAGEMENT","value":0.05,"percentile":70.0,"weight":0.2,
                   "contribution":70.0,"confidence":"LOW","unavailableReason":null}],
                 "missingEvidence":[{"component":"real_followers","weight":0.25,"reason":"no follower sample",
                   "howToGet":"a sample of at least 30 followers' public profiles"}],
                 "unavailable":[]}
                """;
        String text = ScorecardText.render(JSON.readTree(card));
        assertThat(text)
                .contains("trust score: 70.0 (confidence low), band 14.0-94.0 with every signal measured"
                        + " (20% of the weight has data)")
                .contains("engagement window: the last 12 posts, whatever their age")
                .contains("missing evidence")
                .contains("- real_followers (weight 0.25): no follower sample")
                .contains("needs a sample of at least 30 followers' public profiles");
    }

    @Test
    void aScorecardWithoutAScoreShowsNoBand() {
        String card = """
                {"platform":"instagram","handle":"someone","tier":"micro","followers":12000,
                 "trustScore":null,"trustLow":null,"trustHigh":null,"trustConfidence":"NONE","trustCoveredWeight":0.05,
                 "engagementWindow":null,"components":[],"missingEvidence":[],"unavailable":[
                   {"metric":"trustScore","reason":"only 5% of the weight has data"}]}
                """;
        String text = ScorecardText.render(JSON.readTree(card));
        assertThat(text)
                .contains("trust score: n/a (confidence none)\n")
                .doesNotContain("band")
                .doesNotContain("engagement window")
                .contains("n/a: trustScore: only 5% of the weight has data");
    }
}
