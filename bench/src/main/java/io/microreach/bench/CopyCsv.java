package io.microreach.bench;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a {@code COPY ... FROM STDIN (FORMAT csv)} for the baseline. It deliberately does the same client-side
 * work as the importer's own row builder (one string per batch and type, the same quoting, arrays as PostgreSQL
 * literals) so that the baseline differs from microreach only in what happens inside the database.
 */
final class CopyCsv {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;

    CopyCsv text(String value) {
        separator();
        if (value != null) {
            quoted(clean(value));
        }
        return this;
    }

    CopyCsv number(Long value) {
        separator();
        if (value != null) {
            out.append(value.longValue());
        }
        return this;
    }

    CopyCsv bool(Boolean value) {
        separator();
        if (value != null) {
            out.append(value ? 't' : 'f');
        }
        return this;
    }

    CopyCsv time(Instant value) {
        separator();
        if (value != null) {
            out.append(value);
        }
        return this;
    }

    CopyCsv date(LocalDate value) {
        separator();
        if (value != null) {
            out.append(value);
        }
        return this;
    }

    CopyCsv textArray(List<String> values) {
        separator();
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String v = clean(values.get(i));
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        quoted(literal.append('}').toString());
        return this;
    }

    void endRow() {
        out.append('\n');
        rowStarted = false;
    }

    Reader reader() {
        return new StringReader(out.toString());
    }

    void clear() {
        out.setLength(0);
        rowStarted = false;
    }

    private void separator() {
        if (rowStarted) {
            out.append(',');
        }
        rowStarted = true;
    }

    private void quoted(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        out.append('"');
    }

    // PostgreSQL text cannot hold NUL; the importer drops it too, so both sides store the same bytes.
    private static String clean(String value) {
        return value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
    }
}
