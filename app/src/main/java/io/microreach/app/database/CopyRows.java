package io.microreach.app.database;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds the body of a {@code COPY ... FROM STDIN (FORMAT csv)} (public so the import benchmark's baseline
 * writes exactly the same text): an unquoted empty field is NULL, a quoted one is
 * the empty string. Text arrays are written as PostgreSQL array literals inside a CSV field.
 */
public final class CopyRows {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    public CopyRows text(String value) {
        separator();
        if (value != null) {
            quoted(clean(value));
        }
        return this;
    }

    /** A {@code bytea} value in PostgreSQL's hex format ({@code \\x0a1b…}); needs no CSV quoting. */
    public CopyRows bytes(byte[] value) {
        separator();
        if (value != null) {
            out.ensureCapacity(out.length() + 2 + 2 * value.length);
            out.append("\\x");
            for (byte b : value) {
                out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return this;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public CopyRows number(Long value) {
        separator();
        if (value != null) {
            out.append(value.longValue());
        }
        return this;
    }

    public CopyRows number(long value) {
        separator();
        out.append(value);
        return this;
    }

    /** A double as Java writes it (round-trips exactly; PostgreSQL reads "1.0E-5", "NaN" and "Infinity" too). */
    public CopyRows decimal(Double value) {
        separator();
        if (value != null) {
            out.append(value.doubleValue());
        }
        return this;
    }

    public CopyRows number(Integer value) {
        separator();
        if (value != null) {
            out.append(value.intValue());
        }
        return this;
    }

    public CopyRows bool(Boolean value) {
        separator();
        if (value != null) {
            out.append(value ? 't' : 'f');
        }
        return this;
    }

    public CopyRows time(Instant value) {
        separator();
        if (value != null) {
            out.append(value);
        }
        return this;
    }

    public CopyRows date(LocalDate value) {
        separator();
        if (value != null) {
            out.append(value);
        }
        return this;
    }

    public CopyRows textArray(List<String> values) {
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

    public void endRow() {
        out.append('\n');
        rowStarted = false;
        rows++;
    }

    public int rows() {
        return rows;
    }

    public Reader reader() {
        return new StringReader(out.toString());
    }

    public void clear() {
        out.setLength(0);
        rows = 0;
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
        // Whole runs between quotes are appended at once: scorecard JSON is mostly quotes and long runs.
        int from = 0;
        for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', from)) {
            out.append(value, from, q + 1).append('"');
            from = q + 1;
        }
        out.append(value, from, value.length()).append('"');
    }

    /** PostgreSQL text cannot hold NUL characters; JSON can. Dropping them is the only lossless-enough choice. */
    private static String clean(String value) {
        return value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
    }
}
