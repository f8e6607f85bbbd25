package io.microreach.app.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    private static String write(Object... cells) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.row(cells);
        }
        return out.toString();
    }

    @Test
    void startsWithAByteOrderMarkAndEndsRecordsWithCrLf() {
        assertThat(write("a", "b")).isEqualTo("\uFEFFa,b\r\n");
    }

    @Test
    void quotesFieldsAsRfc4180Requires() {
        assertThat(write("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", ""))
                .isEqualTo("\uFEFFplain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldEvaluate() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"");
        assertThat(CsvWriter.field("+1 555")).isEqualTo("'+1 555");
        assertThat(CsvWriter.field("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.field("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvWriter.field("＝1+1")).isEqualTo("'＝1+1");
        // Only the first character matters: a handle or a formula later in the text is harmless.
        assertThat(CsvWriter.field("@greenglow.lena")).isEqualTo("'@greenglow.lena");
        assertThat(CsvWriter.field("Lena = clean beauty")).isEqualTo("Lena = clean beauty");
    }

    @Test
    void keepsNumbersNumericNegativeOnesIncluded() {
        assertThat(write(-0.25, -12L, 3, 1e-7, 2.5e9, new BigDecimal("100.500"), 0.0))
                .isEqualTo("\uFEFF-0.25,-12,3,0.0000001,2500000000,100.5,0\r\n");
    }

    @Test
    void writesNullNanAndInfinityAsEmptyCellsAndBooleansAsWords() {
        assertThat(write(null, Double.NaN, Double.POSITIVE_INFINITY, true, false))
                .isEqualTo("\uFEFF,,,true,false\r\n");
    }

    /**
     * Text of every troublesome character survives a write and a strict RFC 4180 read, with only the one quote added
     * where a formula could start (seeded random strings, so a failure reproduces).
     */
    @Test
    void textRoundTripsThroughAStrictReader() {
        String alphabet = "ab ,\"\r\n\t=+-@'ü😀＝;";
        Random random = new Random(17);
        for (int n = 0; n < 5_000; n++) {
            String text = randomText(random, alphabet);
            String other = randomText(random, alphabet);
            assertThat(parse(write(text, other).substring(1)))
                    .as("%s | %s", text, other)
                    .containsExactly(expected(text), expected(other));
        }
    }

    private static String randomText(Random random, String alphabet) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            b.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return b.toString();
    }

    private static String expected(String text) {
        return text.isEmpty() || "=+-@\t\r＝＋－＠".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }

    private static List<String> parse(String record) {
        List<List<String>> records = CsvRecords.parse(record);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
