package io.microreach.signals.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Account;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.engagement.EngagementRate;
import io.microreach.signals.trust.TrustComponent;
import io.microreach.signals.trust.TrustWeights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accounts as a profile scrape or Instagram's Business Discovery API returns them: a profile and its 12 newest posts
 * with captions and counts, and nothing else (no comments, follower sample, follow edges or follower history).
 */
class PartialDataScorecardTest {
    static final Instant NEWEST = Instant.parse("2026-10-01T12:00:00Z");
    static final Instant AT = Instant.parse("2026-10-02T00:00:00Z");

    /**
     * Account {@code n} of a pool of 12 micro Instagram accounts with 10,000 followers: its posts have {@code n + 1}%
     * ER, so account n sits at the mid-rank percentile 100 · (n + 0.5) / 12. It posts every {@code gapDays} days.
     */
    static AccountActivity account(int n, double gapDays) {
        String id = "acc-" + n;
        Account a = new Account(
                Platform.INSTAGRAM,
                id,
                "creator" + n,
                null,
                null,
                null,
                null,
                10_000,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                null,
                null);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(new Post(
                    Platform.INSTAGRAM,
                    id + "-p" + i,
                    id,
                    NEWEST.minus(Duration.ofMinutes(Math.round(i * gapDays * 24 * 60))),
                    PostFormat.PHOTO,
                    i % 3 == 0
                            ? "Which trail should I hike next? Tell me in the comments"
                            : "Morning light on the ridge",
                    List.of(),
                    List.of(),
                    100L * (n + 1),
                    0L,
                    null,
                    null,
                    null,
                    10_000L,
                    null,
                    null));
        }
        return new AccountActivity(a, posts, List.of(), List.of(), List.of(), List.of());
    }

    static List<Scorecard> score(List<AccountActivity> accounts) {
        SignalSuite suite = new SignalSuite();
        List<AccountSignals> signals = accounts.stream().map(suite::measure).toList();
        PoolStatistics.Builder builder = PoolStatistics.builder();
        signals.forEach(builder::add);
        PoolStatistics pool = builder.build();
        ScorecardAssembler assembler = new ScorecardAssembler(TrustWeights.DEFAULT, suite.anomalyDetector());
        return signals.stream().map(s -> assembler.assemble(s, pool, AT)).toList();
    }

    @Test
    void aProfileWithTwelveRecentPostsGetsAScoreWithAWideBandAndTheMissingEvidence() {
        List<AccountActivity> pool = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            pool.add(account(n, 3));
        }
        Scorecard card = score(pool).get(8);

        assertThat(card.trustScore()).isNotNull();
        assertThat(card.engagementRatePercentile()).isCloseTo(100 * 8.5 / 12, within(1e-9));
        // Engagement, authenticity (no post sponsored) and inviting content have data: 35% of the weight.
        assertThat(card.trustCoveredWeight()).isCloseTo(0.35, within(1e-9));
        assertThat(card.trustHigh() - card.trustLow()).isCloseTo(65.0, within(0.11));
        assertThat(card.trustScore()).isBetween(card.trustLow(), card.trustHigh());
        assertThat(card.trustConfidence()).isEqualTo(Confidence.LOW);
        assertThat(card.missingEvidence())
                .extracting(Scorecard.MissingEvidence::component)
                .containsExactly("real_followers", "replies", "community", "no_anomalies");
        assertThat(card.missingEvidence()).allSatisfy(m -> {
            assertThat(m.reason()).isNotBlank();
            assertThat(m.howToGet()).contains("import");
        });
        assertThat(card.missingEvidence().get(0).howToGet()).contains("follower_sample");
        assertThat(card.missingEvidence().get(0).weight()).isEqualTo(0.25);
        assertThat(card.engagementWindow()).startsWith("the last 30 posts within 90 days");
        assertThat(card.details().engagement().window()).isEqualTo(EngagementRate.Window.RECENT);
        assertThat(card.unavailable()).noneSatisfy(u -> assertThat(u.metric()).isEqualTo("trustScore"));
    }

    @Test
    void occasionalPostersAreRatedOverTheirLast12PostsAndStayInThePool() {
        // Half the pool posts every 30 days (4 posts within 90 days), the other half every 3 days.
        List<AccountActivity> pool = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            pool.add(account(n, n % 2 == 0 ? 30 : 3));
        }
        List<Scorecard> cards = score(pool);
        assertThat(cards).allSatisfy(c -> assertThat(c.trustScore()).isNotNull());
        Scorecard occasional = cards.get(10);
        assertThat(occasional.details().engagement().window()).isEqualTo(EngagementRate.Window.LAST_POSTS);
        assertThat(occasional.engagementWindow()).startsWith("the last 12 posts, whatever their age");
        assertThat(occasional.engagementRate()).isCloseTo(0.11, within(1e-12));
        // Every account is in the peer group, so the percentiles are those of the whole pool of 12.
        double[] percentiles =
                cards.stream().mapToDouble(Scorecard::engagementRatePercentile).toArray();
        double[] expected = new double[12];
        Arrays.setAll(expected, n -> 100 * (n + 0.5) / 12);
        assertThat(percentiles).containsExactly(expected, within(1e-9));
        assertThat(occasional.components())
                .filteredOn(c -> c.component() == TrustComponent.ENGAGEMENT)
                .singleElement()
                .satisfies(c -> assertThat(c.basis()).contains("the last 12 posts"));
    }

    @Test
    void withoutAnEngagementRateAProfileWithCaptionsGetsNoScoreAndSaysWhatIsMissing() {
        List<AccountActivity> pool = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            AccountActivity a = account(n, 3);
            // Four posts only: too few for an engagement rate, enough for nothing else either.
            pool.add(new AccountActivity(
                    a.account(), a.posts().subList(0, 4), List.of(), List.of(), List.of(), List.of()));
        }
        Scorecard card = score(pool).get(0);
        assertThat(card.trustScore()).isNull();
        assertThat(card.trustLow()).isNull();
        assertThat(card.unavailable())
                .filteredOn(u -> u.metric().equals("trustScore"))
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("no engagement rate"));
        assertThat(card.missingEvidence())
                .extracting(Scorecard.MissingEvidence::component)
                .contains("engagement");
    }
}
