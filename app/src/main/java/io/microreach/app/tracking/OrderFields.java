package io.microreach.app.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks every order channel shares, each failing with an {@link OrderProblem} naming the field. */
final class OrderFields {
    static final int MAX_ID = 200;
    static final int MAX_CODE = 100;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private OrderFields() {}

    static String orderId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new OrderProblem(field, "is required");
        }
        String s = value.strip();
        if (s.length() > MAX_ID) {
            throw new OrderProblem(field, "must be at most " + MAX_ID + " characters");
        }
        return s;
    }

    /** ISO-8601 with an offset or Z; a date-time without offset or a plain date is taken as UTC. */
    static Instant time(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new OrderProblem(field, "is required (an ISO-8601 time such as 2026-12-01T10:15:00Z)");
            }
            return null;
        }
        String s = value.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without offset
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a plain date
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OrderProblem(
                    field, "must be an ISO-8601 time such as 2026-12-01T10:15:00Z, got '" + clip(s) + "'");
        }
    }

    static BigDecimal total(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new OrderProblem(field, "is required (a decimal number ≥ 0)");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new OrderProblem(field, "must be a decimal number ≥ 0, got '" + clip(value.strip()) + "'");
        }
        return total(field, d);
    }

    static BigDecimal total(String field, BigDecimal d) {
        if (d.signum() < 0) {
            throw new OrderProblem(field, "must be a decimal number ≥ 0, got " + d.toPlainString());
        }
        BigDecimal plain = d.stripTrailingZeros();
        if (plain.scale() > 2) {
            throw new OrderProblem(field, "must have at most 2 decimal places, got " + d.toPlainString());
        }
        if (d.compareTo(LIMIT) >= 0) {
            throw new OrderProblem(field, "must be below 1,000,000,000,000");
        }
        return d.setScale(2);
    }

    static String currency(String field, String value) {
        if (value == null || !CURRENCY.matcher(value.strip()).matches()) {
            throw new OrderProblem(
                    field,
                    "must be a three-letter ISO 4217 code such as EUR"
                            + (value == null ? "" : ", got '" + clip(value.strip()) + "'"));
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }

    static String optionalCode(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > MAX_CODE) {
            throw new OrderProblem(field, "must be at most " + MAX_CODE + " characters");
        }
        return s;
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
