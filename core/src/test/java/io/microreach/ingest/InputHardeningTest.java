package io.microreach.ingest;

import static io.microreach.ingest.Inputs.readJsonl;
import static io.microreach.ingest.Inputs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or careless input: every case is refused with the line, field and reason, never stored changed. */
class InputHardeningTest {
    private static final String ACCOUNT =
            "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"%s\",\"handle\":\"%s\",\"followers\":10%s}";

    @TempDir
    Path dir;

    private static String account(String id, String handle, String extra) {
        return String.format(ACCOUNT, id, handle, extra);
    }

    private static List<ParsedLine> readAll(Path file, InputLimits limits) throws Exception {
        List<ParsedLine> out = new ArrayList<>();
        try (RecordSource source = InputFiles.open(file, "upload.jsonl.gz", limits)) {
            while (source.hasNext()) {
                out.add(source.next());
            }
        }
        return out;
    }

    private static Rejection rejection(ParsedLine line) {
        assertThat(line).isInstanceOf(ParsedLine.Rejected.class);
        return ((ParsedLine.Rejected) line).rejection();
    }

    /** Writes {@code count} bytes of {@code fill} after {@code head}, gzip-compressed, without holding them. */
    private Path gzipOf(String name, String head, byte fill, long count, String tail) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, fill);
            for (long left = count; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void aGzipBombIsRefusedOnceItExpandsPastTheCapNamingTheFileAndLimit() throws Exception {
        String good = account("1", "first", "") + "\n";
        Path bomb = gzipOf("bomb.jsonl.gz", good, (byte) 'x', 8L << 20, "\n");
        assertThat(Files.size(bomb)).isLessThan(1 << 16);
        InputLimits limits = new InputLimits(1 << 20, 1 << 16);
        List<ParsedLine> lines = new ArrayList<>();
        try (RecordSource source = InputFiles.open(bomb, "bomb.jsonl.gz", limits)) {
            assertThatThrownBy(() -> {
                        while (source.hasNext()) {
                            lines.add(source.next());
                        }
                    })
                    .isInstanceOf(InputTooLargeException.class)
                    .hasMessageContaining("bomb.jsonl.gz")
                    .hasMessageContaining("1 MiB")
                    .hasMessageContaining("microreach.import.max-decompressed-bytes")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(lines).first().isInstanceOf(ParsedLine.Parsed.class);
    }

    @Test
    void aBombThatExpandsPastTheCapWithinTheSniffedHeadIsUnusable() throws Exception {
        Path bomb = gzipOf("tiny.jsonl.gz", "", (byte) '\n', 1 << 20, "");
        assertThatThrownBy(() -> readAll(bomb, new InputLimits(4096, 1024)))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("microreach.import.max-decompressed-bytes");
    }

    @Test
    void aLineOverTheCapIsRejectedWithItsNumberAndReadingGoesOnAtTheNextLine() throws Exception {
        String first = account("1", "first", "") + "\n";
        String last = "\n" + account("2", "second", "") + "\n";
        Path file = gzipOf("long.jsonl.gz", first, (byte) 'x', 3L << 20, last);
        List<ParsedLine> lines = readAll(file, new InputLimits(1L << 30, 1 << 16));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isInstanceOf(ParsedLine.Parsed.class);
        Rejection r = rejection(lines.get(1));
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.reason()).contains("longer than 64 KiB").contains("microreach.import.max-line-bytes");
        assertThat(((Account) ((ParsedLine.Parsed) lines.get(2)).record()).handle())
                .isEqualTo("second");
        assertThat(lines.get(2).line()).isEqualTo(3);
    }

    @Test
    void theLineReaderNeverHoldsMoreThanTheCapOfAnEndlessLine() throws IOException {
        // 64 MiB of one line, produced on the fly: the reader must skip it with a buffer bounded by the cap.
        long huge = 64L << 20;
        InputStream endless = new InputStream() {
            long left = huge;
            byte[] tail = "\nnext\n".getBytes(StandardCharsets.US_ASCII);
            int t;

            @Override
            public int read() {
                if (left > 0) {
                    left--;
                    return 'y';
                }
                return t < tail.length ? tail[t++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 'y');
                    left -= n;
                    return n;
                }
                return super.read(b, off, len);
            }
        };
        LineReader reader = new LineReader(endless, 4096);
        assertThat(reader.next()).isTrue();
        assertThat(reader.tooLong()).isTrue();
        assertThat(reader.byteLength()).isZero();
        assertThat(reader.next()).isTrue();
        assertThat(reader.text()).isEqualTo("next");
        assertThat(reader.number()).isEqualTo(2);
        assertThat(reader.next()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085", "\\t", "\\n"})
    void aControlCharacterInAnIdRejectsTheLineInsteadOfBeingStripped(String escape) throws Exception {
        List<ParsedLine> lines = readJsonl(dir, account("nul" + escape + "id", "h", ""), account("nulid", "h", ""));
        Rejection r = rejection(lines.get(0));
        assertThat(r.field()).isEqualTo("id");
        assertThat(r.reason()).contains("control character").contains("field id");
        assertThat(((Account) ((ParsedLine.Parsed) lines.get(1)).record()).platformId())
                .isEqualTo("nulid");
    }

    @Test
    void aControlCharacterAtTheEndOfAnIdIsNotTrimmedAway() throws Exception {
        Rejection r = rejection(readJsonl(dir, account("id\\u0000", "h", "")).get(0));
        assertThat(r.field()).isEqualTo("id");
    }

    @Test
    void freeTextKeepsTabsAndLineBreaksButRefusesOtherControlCharacters() throws Exception {
        List<ParsedLine> lines = readJsonl(
                dir,
                account("1", "h", ",\"bio\":\"line one\\nline\\ttwo\\r\\n\""),
                account("2", "h", ",\"bio\":\"bell\\u0007\""),
                account("3", "h", ",\"display_name\":\"a\\u0000b\""));
        assertThat(((Account) ((ParsedLine.Parsed) lines.get(0)).record()).bio())
                .isEqualTo("line one\nline\ttwo\r\n");
        assertThat(rejection(lines.get(1)).field()).isEqualTo("bio");
        assertThat(rejection(lines.get(1)).reason()).contains("U+0007");
        assertThat(rejection(lines.get(2)).field()).isEqualTo("display_name");
    }

    @Test
    void anUnpairedSurrogateIsRejected() throws Exception {
        Rejection r = rejection(
                readJsonl(dir, account("1", "h", ",\"bio\":\"x\\ud800y\"")).get(0));
        assertThat(r.field()).isEqualTo("bio");
        assertThat(r.reason()).contains("unpaired surrogate");
    }

    @Test
    void invalidUtf8AfterTheSniffedHeadRejectsItsLineByNumber() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 0;
        while (out.size() < 10_000) {
            out.writeBytes((account("a" + n, "h" + n, "") + "\n").getBytes(StandardCharsets.UTF_8));
            n++;
        }
        out.writeBytes(account("latin", "h", ",\"bio\":\"Gr\u00fcn\"").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(
                ("\n" + account("after", "h", ",\"bio\":\"Gr\u00fcn\"") + "\n").getBytes(StandardCharsets.UTF_8));
        List<ParsedLine> lines = Inputs.readAll(write(dir, "mixed.jsonl", out.toByteArray()));
        assertThat(lines).hasSize(n + 2);
        Rejection r = rejection(lines.get(n));
        assertThat(r.line()).isEqualTo(n + 1);
        assertThat(r.reason()).isEqualTo("invalid UTF-8 on line " + (n + 1) + " (save the file as UTF-8)");
        assertThat(((Account) ((ParsedLine.Parsed) lines.get(n + 1)).record()).bio())
                .isEqualTo("Grün");
        assertThat(lines.subList(0, n)).allMatch(l -> l instanceof ParsedLine.Parsed);
    }

    @Test
    void aDuplicateKeyIsRejectedNamingTheKey() throws Exception {
        Rejection r =
                rejection(readJsonl(dir, account("1", "h", ",\"followers\":20")).get(0));
        assertThat(r.field()).isEqualTo("followers");
        assertThat(r.reason()).contains("duplicate key 'followers'");
    }

    @Test
    void aBioOverItsCapIsRejectedWithTheCapAndTheLength() throws Exception {
        String bio = "b".repeat(RecordParser.MAX_BIO + 1);
        List<ParsedLine> lines = readJsonl(
                dir,
                account("1", "h", ",\"bio\":\"" + bio + "\""),
                account("2", "h", ",\"bio\":\"" + bio.substring(1) + "\""));
        Rejection r = rejection(lines.get(0));
        assertThat(r.field()).isEqualTo("bio");
        assertThat(r.reason()).isEqualTo("field bio longer than 20,000 characters (got 20,001)");
        assertThat(lines.get(1)).isInstanceOf(ParsedLine.Parsed.class);
    }

    @Test
    void aSixteenMegabyteBioIsRejectedByTheLineCap() throws Exception {
        String huge = account("1", "h", ",\"bio\":\"" + "b".repeat(16 << 20) + "\"");
        Rejection r = rejection(readJsonl(dir, huge, account("2", "h", "")).get(0));
        assertThat(r.reason()).contains("line longer than 1 MiB");
    }

    @Test
    void everyOtherFreeTextAndIdHasACapToo() throws Exception {
        String longId = "i".repeat(RecordParser.MAX_ID + 1);
        String comment = "{\"type\":\"comment\",\"platform\":\"tiktok\",\"id\":\"c1\",\"post_id\":\"p1\","
                + "\"author_handle\":\"mia\",\"created_at\":\"2026-03-01T19:02:00Z\",\"text\":\"%s\"}";
        List<ParsedLine> lines = readJsonl(
                dir,
                account(longId, "h", ""),
                String.format(comment, "t".repeat(RecordParser.MAX_TEXT + 1)),
                String.format(comment, "t".repeat(RecordParser.MAX_TEXT)));
        assertThat(rejection(lines.get(0)).field()).isEqualTo("id");
        assertThat(rejection(lines.get(1)).field()).isEqualTo("text");
        assertThat(((Comment) ((ParsedLine.Parsed) lines.get(2)).record()).text())
                .hasSize(RecordParser.MAX_TEXT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<b>bold",
                "=HYPERLINK(\\\"http://x\\\")",
                "=1+1",
                "+SUM(A1)",
                "-2+3",
                "@@SUM(1)",
                "two words",
                "quote'd",
                ".dot",
                "a@",
                "a@b@c"
            })
    void aHandleThatIsMarkupOrAFormulaIsRejected(String handle) throws Exception {
        Rejection r = rejection(readJsonl(dir, account("1", handle, "")).get(0));
        assertThat(r.field()).isEqualTo("handle");
        assertThat(r.reason()).contains("may only contain letters, digits and . _ -");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mia",
                "@mia",
                "the.fit_coach",
                "alice.bsky.social",
                "xn--caf-dma.example",
                "jane@mastodon.social",
                "@jane@fosstodon.org",
                "UCBJycsmduvYEL83R_U4JriQ",
                "@MKBHD",
                "café-lleida·ca",
                "ナナ_123",
                "_underscore",
                "9gag"
            })
    void realAndGeneratedHandlesAreAccepted(String handle) throws Exception {
        assertThat(readJsonl(dir, account("1", handle, "")).get(0)).isInstanceOf(ParsedLine.Parsed.class);
    }

    @Test
    void aFileOfOnlyBlankLinesIsUnusable() {
        Path file = write(dir, "blank.jsonl", "\n\n   \r\n\t\n");
        assertThatThrownBy(() -> InputFiles.open(file).close())
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("blank.jsonl")
                .hasMessageContaining("no records");
    }

    @Test
    void aCsvRecordOverTheCapIsRejectedAndTheNextRecordIsRead() throws Exception {
        String csv = "platform,id,handle,followers\n"
                + "instagram,1,a,10\n"
                + "instagram,\"" + "x".repeat(5000) + "\n" + "y".repeat(5000) + "\",b,10\n"
                + "instagram,3,c,10\n";
        List<ParsedLine> lines =
                readAll(write(dir, "long.csv", csv.getBytes(StandardCharsets.UTF_8)), new InputLimits(1L << 30, 4096));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.get(0)).isInstanceOf(ParsedLine.Parsed.class);
        assertThat(rejection(lines.get(1)).line()).isEqualTo(3);
        assertThat(rejection(lines.get(1)).reason()).contains("line longer than 4 KiB");
        ParsedLine lastLine = lines.get(lines.size() - 1);
        assertThat(((Account) ((ParsedLine.Parsed) lastLine).record()).handle()).isEqualTo("c");
        assertThat(lastLine.line()).isEqualTo(5);
    }

    @Test
    void aCsvFieldWithANulByteOrInvalidUtf8IsRejected() throws Exception {
        byte[] head = "platform,id,handle,followers\ninstagram,a\0b,h,10\ninstagram,".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Gr\u00fcn,h,10\ninstagram,ok,h,10\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + latin.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(latin, 0, all, head.length, latin.length);
        // The NUL sits past no sniffed block here; pad the header so the binary check at the start does not see it.
        Path file = write(dir, "nul.csv", pad(all));
        List<ParsedLine> lines = Inputs.readAll(file);
        List<ParsedLine> records = lines.subList(lines.size() - 3, lines.size());
        assertThat(rejection(records.get(0)).field()).isEqualTo("id");
        assertThat(rejection(records.get(0)).reason()).contains("U+0000");
        assertThat(rejection(records.get(1)).reason()).startsWith("invalid UTF-8 on line");
        assertThat(records.get(2)).isInstanceOf(ParsedLine.Parsed.class);
    }

    /** Puts 9,000 bytes of valid rows after the CSV header so the suspicious bytes come after the sniffed head. */
    private static byte[] pad(byte[] csv) {
        String text = new String(csv, StandardCharsets.ISO_8859_1);
        int nl = text.indexOf('\n') + 1;
        StringBuilder rows = new StringBuilder();
        for (int i = 0; rows.length() < 9000; i++) {
            rows.append("instagram,pad").append(i).append(",h,1\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(csv, 0, nl);
        out.writeBytes(rows.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(csv, nl, csv.length - nl);
        return out.toByteArray();
    }

    @Test
    void aCsvHeaderThatNamesAColumnTwiceIsUnusable() {
        Path file = write(dir, "twice.csv", "platform,id,handle,followers,Handle\ninstagram,1,a,10,b\n");
        assertThatThrownBy(() -> InputFiles.open(file).close())
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("twice.csv")
                .hasMessageContaining("'handle' twice");
    }

    @Test
    void aLoneCarriageReturnStillEndsALine() throws IOException {
        LineReader reader =
                new LineReader(new ByteArrayInputStream("a\rb\r\nc".getBytes(StandardCharsets.US_ASCII)), 64);
        List<String> texts = new ArrayList<>();
        while (reader.next()) {
            texts.add(reader.text() + "|"
                    + reader.terminator().replace("\r", "CR").replace("\n", "LF"));
        }
        assertThat(texts).containsExactly("a|CR", "b|CRLF", "c|");
    }
}
