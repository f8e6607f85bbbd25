package io.microreach.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Fields of one CSV row; every value is text and parsed here. */
final class CsvFieldReader implements FieldReader {
    private final List<String> row;
    private final Map<String, Integer> header;

    CsvFieldReader(List<String> row, Map<String, Integer> header) {
        this.row = row;
        this.header = header;
    }

    @Override
    public boolean has(String field) {
        Integer i = header.get(field);
        return i != null && i < row.size();
    }

    @Override
    public String string(String field) {
        if (!has(field)) {
            return null;
        }
        String v = row.get(header.get(field));
        return v == null || v.isEmpty() ? null : v;
    }

    @Override
    public Long integer(String field) {
        String v = string(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new FieldException(field, "expected a whole number, got '" + shorten(v) + "'");
        }
    }

    @Override
    public Boolean bool(String field) {
        String v = string(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y" -> true;
            case "false", "0", "no", "n" -> false;
            default -> throw new FieldException(field, "expected true or false, got '" + shorten(v) + "'");
        };
    }

    @Override
    public List<String> list(String field) {
        String v = string(field);
        if (v == null) {
            return null;
        }
        return Arrays.stream(v.split("[\\s|,]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 37) + "..." : v;
    }
}
