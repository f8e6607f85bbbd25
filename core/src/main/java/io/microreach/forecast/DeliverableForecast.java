package io.microreach.forecast;

import io.microreach.pricing.Deliverable;
import java.util.List;

/**
 * Forecast of one deliverable (or the sum over a creator's deliverables, see {@link #plus}).
 *
 * <p>Engagements = followers × ER quantile (ER by followers, PRODUCT.md); impressions = followers × reach rate ×
 * format factor, moved by the same relative spread as engagement (a post that engages twice as well is shown to more
 * people); clicks = impressions × CTR; conversions = clicks × conversion rate; revenue = conversions × AOV.
 */
public record DeliverableForecast(
        List<Deliverable> deliverables,
        Band impressions,
        Band engagements,
        Band clicks,
        Band conversions,
        Band revenue) {

    public DeliverableForecast {
        deliverables = List.copyOf(deliverables);
    }

    public static DeliverableForecast of(
            Deliverable deliverable, long followers, EngagementSpread spread, BrandRates rates) {
        double reach = followers * ReachRates.feedReachRate(followers) * ReachRates.formatFactor(deliverable);
        double rel10 = spread.p10() / spread.p50();
        double rel90 = spread.p90() / spread.p50();
        Band impressions = new Band(reach * rel10, reach, reach * rel90);
        double formatEngagement = deliverable == Deliverable.STORY ? 0.5 : 1.0;
        Band engagements = new Band(spread.p10(), spread.p50(), spread.p90()).times(followers * formatEngagement);
        Band clicks = impressions.times(rates.ctr());
        Band conversions = clicks.times(rates.conversionRate());
        Band revenue = conversions.times(rates.averageOrderValue());
        return new DeliverableForecast(List.of(deliverable), impressions, engagements, clicks, conversions, revenue);
    }

    public DeliverableForecast plus(DeliverableForecast o) {
        java.util.ArrayList<Deliverable> ds = new java.util.ArrayList<>(deliverables);
        ds.addAll(o.deliverables);
        return new DeliverableForecast(
                ds,
                impressions.plus(o.impressions),
                engagements.plus(o.engagements),
                clicks.plus(o.clicks),
                conversions.plus(o.conversions),
                revenue.plus(o.revenue));
    }

    public static DeliverableForecast empty() {
        return new DeliverableForecast(List.of(), Band.ZERO, Band.ZERO, Band.ZERO, Band.ZERO, Band.ZERO);
    }
}
