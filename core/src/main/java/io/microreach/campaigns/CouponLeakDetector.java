package io.microreach.campaigns;

import io.microreach.signals.Confidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a creator's promo code has probably leaked, e.g. onto a coupon site, where anyone finds it and the creator
 * earns credit for sales they did not bring.
 *
 * <p><b>Why not simply "orders without a click".</b> Honest creators get many code-only orders: a viewer sees the
 * code in a story, video or podcast and types it at checkout without ever tapping the link. Affiliate practice and
 * our generated campaigns put that share at 20–60% of an honest creator's code orders. A leak shows in what comes
 * <i>with</i> the code-only orders: they arrive when the creator's own link is quiet (the coupon site's visitors never
 * saw the creator's post), in a burst after the code is listed, and in numbers the creator's audience cannot explain.
 *
 * <p><b>Rule.</b> A code is assessable from {@value #MIN_CODE_ORDERS} code orders on; below that it gets no verdict
 * and confidence NONE. It has leaked when its code-only share is at least {@value #MIN_CODE_ONLY_SHARE} and at least
 * one of:
 *
 * <ul>
 *   <li><b>bursty</b>: some 24 hours hold at least {@value #MIN_BURST_ORDERS} code-only orders and at least {@value
 *       #MIN_BURST_RATIO} times as many as the creator's clicks of those 24 hours can explain, at a generous {@value
 *       #MAX_CODE_ONLY_PER_CLICK} code-only orders per click (shops convert 1–6% of a creator's clicks, and an
 *       honest creator's code-only orders are at most 1.5 times the clicked orders that carry the code, under half of
 *       them: about 4 code-only orders per 100 clicks at the very top, 1–2 typically, in the same hours as the
 *       clicks because both come from the same post);
 *   <li><b>far beyond reach</b>: the code orders are at least {@value #MIN_BEYOND_REACH} times what the audience
 *       can bring: followers × {@value #REACH} (share of followers a post reaches) × {@value #MAX_ORDERS_PER_REACHED}
 *       (a generous ceiling of orders per reached follower; typical campaigns see a tenth of it).
 * </ul>
 *
 * <p>A code-only order is a code order whose click id is missing, or is not a click of this creator's link, or that
 * click came outside the attribution window before the order (clock skew as in {@link AttributionRules}).
 *
 * <p><b>Confidence.</b> From the number of code orders ({@link Confidence#of}: {@value #MIN_CODE_ORDERS} minimum,
 * {@value #HIGH_CODE_ORDERS} high); a leak that is both bursty and far beyond reach is reported one step higher
 * (never above HIGH), one that only just passes is reported as it is.
 *
 * <p><b>Tuning.</b> The thresholds were set on generated campaigns of seeds 1–20 and checked on seeds 101–120 (see
 * docs/campaigns.md "Coupon leaks").
 */
public final class CouponLeakDetector {
    /** Fewer code orders than this: no verdict. */
    public static final int MIN_CODE_ORDERS = 5;

    /** From this many code orders on the confidence is high. */
    public static final int HIGH_CODE_ORDERS = 30;

    /** Honest creators stay at or below about 0.6. */
    public static final double MIN_CODE_ONLY_SHARE = 0.7;

    public static final int MIN_BURST_ORDERS = 5;
    public static final double MIN_BURST_RATIO = 2.0;
    public static final double MAX_CODE_ONLY_PER_CLICK = 0.03;

    public static final double REACH = 0.38;
    public static final double MAX_ORDERS_PER_REACHED = 0.005;
    public static final double MIN_BEYOND_REACH = 2.0;

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofHours(24);

    /**
     * Judges one creator's code.
     *
     * @param promoCode the creator's promo code
     * @param followers the creator's follower count, or null when unknown (then only the burst can show a leak)
     * @param clicks the creator's human clicks (robots and previews already screened out)
     * @param orders the orders credited to the creator, each with its attribution; orders credited by click count
     *     as clicks' orders, not as code orders
     * @param window the attribution window
     */
    public CodeLeak assess(
            String promoCode,
            Long followers,
            List<TrackedClick> clicks,
            List<AttributedOrder> orders,
            Duration window) {
        Objects.requireNonNull(promoCode, "promoCode");
        Objects.requireNonNull(clicks, "clicks");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(window, "window");
        if (followers != null && followers < 0) {
            throw new IllegalArgumentException("followers must be at least 0, got " + followers);
        }
        Map<String, TrackedClick> byId = new HashMap<>();
        for (TrackedClick c : clicks) {
            byId.put(c.clickId(), c);
        }
        long creator = -1;
        int codeOrders = 0;
        List<Instant> codeOnly = new ArrayList<>();
        for (AttributedOrder o : orders) {
            if (o.attribution().basis() != AttributionBasis.PROMO_CODE
                    || o.order().promoCode() == null
                    || !o.order().promoCode().equalsIgnoreCase(promoCode)) {
                continue;
            }
            codeOrders++;
            creator = o.attribution().creatorId();
            TrackedClick click =
                    o.order().clickId() == null ? null : byId.get(o.order().clickId());
            if (click == null
                    || click.creatorId() != creator
                    || !inWindow(click.at(), o.order().createdAt(), window)) {
                codeOnly.add(o.order().createdAt());
            }
        }
        codeOnly.sort(null);
        List<Instant> clickTimes = new ArrayList<>(clicks.size());
        clicks.forEach(c -> clickTimes.add(c.at()));
        clickTimes.sort(null);

        Double share = codeOrders == 0 ? null : (double) codeOnly.size() / codeOrders;
        int burst1h = mostWithin(codeOnly, HOUR).count();
        Window burst = mostWithin(codeOnly, DAY);
        int clicksInBurst = burst.start() == null ? 0 : countWithin(clickTimes, burst.start(), DAY);
        Double burstRatio =
                burst.start() == null ? null : burst.count() / Math.max(1.0, clicksInBurst * MAX_CODE_ONLY_PER_CLICK);
        Double expected = followers == null ? null : followers * REACH * MAX_ORDERS_PER_REACHED;
        Double beyond = expected == null ? null : codeOrders / Math.max(1.0, expected);

        List<String> reasons = new ArrayList<>();
        if (codeOrders < MIN_CODE_ORDERS) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "not assessable: %d code orders, at least %d are needed",
                    codeOrders,
                    MIN_CODE_ORDERS));
            return new CodeLeak(
                    promoCode,
                    codeOrders,
                    codeOnly.size(),
                    share,
                    burst1h,
                    burst.count(),
                    burst.start(),
                    clicksInBurst,
                    burstRatio,
                    expected,
                    beyond,
                    false,
                    false,
                    Confidence.NONE,
                    reasons);
        }
        boolean codeOnlyHigh = share >= MIN_CODE_ONLY_SHARE;
        boolean bursty = burst.count() >= MIN_BURST_ORDERS && burstRatio >= MIN_BURST_RATIO;
        boolean farBeyond = beyond != null && beyond >= MIN_BEYOND_REACH;
        reasons.add(String.format(
                Locale.ROOT,
                "%d of %d code orders (%.0f%%) came without a click on the creator's link%s",
                codeOnly.size(),
                codeOrders,
                share * 100,
                codeOnlyHigh ? "" : " (honest creators see 20–60%)"));
        if (burst.count() > 0) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%d code-only orders within 24 hours from %s (%d within one hour) while the link had %d clicks:"
                            + " %.1f times what those clicks explain",
                    burst.count(),
                    burst.start(),
                    burst1h,
                    clicksInBurst,
                    burstRatio));
        }
        if (beyond != null) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "%d code orders against at most %.1f expected from %,d followers: %.1f times the reach",
                    codeOrders,
                    expected,
                    followers,
                    beyond));
        } else {
            reasons.add("follower count unknown: reach not checked");
        }
        boolean leak = codeOnlyHigh && (bursty || farBeyond);
        Confidence confidence = Confidence.of(codeOrders, MIN_CODE_ORDERS, HIGH_CODE_ORDERS);
        if (leak && bursty && farBeyond && confidence != Confidence.HIGH) {
            confidence = Confidence.values()[confidence.ordinal() + 1];
        }
        reasons.add(
                leak
                        ? "probable leak: mostly code-only orders, " + (bursty ? "in a burst" : "")
                                + (bursty && farBeyond ? " and " : "")
                                + (farBeyond ? "far beyond the creator's reach" : "")
                        : "no sign of a leak");
        return new CodeLeak(
                promoCode,
                codeOrders,
                codeOnly.size(),
                share,
                burst1h,
                burst.count(),
                burst.start(),
                clicksInBurst,
                burstRatio,
                expected,
                beyond,
                true,
                leak,
                confidence,
                reasons);
    }

    private static boolean inWindow(Instant click, Instant order, Duration window) {
        Duration age = Duration.between(click, order);
        return age.compareTo(AttributionRules.CLOCK_SKEW.negated()) >= 0 && age.compareTo(window) <= 0;
    }

    private record Window(Instant start, int count) {}

    /** The most sorted times within any span of {@code length} starting at one of them (two pointers). */
    private static Window mostWithin(List<Instant> sorted, Duration length) {
        int best = 0;
        Instant start = null;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Instant end = sorted.get(i).plus(length);
            if (j < i) {
                j = i;
            }
            while (j < sorted.size() && sorted.get(j).isBefore(end)) {
                j++;
            }
            if (j - i > best) {
                best = j - i;
                start = sorted.get(i);
            }
        }
        return new Window(start, best);
    }

    private static int countWithin(List<Instant> sorted, Instant start, Duration length) {
        Instant end = start.plus(length);
        int n = 0;
        for (Instant t : sorted) {
            if (!t.isBefore(start) && t.isBefore(end)) {
                n++;
            }
        }
        return n;
    }
}
