package io.microreach.signals.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import io.microreach.signals.trust.TrustWeights;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline a full rescore assembles from the inputs kept in memory ({@link ScorecardAssembler#headline}) is the
 * headline of the full scorecard ({@link ScorecardAssembler#assemble}) on every account of two generated pools: a
 * planted one, and a sparse one (few posts, few comments, small follower samples, short histories) where many
 * components and trust scores are unavailable. A third of the accounts get random niches.
 */
class HeadlineTest {
    @TempDir
    static Path rich;

    @TempDir
    static Path sparse;

    static List<AccountSignals> signals;
    static PoolStatistics pool;
    static ScorecardAssembler assembler;

    @BeforeAll
    static void measure() {
        SignalSuite suite = new SignalSuite();
        List<GeneratedPool.Member> members = Stream.concat(
                        GeneratedPool.generate(GeneratorConfig.of(150, 5).withFollowerSampleSize(120), rich).stream(),
                        GeneratedPool.generate(
                                GeneratorConfig.of(150, 6)
                                        .withPostsPerCreator(4)
                                        .withCommentedPosts(1)
                                        .withFollowerSampleSize(15)
                                        .withHistoryDays(3),
                                sparse)
                                .stream())
                .toList();
        Random random = new Random(11);
        List<String> niches = List.of("fitness", "food", "travel");
        signals = new ArrayList<>();
        for (GeneratedPool.Member m : members) {
            List<String> niche =
                    random.nextInt(3) == 0 ? List.of(niches.get(random.nextInt(niches.size()))) : List.of();
            signals.add(suite.measure(m.activity(), niche));
        }
        PoolStatistics.Builder builder = PoolStatistics.builder().nicheMinimumPeers(5);
        signals.forEach(s -> builder.add(HeadlineInputs.of(s).peers()));
        pool = builder.build();
        assembler = new ScorecardAssembler(TrustWeights.DEFAULT, suite.anomalyDetector());
    }

    @Test
    void headlineFromTheInputsIsTheScorecardsHeadline() {
        for (AccountSignals s : signals) {
            Scorecard card = assembler.assemble(s, pool, Instant.parse("2026-11-01T00:00:00Z"));
            HeadlineInputs in = HeadlineInputs.of(s);
            Headline h = assembler.headline(in, pool);
            String who = s.platform().id() + "/" + s.handle();
            assertThat(h.trustScore()).as(who).isEqualTo(card.trustScore());
            assertThat(h.engagementRatePercentile()).as(who).isEqualTo(card.engagementRatePercentile());
            assertThat(h.anomalyCount()).as(who).isEqualTo(card.anomalies().count());
            // The stored columns that come from the inputs unchanged.
            assertThat(in.peers()).as(who).isEqualTo(PeerRow.of(s));
            assertThat(in.peers().tier().id()).as(who).isEqualTo(card.tier());
            assertThat(in.peers().engagementRate()).as(who).isEqualTo(card.engagementRate());
            assertThat(in.peers().replyRate()).as(who).isEqualTo(card.replyRate());
            assertThat(in.replyDelayHours()).as(who).isEqualTo(card.replyDelayHours());
            assertThat(in.peers().sponsoredShare()).as(who).isEqualTo(card.sponsoredShare());
            assertThat(in.peers().cohesion()).as(who).isEqualTo(card.cohesion());
            var sus = card.suspiciousShare();
            if (sus == null) {
                assertThat(in.suspicious()).as(who).isNull();
            } else {
                assertThat(in.suspicious().share()).as(who).isEqualTo(sus.estimate());
                assertThat(in.suspicious().low()).as(who).isEqualTo(sus.low());
                assertThat(in.suspicious().high()).as(who).isEqualTo(sus.high());
                assertThat(in.suspiciousSample()).as(who).isEqualTo(sus.sampleSize());
            }
        }
    }

    @Test
    void thePoolsReachEveryBranchTheHeadlineTakes() {
        List<Scorecard> cards = signals.stream()
                .map(s -> assembler.assemble(s, pool, Instant.parse("2026-11-01T00:00:00Z")))
                .toList();
        assertThat(cards).anySatisfy(c -> assertThat(c.trustScore()).isNull());
        assertThat(cards).anySatisfy(c -> assertThat(c.trustScore()).isNotNull());
        assertThat(cards)
                .anySatisfy(c -> assertThat(c.engagementRatePercentile()).isNull());
        assertThat(cards).anySatisfy(c -> assertThat(c.replyRate()).isNull());
        assertThat(cards).anySatisfy(c -> assertThat(c.suspiciousShare()).isNull());
        assertThat(cards).anySatisfy(c -> assertThat(c.cohesion()).isNull());
        assertThat(cards).anySatisfy(c -> assertThat(c.anomalies().count()).isPositive());
        assertThat(cards)
                .anySatisfy(c -> assertThat(c.anomalies().likeCommentOutlier()).isNotNull());
    }

    @Test
    void otherNichesChangeOnlyTheNiches() {
        HeadlineInputs in = HeadlineInputs.of(signals.get(0));
        HeadlineInputs moved = in.withNiches(List.of("food"));
        assertThat(moved.peers()).isEqualTo(in.peers().withNiches(List.of("food")));
        assertThat(moved.withNiches(in.peers().niches())).isEqualTo(in);
    }
}
