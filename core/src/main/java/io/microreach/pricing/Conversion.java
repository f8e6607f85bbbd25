package io.microreach.pricing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * How an amount was converted: {@code rate} units of {@code to} per unit of {@code from}, from the rate table of
 * {@code date}.
 */
public record Conversion(String from, String to, double rate, LocalDate date, String source) {
    public Conversion {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(date, "date");
    }

    /** "converted from USD at 0.9341 on 2024-06-28" */
    public String describe() {
        return "converted from " + from + " at " + String.format(Locale.ROOT, "%.4f", rate) + " on " + date;
    }
}
