package io.microreach.app.campaigns;

import io.microreach.campaigns.MissingItem;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.signals.Confidence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign's results (the contract of {@code campaign report --json} and {@code GET /api/campaigns/{id}/report}):
 * the KPIs of the whole campaign, the same per creator with the plan's forecast band beside the actual, the promo
 * codes that probably leaked, the published posts that miss their disclosure or a requirement, the UGC, the days, and
 * the "small vs big" comparison. Money is in the campaign's currency; ratios are null when their denominator is 0.
 *
 * @param impressionsEstimated true when some impressions were estimated from reach (the post reports no views)
 * @param insideForecast whether the actual engagements fell inside the forecast's P10–P90; null until every
 *     forecast deliverable is published, or without a forecast
 * @param screened requests to the tracking links that were not a person's click (robots, previews, prefetches, HEAD)
 * @param ugcReach estimated people reached by the UGC posts (views where reported, else followers × reach rate)
 * @param amplification UGC engagements ÷ partner engagements; null without partner engagements
 * @param notes what a reader should know about the figures (e.g. posts linked but not imported yet)
 */
public record CampaignReport(
        long campaignId,
        String name,
        String status,
        String currency,
        LocalDate startsOn,
        LocalDate endsOn,
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
        Double roi,
        DeliverableForecast forecast,
        Boolean insideForecast,
        long screened,
        List<CreatorResult> creators,
        List<Leak> leaks,
        List<DisclosureIssue> disclosureIssues,
        List<Ugc> ugc,
        long ugcCount,
        long ugcReach,
        long ugcEngagements,
        Double amplification,
        List<Day> perDay,
        SmallVsBig smallVsBig,
        List<String> notes) {

    public CampaignReport {
        creators = List.copyOf(creators);
        leaks = List.copyOf(leaks);
        disclosureIssues = List.copyOf(disclosureIssues);
        ugc = List.copyOf(ugc);
        perDay = List.copyOf(perDay);
        notes = List.copyOf(notes);
    }

    /**
     * One creator's results.
     *
     * @param tier nano, micro, mid, macro or mega by the follower count the creator joined with
     * @param published deliverables published (or paid) of {@code deliverables}
     * @param codeCheck the promo-code leak check of this creator (every creator, leaked or not)
     */
    public record CreatorResult(
            long creatorId,
            String platform,
            String handle,
            Long followers,
            String tier,
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
            Double roi,
            DeliverableForecast forecast,
            Boolean insideForecast,
            int deliverables,
            int published,
            int late,
            long screened,
            LeakCheck codeCheck) {}

    /** A promo code's leak check (its evidence as {@link io.microreach.campaigns.CodeLeak} has it). */
    public record LeakCheck(
            String promoCode,
            boolean assessable,
            boolean leak,
            Confidence confidence,
            int codeOrders,
            int codeOnlyOrders,
            Double codeOnlyShare,
            int burstOrders24h,
            Instant burstStart,
            int clicksInBurst,
            Double burstRatio,
            Double expectedFromReach,
            Double beyondReach,
            List<String> reasons) {}

    /** A code that has probably leaked, with its creator. */
    public record Leak(long creatorId, String platform, String handle, LeakCheck evidence) {}

    /** A published campaign post that lacks its disclosure or a requirement. */
    public record DisclosureIssue(
            long creatorId,
            String platform,
            String handle,
            long deliverableId,
            String postId,
            String url,
            boolean disclosed,
            List<MissingItem> missing) {}

    /**
     * A post by someone who is not a partner, using the campaign hashtag or mentioning the brand.
     *
     * @param rights null, {@code reuse_requested} or {@code rights_granted}
     */
    public record Ugc(
            long postId,
            String platform,
            String platformPostId,
            String url,
            String authorHandle,
            Instant publishedAt,
            long engagements,
            long reach,
            String matched,
            String rights) {}

    /** One UTC day of the campaign's links: clicks, attributed orders and their revenue. */
    public record Day(LocalDate day, long clicks, long orders, BigDecimal revenue) {}

    /**
     * The essay's question on the user's own data: what a result cost from the campaign's micro creators (and smaller)
     * against its larger creators, and against the plan's "best single creator" alternative when the campaign came
     * from a plan.
     *
     * @param answer one sentence for the marketer
     */
    public record SmallVsBig(Group small, Group larger, Alternative planAlternative, String answer) {}

    /** Creators of a size group, summed. */
    public record Group(
            String label,
            int creators,
            BigDecimal spend,
            long engagements,
            long conversions,
            BigDecimal revenue,
            Double cpe,
            Double cpa,
            Double roas) {}

    /** The plan's alternative as forecast (P50), for comparison with the actuals. */
    public record Alternative(
            String name, List<String> handles, double cost, double engagementsP50, double conversionsP50, Double cpe) {}
}
