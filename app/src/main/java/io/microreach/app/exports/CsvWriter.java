package io.microreach.app.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV that spreadsheets open safely and correctly.
 *
 * <p><b>Format.</b> RFC 4180: fields separated by commas, records ended by CRLF, a field holding a comma, a double
 * quote, CR or LF is enclosed in double quotes with inner quotes doubled. The file is UTF-8 and starts with a byte
 * order mark: without it Excel (the tool a marketer opens an export with) reads UTF-8 as the local code page and turns
 * "Kosmetik für Mütter" or an emoji in a display name into mojibake; LibreOffice, Google Sheets, pandas ({@code
 * encoding="utf-8-sig"}) and Python's csv module read the mark correctly.
 *
 * <p><b>Formula injection.</b> Creator-provided text (bios, display names, handles, captions) ends up in these files,
 * and a spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} as a formula (tab and
 * carriage return can smuggle one too). Following the OWASP "CSV Injection" guidance, every <em>text</em> cell that
 * starts with one of {@code = + - @ TAB CR} (or their full-width forms {@code ＝ ＋ － ＠}, which some spreadsheets
 * normalise) is prefixed with a single quote, which spreadsheets show as text and do not evaluate. <em>Numbers</em>
 * are not text: a {@link Number} cell is written as a plain decimal ({@code -0.25}, never {@code 1E-7}) and stays
 * numeric, so a negative profit still sums. NaN and infinities, which no spreadsheet reads, become empty cells, as
 * does {@code null}. Booleans are {@code true}/{@code false}.
 *
 * <p>Reference: OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection.
 */
final class CsvWriter implements AutoCloseable {
    /** The UTF-8 byte order mark, written once at the start. */
    static final char BOM = '\uFEFF';

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
        write(String.valueOf(BOM));
    }

    /** A writer over a stream, UTF-8; closing it flushes (and closes) the stream. */
    static CsvWriter utf8(OutputStream stream) {
        return new CsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** One record; each cell is text, a number, a boolean or null (empty). */
    void row(Object... cells) {
        row(java.util.Arrays.asList(cells));
    }

    void row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(cells.get(i)));
        }
        line.append("\r\n");
        write(line.toString());
    }

    /** The cell as it appears in the file: neutralised when it is text, then quoted when RFC 4180 requires it. */
    static String field(Object cell) {
        String text;
        if (cell == null) {
            text = "";
        } else if (cell instanceof Number n) {
            text = number(n);
        } else if (cell instanceof Boolean b) {
            text = b.toString();
        } else {
            text = neutralised(cell.toString());
        }
        return quoted(text);
    }

    /** A text cell that a spreadsheet would evaluate gets a leading single quote. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + text;
            default -> text;
        };
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return "";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (n instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    private static String quoted(String text) {
        boolean needs =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
