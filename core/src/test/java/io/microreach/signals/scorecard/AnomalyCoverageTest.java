package io.microreach.signals.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import io.microreach.signals.trust.ScoredComponent;
import io.microreach.signals.trust.TrustComponent;
import io.microreach.signals.trust.TrustWeights;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engagement-anomaly component earns points only for the checks that ran: three generated pools, one with every
 * kind of data, one with follower history but no comment records (spikes only), one with comments but 3 days of
 * history (no spike check). The component's coverage is the sum of the shares of the checks that ran, its goodness is
 * measured over them, the unchecked share is listed as missing evidence, and with no check at all it is "not checked".
 */
class AnomalyCoverageTest {
    @TempDir
    static Path full;

    @TempDir
    static Path noComments;

    @TempDir
    static Path shortHistory;

    static List<AccountSignals> signals;
    static List<Scorecard> cards;
    /** Indices into {@link #signals} of the pool without comment records (a creator may have several accounts). */
    static int noCommentsFrom;

    static int noCommentsTo;

    @BeforeAll
    static void measure() {
        SignalSuite suite = new SignalSuite();
        List<GeneratedPool.Member> first = GeneratedPool.generate(GeneratorConfig.of(80, 31), full);
        List<GeneratedPool.Member> second =
                GeneratedPool.generate(GeneratorConfig.of(80, 32).withCommentedPosts(0), noComments);
        noCommentsFrom = first.size();
        noCommentsTo = first.size() + second.size();
        List<GeneratedPool.Member> members = Stream.of(
                        first,
                        second,
                        GeneratedPool.generate(GeneratorConfig.of(80, 33).withHistoryDays(3), shortHistory))
                .flatMap(List::stream)
                .toList();
        signals = members.stream().map(m -> suite.measure(m.activity())).toList();
        PoolStatistics.Builder builder = PoolStatistics.builder();
        signals.forEach(s -> builder.add(HeadlineInputs.of(s).peers()));
        PoolStatistics pool = builder.build();
        ScorecardAssembler assembler = new ScorecardAssembler(TrustWeights.DEFAULT, suite.anomalyDetector());
        cards = new ArrayList<>();
        for (AccountSignals s : signals) {
            cards.add(assembler.assemble(s, pool, Instant.parse("2026-11-01T00:00:00Z")));
        }
    }

    private static ScoredComponent anomalies(Scorecard card) {
        return card.components().stream()
                .filter(c -> c.component() == TrustComponent.NO_ANOMALIES)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void coverageIsTheShareOfTheChecksThatRanAndOnlyTheyEarnPoints() {
        int partial = 0;
        int none = 0;
        for (int i = 0; i < cards.size(); i++) {
            AccountSignals s = signals.get(i);
            Scorecard card = cards.get(i);
            ScoredComponent c = anomalies(card);
            boolean spikes = s.spikes().available();
            boolean pods = s.pods().available();
            boolean ratio = card.anomalies().likeCommentOutlier() != null
                    || c.basis() != null && c.basis().contains("like-to-comment ratio (normal)");
            double expected = (spikes ? 0.5 : 0) + (pods ? 0.3 : 0) + (ratio ? 0.2 : 0);
            String who = s.handle();
            if (expected == 0) {
                none++;
                assertThat(c.unavailableReason()).as(who).startsWith("not checked");
                assertThat(c.contribution()).as(who).isZero();
                continue;
            }
            assertThat(c.unavailableReason()).as(who).isNull();
            assertThat(c.coverage()).as(who).isCloseTo(expected, within(1e-9));
            double clean = (spikes && s.spikes().spikes().isEmpty() ? 0.5 : 0)
                    + (pods && s.pods().pod() == null ? 0.3 : 0)
                    + (ratio && card.anomalies().likeCommentOutlier() == null ? 0.2 : 0);
            assertThat(c.goodness()).as(who).isCloseTo(clean / expected, within(1e-9));
            if (expected < 1) {
                partial++;
                assertThat(c.basis()).as(who).contains("not checked, so not counted");
                if (card.trustScore() != null) {
                    assertThat(card.missingEvidence()).as(who).anySatisfy(m -> {
                        assertThat(m.component()).isEqualTo("no_anomalies");
                        assertThat(m.weight()).isCloseTo(0.10 * (1 - expected), within(1e-9));
                        assertThat(m.reason()).startsWith("partly checked");
                    });
                    // The unchecked share widens the band like any missing evidence.
                    assertThat(card.trustHigh() - card.trustLow())
                            .as(who)
                            .isGreaterThanOrEqualTo(100 * 0.10 * (1 - expected) - 0.2);
                }
            }
        }
        assertThat(partial).as("accounts with some anomaly checks not run").isPositive();
        assertThat(none + partial).isLessThan(cards.size());
    }

    @Test
    void withoutCommentRecordsNoPodCheckRunsAndTheSpikeScanAloneCannotEarnFullPoints() {
        for (int i = noCommentsFrom; i < noCommentsTo; i++) {
            ScoredComponent c = anomalies(cards.get(i));
            assertThat(signals.get(i).pods().available()).isFalse();
            if (c.unavailableReason() == null) {
                assertThat(c.coverage()).as(signals.get(i).handle()).isLessThanOrEqualTo(0.7 + 1e-9);
                assertThat(c.contribution())
                        .as("a clean spike scan is not evidence that there is no comment pod")
                        .isLessThan(100 * 0.10 / cards.get(i).trustCoveredWeight() + 1e-9);
            }
        }
    }
}
