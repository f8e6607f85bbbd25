package io.microreach.pricing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A dated table of exchange rates, quoted as units of each currency per euro (the way the European Central Bank
 * publishes its reference rates), so that any two listed currencies convert through the euro: amount × (rate of the
 * target / rate of the source). The shipped table holds the ECB euro foreign exchange reference rates of 2024-06-28
 * (USD 1.0705, GBP 0.84638, CHF 0.9634); a workspace sets its own rates and date in configuration. Rates are for
 * budgeting, not for paying: every converted amount carries its {@link Conversion} so the user sees the rate and day.
 *
 * @param perEuro units of each currency per euro; EUR itself is 1
 */
public record ExchangeRates(LocalDate date, String source, Map<String, Double> perEuro) {
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2024, 6, 28);
    public static final String DEFAULT_SOURCE = "ECB euro foreign exchange reference rates";

    public ExchangeRates {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        Map<String, Double> clean = new TreeMap<>();
        perEuro.forEach((code, rate) -> {
            String c = code(code, "rates");
            if (rate == null || !(rate > 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("rates." + c + ": must be a positive number, got " + rate);
            }
            clean.put(c, rate);
        });
        clean.put("EUR", 1.0);
        perEuro = Map.copyOf(clean);
    }

    public static ExchangeRates defaults() {
        return new ExchangeRates(DEFAULT_DATE, DEFAULT_SOURCE, Map.of("USD", 1.0705, "GBP", 0.84638, "CHF", 0.9634));
    }

    /** The same date and source with some rates replaced or added. */
    public ExchangeRates with(Map<String, Double> overrides, LocalDate newDate, String newSource) {
        Map<String, Double> all = new TreeMap<>(perEuro);
        all.putAll(overrides);
        return new ExchangeRates(newDate == null ? date : newDate, newSource == null ? source : newSource, all);
    }

    public boolean knows(String currency) {
        return currency != null && perEuro.containsKey(currency.trim().toUpperCase(Locale.ROOT));
    }

    /** The currencies that can be converted, sorted. */
    public String codes() {
        return String.join(", ", new TreeMap<>(perEuro).keySet());
    }

    /** Units of {@code to} per unit of {@code from}. */
    public double rate(String from, String to) {
        return perEuro.get(known(to)) / perEuro.get(known(from));
    }

    public double convert(double amount, String from, String to) {
        return amount * rate(from, to);
    }

    /** The price in {@code to}, carrying how it was converted; unchanged when it is already in {@code to}. */
    public PriceRange convert(PriceRange price, String to) {
        String target = known(to);
        String from = known(price.currency());
        if (from.equals(target)) {
            return price;
        }
        double r = rate(from, target);
        return new PriceRange(
                round(price.low() * r),
                round(price.high() * r),
                target,
                price.estimated(),
                price.source(),
                new Conversion(from, target, r, date, source));
    }

    private String known(String currency) {
        String c = code(currency, "currency");
        if (!perEuro.containsKey(c)) {
            throw new IllegalArgumentException("currency: no exchange rate for " + c + "; rates are known for "
                    + codes() + " (add one with microreach.currency.rates." + c + ")");
        }
        return c;
    }

    private static String code(String currency, String field) {
        if (currency == null || !currency.trim().matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException(field + ": '" + currency + "' is not a three-letter currency code");
        }
        return currency.trim().toUpperCase(Locale.ROOT);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
