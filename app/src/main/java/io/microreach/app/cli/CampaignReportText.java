package io.microreach.app.cli;

import io.microreach.app.campaigns.CampaignReport;
import io.microreach.campaigns.MissingItem;
import java.util.Locale;

/** The campaign report as the terminal shows it. */
final class CampaignReportText {
    private CampaignReportText() {}

    static String of(CampaignReport r) {
        StringBuilder sb = new StringBuilder();
        String cur = r.currency();
        sb.append(String.format(Locale.ROOT, "Campaign %d: %s (%s)%n", r.campaignId(), r.name(), r.status()));
        sb.append(String.format(
                Locale.ROOT,
                "Spend %,.2f %s  impressions %,d%s  engagements %,d  clicks %,d (%,d unique)  conversions %,d"
                        + "  revenue %,.2f %s%n",
                r.spend(),
                cur,
                r.impressions(),
                r.impressionsEstimated() ? " (partly estimated)" : "",
                r.engagements(),
                r.clicks(),
                r.uniqueClicks(),
                r.conversions(),
                r.revenue(),
                cur));
        sb.append(String.format(
                Locale.ROOT,
                "CPE %s  CPM %s  CPC %s  CPA %s  ROAS %s  ROI %s%n",
                num(r.cpe()),
                num(r.cpm()),
                num(r.cpc()),
                num(r.cpa()),
                num(r.roas()),
                pct(r.roi())));
        if (r.forecast() != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Forecast engagements P10/P50/P90 %.0f/%.0f/%.0f: %s%n",
                    r.forecast().engagements().p10(),
                    r.forecast().engagements().p50(),
                    r.forecast().engagements().p90(),
                    r.insideForecast() == null
                            ? "not all posts are out yet"
                            : r.insideForecast() ? "actual inside" : "actual outside"));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%n  %-9s %-26s %12s %12s %8s %8s %10s %8s %8s%n",
                "platform",
                "creator",
                "spend",
                "engagements",
                "clicks",
                "orders",
                "revenue",
                "CPE",
                "ROAS"));
        for (CampaignReport.CreatorResult c : r.creators()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-9s @%-25s %12.2f %12d %8d %8d %10.2f %8s %8s%s%n",
                    c.platform(),
                    c.handle(),
                    c.spend(),
                    c.engagements(),
                    c.clicks(),
                    c.conversions(),
                    c.revenue(),
                    num(c.cpe()),
                    num(c.roas()),
                    c.late() > 0 ? "  " + c.late() + " late" : ""));
        }
        for (CampaignReport.Leak l : r.leaks()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nLEAK? code %s of @%s (%s confidence): %s%n",
                    l.evidence().promoCode(),
                    l.handle(),
                    l.evidence().confidence().name().toLowerCase(Locale.ROOT),
                    String.join(" ", l.evidence().reasons())));
        }
        for (CampaignReport.DisclosureIssue d : r.disclosureIssues()) {
            sb.append(String.format(Locale.ROOT, "%nPost %s of @%s misses:", d.postId(), d.handle()));
            for (MissingItem m : d.missing()) {
                sb.append(" ")
                        .append(m.item())
                        .append(" (looked in ")
                        .append(String.join(", ", m.lookedIn()))
                        .append(")");
            }
            sb.append('\n');
        }
        sb.append(String.format(
                Locale.ROOT,
                "%nUGC: %d posts, %,d engagements, reach about %,d; amplification %s%n",
                r.ugcCount(),
                r.ugcEngagements(),
                r.ugcReach(),
                num(r.amplification())));
        sb.append(r.smallVsBig().answer()).append('\n');
        r.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        return sb.toString();
    }

    private static String num(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String pct(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%.0f%%", d * 100);
    }
}
