package io.microreach.app.search;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a number as people type it into a form, in English or German habits: thousands separators ({@code 5,000},
 * {@code 5.000}, {@code 5 000}, {@code 5'000}, {@code 5_000}), a decimal comma ({@code 0,5}), a size suffix ({@code
 * 5k}, {@code 1.2M}, {@code 3 Mio}, {@code 5 Tsd}) and a trailing percent sign, which the caller decides how to read.
 *
 * <p>A single separator is ambiguous ({@code 1.500} is one and a half in English, fifteen hundred in German). It is
 * read as a thousands separator when exactly three digits follow it and the digits before it are not just {@code 0},
 * since filter values such as follower counts and prices are far more often typed with grouping than with three
 * decimals; a rate such as {@code 0.035} keeps its leading zero and stays a decimal. With a size suffix the separator is
 * always a decimal point ({@code 1.25k} is 1,250).
 */
final class NumberText {
    private static final Pattern IGNORED = Pattern.compile("[\\s\\u00A0\\u202F\\u2009'’_]");
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9.,]*[0-9][0-9.,]*");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(?:x[0-9]{3})+");

    private NumberText() {}

    /**
     * A number read from text.
     *
     * @param value the number, with any size suffix applied and the percent sign not (so {@code 10%} is 10)
     * @param percent whether the text ended with a percent sign
     */
    record Reading(BigDecimal value, boolean percent) {}

    /** The number in {@code text}, or null when it is not one of the forms above. */
    static Reading read(String text) {
        if (text == null) {
            return null;
        }
        String s = IGNORED.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        long multiplier = 1;
        for (String[] suffix : new String[][] {{"mio", "1000000"}, {"tsd", "1000"}, {"k", "1000"}, {"m", "1000000"}}) {
            if (s.endsWith(suffix[0]) && !percent) {
                s = s.substring(0, s.length() - suffix[0].length());
                multiplier = Long.parseLong(suffix[1]);
                break;
            }
        }
        if (!DIGITS.matcher(s).matches()) {
            return null;
        }
        String plain = plain(s, multiplier != 1);
        if (plain == null) {
            return null;
        }
        try {
            return new Reading(new BigDecimal(plain).multiply(BigDecimal.valueOf(multiplier)), percent);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The digits with one '.' as the decimal point, or null when the separators make no sense. */
    private static String plain(String s, boolean suffixed) {
        String sign = "";
        if (s.startsWith("-") || s.startsWith("+")) {
            sign = s.substring(0, 1);
            s = s.substring(1);
        }
        int dots = count(s, '.');
        int commas = count(s, ',');
        char decimal;
        if (dots > 0 && commas > 0) {
            decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            if (count(s, decimal) > 1) {
                return null;
            }
        } else if (dots + commas == 0) {
            return sign + s;
        } else {
            char separator = dots > 0 ? '.' : ',';
            int at = s.indexOf(separator);
            boolean grouping = !suffixed
                    && (dots + commas > 1
                            || (s.length() - at - 1 == 3
                                    && at > 0
                                    && !s.substring(0, at).equals("0")));
            decimal = grouping ? 0 : separator;
        }
        String whole = decimal == 0 ? s : s.substring(0, s.lastIndexOf(decimal));
        String fraction = decimal == 0 ? "" : s.substring(s.lastIndexOf(decimal) + 1);
        String groupedWhole = whole.replace('.', 'x').replace(',', 'x');
        if (groupedWhole.contains("x") && !GROUPED.matcher(groupedWhole).matches()) {
            return null;
        }
        String digits = groupedWhole.replace("x", "");
        if (fraction.contains(".") || fraction.contains(",") || (digits.isEmpty() && fraction.isEmpty())) {
            return null;
        }
        return sign + (digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
