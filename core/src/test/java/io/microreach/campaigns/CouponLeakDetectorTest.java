package io.microreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.Confidence;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CouponLeakDetectorTest {
    private static final Instant POST = Instant.parse("2026-06-01T18:00:00Z");
    private static final Duration WINDOW = AttributionRules.DEFAULT_WINDOW;
    private static final long CREATOR = 7;
    private final CouponLeakDetector detector = new CouponLeakDetector();

    /** 400 clicks over the three days after the post, one every ~11 minutes. */
    private static List<TrackedClick> clicks() {
        List<TrackedClick> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            out.add(new TrackedClick("c" + i, CREATOR, POST.plusSeconds(i * 648L)));
        }
        return out;
    }

    private static AttributedOrder codeOrder(String id, Instant at, String clickId) {
        return new AttributedOrder(
                new OrderEvent(id, at, new BigDecimal("40"), "EUR", "ANNA15", clickId),
                new Attribution(CREATOR, AttributionBasis.PROMO_CODE, "code"));
    }

    @Test
    void anHonestCreatorWithFortyPercentCodeOnlyOrdersIsNotALeak() {
        List<TrackedClick> clicks = clicks();
        List<AttributedOrder> orders = new ArrayList<>();
        // 12 orders that followed a click, 8 where the viewer typed the code: 40% code-only, in step with the clicks.
        for (int i = 0; i < 12; i++) {
            TrackedClick c = clicks.get(i * 30);
            orders.add(codeOrder("o" + i, c.at().plusSeconds(1800), c.clickId()));
        }
        for (int i = 0; i < 8; i++) {
            orders.add(codeOrder("t" + i, POST.plusSeconds(3600L + i * 20_000L), null));
        }
        CodeLeak v = detector.assess("ANNA15", 25_000L, clicks, orders, WINDOW);
        assertThat(v.assessable()).isTrue();
        assertThat(v.codeOrders()).isEqualTo(20);
        assertThat(v.codeOnlyOrders()).isEqualTo(8);
        assertThat(v.codeOnlyShare()).isEqualTo(0.4);
        assertThat(v.leak()).isFalse();
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(v.reasons()).anyMatch(s -> s.contains("8 of 20 code orders (40%)"));
        assertThat(v.reasons()).last().isEqualTo("no sign of a leak");
    }

    @Test
    void aBurstOfCodeOnlyOrdersWhileTheLinkIsQuietIsALeak() {
        List<TrackedClick> clicks = clicks();
        List<AttributedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TrackedClick c = clicks.get(i * 50);
            orders.add(codeOrder("o" + i, c.at().plusSeconds(600), c.clickId()));
        }
        // Eight days after the post the code is on a coupon site: 30 orders in 20 hours, no clicks then.
        Instant listed = POST.plus(Duration.ofDays(8));
        for (int i = 0; i < 30; i++) {
            orders.add(codeOrder("x" + i, listed.plusSeconds(i * 2400L), null));
        }
        CodeLeak v = detector.assess("anna15", 25_000L, clicks, orders, WINDOW);
        assertThat(v.leak()).isTrue();
        assertThat(v.codeOrders()).isEqualTo(36);
        assertThat(v.codeOnlyOrders()).isEqualTo(30);
        assertThat(v.burstOrders24h()).isEqualTo(30);
        assertThat(v.burstOrders1h()).isEqualTo(2);
        assertThat(v.burstStart()).isEqualTo(listed);
        assertThat(v.clicksInBurst()).isZero();
        assertThat(v.burstRatio()).isEqualTo(30.0);
        assertThat(v.expectedFromReach())
                .isCloseTo(25_000 * 0.38 * 0.005, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(v.beyondReach()).isLessThan(CouponLeakDetector.MIN_BEYOND_REACH);
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.reasons()).last().asString().contains("in a burst");
    }

    @Test
    void ordersFarBeyondASmallAudienceAreALeakWithoutABurst() {
        List<AttributedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(codeOrder("x" + i, POST.plus(Duration.ofDays(i)), null));
        }
        CodeLeak v = detector.assess("ANNA15", 1_000L, List.of(), orders, WINDOW);
        assertThat(v.burstOrders24h()).isEqualTo(1);
        assertThat(v.beyondReach()).isCloseTo(12 / 1.9, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(v.leak()).isTrue();
        CodeLeak unknownReach = detector.assess("ANNA15", null, List.of(), orders, WINDOW);
        assertThat(unknownReach.leak()).isFalse();
        assertThat(unknownReach.beyondReach()).isNull();
        assertThat(unknownReach.reasons()).contains("follower count unknown: reach not checked");
    }

    @Test
    void tooFewCodeOrdersGetNoVerdict() {
        List<AttributedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(codeOrder("x" + i, POST.plusSeconds(60L * i), null));
        }
        CodeLeak v = detector.assess("ANNA15", 500L, List.of(), orders, WINDOW);
        assertThat(v.assessable()).isFalse();
        assertThat(v.leak()).isFalse();
        assertThat(v.confidence()).isEqualTo(Confidence.NONE);
        assertThat(v.reasons()).containsExactly("not assessable: 4 code orders, at least 5 are needed");
    }

    @Test
    void clickOrdersAndOtherCreatorsClicksAreNotWhatTheyAreNot() {
        List<TrackedClick> clicks = List.of(
                new TrackedClick("mine", CREATOR, POST),
                new TrackedClick("old", CREATOR, POST.minus(Duration.ofDays(9))));
        List<AttributedOrder> orders = List.of(
                codeOrder("a", POST.plusSeconds(60), "mine"),
                codeOrder("b", POST.plusSeconds(60), "old"), // outside the window: code-only
                codeOrder("c", POST.plusSeconds(60), "someone-elses"),
                codeOrder("d", POST.minusSeconds(120), "mine"), // clock skew: still the click's order
                new AttributedOrder(
                        new OrderEvent("e", POST, BigDecimal.ONE, "EUR", null, "mine"),
                        new Attribution(CREATOR, AttributionBasis.CLICK, "click")));
        CodeLeak v = detector.assess("ANNA15", 10_000L, clicks, orders, WINDOW);
        assertThat(v.codeOrders()).isEqualTo(4);
        assertThat(v.codeOnlyOrders()).isEqualTo(2);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Counts and bursts against a brute-force reference on random orders and clicks. */
    @ParameterizedTest
    @MethodSource("seeds")
    void countsMatchABruteForceReference(long seed) {
        Random r = new Random(seed);
        List<TrackedClick> clicks = new ArrayList<>();
        int nClicks = r.nextInt(60);
        for (int i = 0; i < nClicks; i++) {
            clicks.add(
                    new TrackedClick("c" + i, r.nextInt(4) == 0 ? 99 : CREATOR, POST.plusSeconds(r.nextInt(864_000))));
        }
        List<AttributedOrder> orders = new ArrayList<>();
        int nOrders = r.nextInt(40);
        for (int i = 0; i < nOrders; i++) {
            String clickId = nClicks > 0 && r.nextBoolean() ? "c" + r.nextInt(nClicks) : null;
            orders.add(codeOrder("o" + i, POST.plusSeconds(r.nextInt(1_200_000)), clickId));
        }
        CodeLeak v = detector.assess("ANNA15", (long) r.nextInt(50_000), clicks, orders, WINDOW);

        List<Instant> codeOnly = new ArrayList<>();
        for (AttributedOrder o : orders) {
            boolean clicked = false;
            for (TrackedClick c : clicks) {
                if (c.clickId().equals(o.order().clickId()) && c.creatorId() == CREATOR) {
                    Duration age = Duration.between(c.at(), o.order().createdAt());
                    clicked = age.compareTo(Duration.ofMinutes(-5)) >= 0 && age.compareTo(WINDOW) <= 0;
                }
            }
            if (!clicked) {
                codeOnly.add(o.order().createdAt());
            }
        }
        int best24 = 0;
        int best1 = 0;
        for (Instant a : codeOnly) {
            int n24 = 0;
            int n1 = 0;
            for (Instant b : codeOnly) {
                if (!b.isBefore(a) && b.isBefore(a.plus(Duration.ofHours(24)))) {
                    n24++;
                }
                if (!b.isBefore(a) && b.isBefore(a.plus(Duration.ofHours(1)))) {
                    n1++;
                }
            }
            best24 = Math.max(best24, n24);
            best1 = Math.max(best1, n1);
        }
        assertThat(v.codeOrders()).isEqualTo(nOrders);
        assertThat(v.codeOnlyOrders()).isEqualTo(codeOnly.size());
        assertThat(v.burstOrders24h()).isEqualTo(best24);
        assertThat(v.burstOrders1h()).isEqualTo(best1);
        assertThat(v.assessable()).isEqualTo(nOrders >= CouponLeakDetector.MIN_CODE_ORDERS);
        if (!v.assessable()) {
            assertThat(v.leak()).isFalse();
        }
    }
}
