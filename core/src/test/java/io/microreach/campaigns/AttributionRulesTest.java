package io.microreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttributionRulesTest {
    private static final Instant T = Instant.parse("2026-05-10T12:00:00Z");
    private final AttributionRules rules = new AttributionRules(AttributionRules.DEFAULT_WINDOW);
    private final Map<String, Long> codes = Map.of("ANNA15", 1L, "BEN10", 2L);
    private final Map<String, TrackedClick> clicks = Map.of(
            "c-ben", new TrackedClick("c-ben", 2L, T.minus(Duration.ofDays(2))),
            "c-old", new TrackedClick("c-old", 2L, T.minus(Duration.ofDays(8))),
            "c-late", new TrackedClick("c-late", 2L, T.plus(Duration.ofHours(1))),
            "c-skew", new TrackedClick("c-skew", 2L, T.plus(Duration.ofMinutes(2))));

    private Attribution attribute(String code, String click) {
        OrderEvent order = new OrderEvent("o1", T, new BigDecimal("40.00"), "EUR", code, click);
        return rules.attribute(
                order,
                c -> codes.containsKey(c) ? OptionalLong.of(codes.get(c)) : OptionalLong.empty(),
                id -> Optional.ofNullable(clicks.get(id)));
    }

    @Test
    void theCreatorsPromoCodeWinsOverAnotherCreatorsClick() {
        Attribution a = attribute("ANNA15", "c-ben");
        assertThat(a.creatorId()).isEqualTo(1L);
        assertThat(a.basis()).isEqualTo(AttributionBasis.PROMO_CODE);
    }

    @Test
    void aClickInsideTheWindowCreditsItsCreator() {
        Attribution a = attribute(null, "c-ben");
        assertThat(a.creatorId()).isEqualTo(2L);
        assertThat(a.basis()).isEqualTo(AttributionBasis.CLICK);
    }

    @Test
    void anUnknownCodeFallsBackToTheClick() {
        assertThat(attribute("SUMMER", "c-ben").creatorId()).isEqualTo(2L);
        assertThat(attribute("SUMMER", null).reason()).contains("SUMMER belongs to no creator");
    }

    @Test
    void clicksOutsideTheWindowOrAfterTheOrderCreditNobody() {
        assertThat(attribute(null, "c-old").basis()).isEqualTo(AttributionBasis.NONE);
        assertThat(attribute(null, "c-old").reason()).contains("outside the 7-day window");
        assertThat(attribute(null, "c-late").reason()).contains("after the order");
        assertThat(attribute(null, "c-unknown").reason()).contains("unknown");
        assertThat(attribute(null, null).attributed()).isFalse();
    }

    @Test
    void aClickAFewMinutesAfterTheOrderStampIsClockSkew() {
        assertThat(attribute(null, "c-skew").creatorId()).isEqualTo(2L);
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new AttributionRules(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 300);
    }

    /** Property against the written rule, over random click ages and windows. */
    @ParameterizedTest
    @MethodSource("seeds")
    void aClickCountsExactlyWhenItLiesInTheWindow(long seed) {
        Random random = new Random(seed);
        long minutesBefore = random.nextInt(40_001) - 20_000;
        long windowDays = 1 + random.nextInt(30);
        AttributionRules r = new AttributionRules(Duration.ofDays(windowDays));
        TrackedClick click = new TrackedClick("c", 7L, T.minus(Duration.ofMinutes(minutesBefore)));
        Attribution a = r.attribute(
                new OrderEvent("o", T, BigDecimal.ONE, "EUR", null, "c"),
                c -> OptionalLong.empty(),
                id -> Optional.of(click));
        boolean inside = minutesBefore >= -AttributionRules.CLOCK_SKEW.toMinutes()
                && minutesBefore <= Duration.ofDays(windowDays).toMinutes();
        assertThat(a.attributed()).isEqualTo(inside);
        assertThat(a.creatorId()).isEqualTo(inside ? 7L : null);
    }
}
