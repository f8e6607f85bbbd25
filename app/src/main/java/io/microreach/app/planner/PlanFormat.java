package io.microreach.app.planner;

import io.microreach.forecast.Band;
import java.util.Locale;

/**
 * Numbers of the plan page in their units: money with its currency and no cents, counts of people as whole numbers,
 * and expected conversions with the decimals a small count needs (0.4 conversions is not "0"). Used by the templates
 * as {@code fmt}.
 */
public final class PlanFormat {
    /** Amount with thousands separators and the currency, e.g. "1,902 USD". */
    public String money(double v, String currency) {
        return String.format(Locale.ROOT, "%,.0f", v) + " " + currency;
    }

    /** Whole count with thousands separators. */
    public String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A count that may be small: whole from 10 on, one decimal down to 0.1, two below (0.04 is not "0.0"). */
    public String small(double v) {
        double a = Math.abs(v);
        if (a >= 10) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 0.1 || a == 0 ? "%.1f" : "%.2f", v);
    }

    /** A P10–P90 band with its P50, e.g. "1,200 (800–1,900)". */
    public String band(Band b) {
        return count(b.p50()) + " (" + count(b.p10()) + "–" + count(b.p90()) + ")";
    }

    /** A band of small counts (conversions), e.g. "2.4 (1.1–4.0)". */
    public String smallBand(Band b) {
        return small(b.p50()) + " (" + small(b.p10()) + "–" + small(b.p90()) + ")";
    }

    /** The objective's value in its unit: money for profit, a small count for conversions, people otherwise. */
    public String objective(String objective, double v, String currency) {
        return switch (objective) {
            case "profit" -> money(v, currency);
            case "conversions" -> small(v);
            default -> count(v);
        };
    }

    /** The objective's name as a marketer reads it. */
    public String objectiveName(String objective) {
        return switch (objective) {
            case "profit" -> "expected profit";
            case "conversions" -> "expected conversions";
            default -> "unique engaged people";
        };
    }
}
