package io.microreach.campaigns;

import static io.microreach.campaigns.DeliverableStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.forecast.Band;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReliabilityHistoryTest {
    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);
    private static final Band BAND = new Band(100, 200, 400);

    @Test
    void knownAnswers() {
        ReliabilityHistory h = ReliabilityHistory.of(List.of(
                new PastDeliverable(PAID, DUE, DUE, 0, true, BAND, 250L),
                new PastDeliverable(PUBLISHED, DUE, DUE.plusDays(2), 2, false, BAND, 50L),
                new PastDeliverable(GHOSTED, DUE, null, 0, null, null, null),
                new PastDeliverable(DECLINED, DUE, null, 0, null, null, null),
                new PastDeliverable(ACCEPTED, DUE, null, 0, null, null, null)));
        assertThat(h.hasHistory()).isTrue();
        assertThat(h.deliverables()).isEqualTo(5);
        assertThat(h.onTimeRate()).isEqualTo(1.0 / 3);
        assertThat(h.onTimeDenominator()).isEqualTo(3);
        assertThat(h.ghostingRate()).isEqualTo(0.25);
        assertThat(h.meanRevisions()).isEqualTo(1.0);
        assertThat(h.disclosureMisses()).isEqualTo(1);
        assertThat(h.disclosureChecked()).isEqualTo(2);
        assertThat(h.forecastHitRate()).isEqualTo(0.5);
        // score = mean(1/3, 1 - 1/4, 1 - 1/2) = 19/36
        assertThat(h.rankingFactor(0.3))
                .isCloseTo(1 - 0.3 * (1 - 19.0 / 36), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void withoutHistoryTheFactorIsExactlyOne() {
        ReliabilityHistory none = ReliabilityHistory.of(List.of());
        assertThat(none.hasHistory()).isFalse();
        assertThat(none.rankingFactor(1.0)).isEqualTo(1.0);
        assertThat(none.onTimeRate()).isNull();
        ReliabilityHistory pending =
                ReliabilityHistory.of(List.of(new PastDeliverable(INVITED, DUE, null, 0, null, null, null)));
        assertThat(pending.hasHistory()).isFalse();
        assertThat(pending.rankingFactor(0.5)).isEqualTo(1.0);
        assertThatThrownBy(() -> none.rankingFactor(1.5)).hasMessageContaining("weight");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void factorStaysWithinOneMinusWeightAndOne(long seed) {
        Random r = new Random(seed);
        List<PastDeliverable> past = new ArrayList<>();
        DeliverableStatus[] all = DeliverableStatus.values();
        int n = r.nextInt(8);
        int ghosted = 0;
        int outcomes = 0;
        for (int i = 0; i < n; i++) {
            DeliverableStatus s = all[r.nextInt(all.length)];
            ghosted += s == GHOSTED ? 1 : 0;
            outcomes += s.isPublished() || s == GHOSTED || s == DECLINED ? 1 : 0;
            past.add(new PastDeliverable(
                    s,
                    DUE,
                    s.isPublished() ? DUE.plusDays(r.nextInt(5) - 2) : null,
                    r.nextInt(3),
                    s.isPublished() ? r.nextBoolean() : null,
                    BAND,
                    (long) r.nextInt(600)));
        }
        ReliabilityHistory h = ReliabilityHistory.of(past);
        double w = r.nextDouble();
        double f = h.rankingFactor(w);
        assertThat(f).isBetween(1 - w - 1e-12, 1.0);
        assertThat(h.ghostingRate()).isEqualTo(outcomes == 0 ? null : (double) ghosted / outcomes);
        if (!h.hasHistory()) {
            assertThat(f).isEqualTo(1.0);
        }
    }
}
