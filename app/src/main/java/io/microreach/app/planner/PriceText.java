package io.microreach.app.planner;

import io.microreach.pricing.Deliverable;
import io.microreach.pricing.PriceRange;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a price reads wherever it is shown, so every page words it the same: "≈ 713–1,426 EUR" (≈ when converted) and
 * one basis line: the deliverables, where the figure comes from, and the conversion with its rate and day.
 */
public final class PriceText {
    private PriceText() {}

    /** "713–1,426 EUR", "250 EUR" for a single figure, with "≈ " in front when converted. */
    public static String amount(PriceRange p) {
        String figure = p.low() == p.high() ? money(p.low()) : money(p.low()) + "–" + money(p.high());
        return (p.conversion() != null ? "≈ " : "") + figure + " " + p.currency();
    }

    /** "Video: estimate from followers and engagement …; converted from USD at 0.9341 on 2024-06-28". */
    public static String basis(PriceService.AccountPrice p) {
        String what = p.deliverables().stream().map(Deliverable::label).collect(Collectors.joining(" + "));
        return what + ": " + basis(p.price());
    }

    /** The price's basis and conversion, without the deliverable. */
    public static String basis(PriceRange p) {
        return p.source() + (p.conversion() == null ? "" : "; " + p.conversion().describe());
    }

    static String money(double v) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(Math.round(v));
    }
}
