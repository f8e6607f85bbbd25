package io.microreach.campaigns;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The results of a creator or a whole campaign (PRODUCT.md "Campaign KPIs"). Money is in the campaign's currency.
 *
 * <p>Formulas: CPE = spend ÷ engagements, CPM = spend ÷ impressions × 1,000, CPC = spend ÷ clicks (people only),
 * CPA = spend ÷ conversions, ROAS = revenue ÷ spend, ROI = (revenue − spend) ÷ spend. A ratio whose denominator is 0
 * is {@code null} ("no value"), never NaN or infinity, so that a campaign without orders shows no CPA rather than an
 * infinite one. The derived values are always computed from the counts: the canonical constructor recomputes them, so
 * a record can never carry a ratio that disagrees with its counts.
 *
 * @param impressionsEstimated true when any of the impressions were estimated (from reach) instead of reported
 * @param clicks human clicks (robots, previews and prefetches are not clicks)
 * @param uniqueClicks distinct visitors among the clicks; for a campaign, the sum over its creators
 * @param conversions attributed orders
 * @param revenue the attributed orders' totals
 */
public record CampaignKpis(
        BigDecimal spend,
        long impressions,
        boolean impressionsEstimated,
        long engagements,
        long clicks,
        long uniqueClicks,
        long conversions,
        BigDecimal revenue,
        Double cpe,
        Double cpm,
        Double cpc,
        Double cpa,
        Double roas,
        Double roi) {

    /** Nothing spent, nothing measured. */
    public static final CampaignKpis ZERO = of(BigDecimal.ZERO, 0, false, 0, 0, 0, 0, BigDecimal.ZERO);

    public CampaignKpis {
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(revenue, "revenue");
        if (spend.signum() < 0) {
            throw new IllegalArgumentException("spend must be at least 0, got " + spend);
        }
        if (revenue.signum() < 0) {
            throw new IllegalArgumentException("revenue must be at least 0, got " + revenue);
        }
        nonNegative(impressions, "impressions");
        nonNegative(engagements, "engagements");
        nonNegative(clicks, "clicks");
        nonNegative(uniqueClicks, "uniqueClicks");
        nonNegative(conversions, "conversions");
        if (uniqueClicks > clicks) {
            throw new IllegalArgumentException(
                    "uniqueClicks (" + uniqueClicks + ") cannot exceed clicks (" + clicks + ")");
        }
        double s = spend.doubleValue();
        double r = revenue.doubleValue();
        cpe = ratio(s, engagements);
        cpm = impressions == 0 ? null : s / impressions * 1000.0;
        cpc = ratio(s, clicks);
        cpa = ratio(s, conversions);
        roas = spend.signum() == 0 ? null : r / s;
        roi = spend.signum() == 0
                ? null
                : revenue.subtract(spend).divide(spend, MathContext.DECIMAL64).doubleValue();
    }

    /** The KPIs of these counts, ratios derived. */
    public static CampaignKpis of(
            BigDecimal spend,
            long impressions,
            boolean impressionsEstimated,
            long engagements,
            long clicks,
            long uniqueClicks,
            long conversions,
            BigDecimal revenue) {
        return new CampaignKpis(
                spend,
                impressions,
                impressionsEstimated,
                engagements,
                clicks,
                uniqueClicks,
                conversions,
                revenue,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The sum of two creators' (or campaigns') results: counts and money add, ratios are derived again. */
    public CampaignKpis plus(CampaignKpis o) {
        return of(
                spend.add(o.spend),
                Math.addExact(impressions, o.impressions),
                impressionsEstimated || o.impressionsEstimated,
                Math.addExact(engagements, o.engagements),
                Math.addExact(clicks, o.clicks),
                Math.addExact(uniqueClicks, o.uniqueClicks),
                Math.addExact(conversions, o.conversions),
                revenue.add(o.revenue));
    }

    private static Double ratio(double numerator, long denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    private static void nonNegative(long v, String field) {
        if (v < 0) {
            throw new IllegalArgumentException(field + " must be at least 0, got " + v);
        }
    }
}
