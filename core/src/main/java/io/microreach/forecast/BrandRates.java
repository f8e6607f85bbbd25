package io.microreach.forecast;

/**
 * The brand's funnel rates. Defaults are middle-of-the-road public benchmarks for influencer traffic, to be replaced
 * by the brand's own numbers: click-through 1% of impressions (link in bio / swipe-up traffic is typically 0.5–2%),
 * conversion 2% of clicks (e-commerce average 1–3%), average order value 50 (in the plan's currency), gross margin 40%.
 *
 * @param ctr clicks per impression
 * @param conversionRate conversions per click
 * @param averageOrderValue revenue per conversion
 * @param margin share of revenue that is profit before the creator's fee
 */
public record BrandRates(double ctr, double conversionRate, double averageOrderValue, double margin) {
    public static final BrandRates DEFAULTS = new BrandRates(0.01, 0.02, 50.0, 0.4);

    public BrandRates {
        check(ctr, "ctr");
        check(conversionRate, "conversionRate");
        check(margin, "margin");
        if (!(averageOrderValue >= 0) || Double.isInfinite(averageOrderValue)) {
            throw new IllegalArgumentException("averageOrderValue must be >= 0, got " + averageOrderValue);
        }
    }

    private static void check(double v, String field) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1, got " + v);
        }
    }
}
