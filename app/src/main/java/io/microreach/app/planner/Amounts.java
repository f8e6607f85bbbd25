package io.microreach.app.planner;

import io.microreach.planner.PlanningException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Money typed by a user (rate cards, negotiated prices, plan budgets) read strictly: a positive amount with at most
 * two decimals and at most {@link #MAX}. Anything else is refused with a message naming the field, never rounded or
 * clamped: a rounded 0.001 or an overflowed exponent would store a price of 0.00 and make a creator free.
 */
final class Amounts {
    /** The largest amount accepted, in any currency. */
    static final BigDecimal MAX = new BigDecimal("10000000");

    // Plain digits, or digits grouped in thousands with commas; an optional decimal part. No exponents, no signs.
    private static final Pattern AMOUNT = Pattern.compile("(?:\\d+|\\d{1,3}(?:,\\d{3})+)(?:\\.\\d+)?");

    private Amounts() {}

    /** {@code raw} (text from a form, or a JSON string or number) as an amount, or a refusal naming {@code field}. */
    static BigDecimal money(String field, Object raw) {
        BigDecimal amount = parse(field, raw);
        if (amount.signum() <= 0) {
            throw new PlanningException(field, "must be more than 0, got " + amount.toPlainString());
        }
        if (amount.compareTo(MAX) > 0) {
            throw new PlanningException(field, "must be at most 10,000,000, got " + shown(raw));
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > 2) {
            throw new PlanningException(
                    field, "has more than 2 decimals (" + amount.toPlainString() + "); give it in cents at most");
        }
        return amount.setScale(2);
    }

    private static BigDecimal parse(String field, Object raw) {
        if (raw == null || String.valueOf(raw).isBlank()) {
            throw new PlanningException(field, "is required");
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                throw new PlanningException(field, "is too large or not a number");
            }
            return new BigDecimal(Double.toString(d));
        }
        if (raw instanceof BigDecimal b) {
            return checkedExponent(field, b, raw);
        }
        if (raw instanceof Number n && (n instanceof Long || n instanceof Integer || n instanceof BigInteger)) {
            return new BigDecimal(n.toString());
        }
        String text = String.valueOf(raw).strip();
        if (!AMOUNT.matcher(text).matches()) {
            throw new PlanningException(
                    field, "'" + shown(raw) + "' is not a number in digits; write at most 2 decimals, such as 1250.50");
        }
        if (text.length() > 40) {
            throw new PlanningException(field, "must be at most 10,000,000, got " + shown(raw));
        }
        return new BigDecimal(text.replace(",", ""));
    }

    /** A JSON number read as BigDecimal may carry a huge exponent; compare it without expanding it. */
    private static BigDecimal checkedExponent(String field, BigDecimal b, Object raw) {
        if (b.precision() - b.scale() > 20) {
            throw new PlanningException(field, "must be at most 10,000,000, got " + shown(raw));
        }
        if (b.scale() > 20) {
            throw new PlanningException(
                    field, "has more than 2 decimals (" + shown(raw) + "); give it in cents at most");
        }
        return b;
    }

    private static String shown(Object raw) {
        String s = String.valueOf(raw);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
