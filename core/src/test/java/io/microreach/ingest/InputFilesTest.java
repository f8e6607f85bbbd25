package io.microreach.ingest;

import static io.microreach.ingest.Inputs.readAll;
import static io.microreach.ingest.Inputs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Account;
import io.microreach.domain.Post;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputFilesTest {
    private static final String ACCOUNT =
            "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"h\",\"followers\":10}\n";

    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUnusable(Path file) {
        return assertThatThrownBy(() -> InputFiles.open(file).close())
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining(file.getFileName().toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void missingFile() {
        assertUnusable(dir.resolve("nope.jsonl")).hasMessageContaining("no such file");
    }

    @Test
    void directory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("folder.jsonl"));
        assertUnusable(sub).hasMessageContaining("directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.jsonl", "empty.csv", "empty.txt"})
    void emptyFile(String name) {
        assertUnusable(write(dir, name, new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void gzipOfNothingIsEmpty() throws IOException {
        assertUnusable(write(dir, "empty.jsonl.gz", gzip(new byte[0]))).hasMessageContaining("empty");
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = write(dir, "secret.jsonl", ACCOUNT);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions here");
        }
        Assumptions.assumeFalse(Files.isReadable(file), "running as a user who can read anything (root)");
        assertUnusable(file).hasMessageContaining("not readable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.jsonl", "data.csv", "data.json.gz"})
    void binaryFileWithNulBytes(String name) throws IOException {
        byte[] bytes = (ACCOUNT + "\0\0\0" + ACCOUNT).getBytes(StandardCharsets.UTF_8);
        if (name.endsWith(".gz")) {
            bytes = gzip(bytes);
        }
        assertUnusable(write(dir, name, bytes)).hasMessageContaining("binary");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void randomBytes(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[64 + random.nextInt(20_000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0x80; // never a valid start of UTF-8 text, never the gzip magic
        assertUnusable(write(dir, "random" + seed + ".jsonl", bytes));
    }

    @Test
    void invalidUtf8WithoutNulIsBinary() {
        byte[] bytes = ACCOUNT.getBytes(StandardCharsets.ISO_8859_1);
        byte[] latin1 = "{\"bio\":\"Gr\u00fcn\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[bytes.length + latin1.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(latin1, 0, all, bytes.length, latin1.length);
        assertUnusable(write(dir, "latin1.jsonl", all)).hasMessageContaining("UTF-8");
    }

    @Test
    void aMultiByteCharacterCutByTheSniffedBlockIsStillText() throws Exception {
        // Fill the file so that 'ü' (two bytes) straddles the 8 KiB boundary the binary check looks at.
        StringBuilder sb = new StringBuilder();
        String prefix =
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"h\",\"followers\":1,"
                        + "\"bio\":\"";
        sb.append(prefix)
                .append("x".repeat(8191 - prefix.length()))
                .append("ü".repeat(10))
                .append("\"}\n");
        assertThat(sb.toString().getBytes(StandardCharsets.UTF_8)[8191]).isEqualTo((byte) 0xC3);
        List<ParsedLine> lines = readAll(write(dir, "long.jsonl", sb.toString()));
        assertThat(lines).hasSize(1);
        assertThat(((Account) ((ParsedLine.Parsed) lines.get(0)).record()).bio())
                .endsWith("üüü");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.txt", "data.xml", "data", "data.gz", "data.jsonl.zip", "data.csvx", "jsonl"})
    void unknownExtension(String name) {
        assertUnusable(write(dir, name, ACCOUNT)).hasMessageContaining("unknown file type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.jsonl", "a.ndjson", "a.json", "A.JSONL", "a.Json.GZ", "a.jsonl.gz", "a.ndjson.gz"})
    void jsonlExtensions(String name) throws Exception {
        byte[] bytes = ACCOUNT.getBytes(StandardCharsets.UTF_8);
        if (name.toLowerCase().endsWith(".gz")) {
            bytes = gzip(bytes);
        }
        List<ParsedLine> lines = readAll(write(dir, name, bytes));
        assertThat(lines).singleElement().isInstanceOf(ParsedLine.Parsed.class);
    }

    @Test
    void gzippedJsonlIsReadTransparently() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"")
                    .append(i)
                    .append("\",\"handle\":\"h")
                    .append(i)
                    .append("\",\"followers\":")
                    .append(i)
                    .append(",\"bio\":\"Grüße aus München 🌿\"}\n");
        }
        Path file = write(dir, "accounts.jsonl.gz", gzip(sb.toString().getBytes(StandardCharsets.UTF_8)));
        long size = Files.size(file);
        try (RecordSource source = InputFiles.open(file)) {
            assertThat(source.name()).isEqualTo(file.toString());
            assertThat(source.totalBytes()).isEqualTo(size);
            int n = 0;
            while (source.hasNext()) {
                Account a = (Account) ((ParsedLine.Parsed) source.next()).record();
                assertThat(a.platformId()).isEqualTo(String.valueOf(n));
                assertThat(a.followers()).isEqualTo(n);
                assertThat(a.bio()).isEqualTo("Grüße aus München 🌿");
                n++;
            }
            assertThat(n).isEqualTo(2000);
            assertThat(source.bytesRead()).isEqualTo(size);
        }
    }

    @Test
    void gzippedCsvIsReadTransparently() throws Exception {
        byte[] csv = ("platform,id,account_id,published_at,format,caption\n"
                        + "instagram,p1,1,2026-03-01T18:30:00Z,photo,#gz\n")
                .getBytes(StandardCharsets.UTF_8);
        List<ParsedLine> lines = readAll(write(dir, "posts.csv.gz", gzip(csv)));
        assertThat(((Post) ((ParsedLine.Parsed) lines.get(0)).record()).hashtags())
                .containsExactly("gz");
    }

    @Test
    void gzipIsDetectedByContentEvenWithoutTheGzExtension() throws Exception {
        List<ParsedLine> lines = readAll(write(dir, "packed.jsonl", gzip(ACCOUNT.getBytes(StandardCharsets.UTF_8))));
        assertThat(lines).singleElement().isInstanceOf(ParsedLine.Parsed.class);
    }

    @Test
    void aCorruptGzipFileIsUnusable() throws IOException {
        byte[] bytes = gzip(ACCOUNT.repeat(50).getBytes(StandardCharsets.UTF_8));
        byte[] truncated = new byte[12];
        System.arraycopy(bytes, 0, truncated, 0, truncated.length);
        truncated[3] = (byte) 0xff; // reserved flag bits
        assertUnusable(write(dir, "corrupt.jsonl.gz", truncated));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 70_000})
    void bytesReadReachesTheFileSizeAtTheEnd(int records) throws Exception {
        Path jsonl = write(dir, "many.jsonl", ACCOUNT.repeat(records));
        Path csv = write(dir, "many.csv", "platform,id,handle,followers\n" + "instagram,1,h,10\n".repeat(records));
        for (Path file : List.of(jsonl, csv)) {
            long size = Files.size(file);
            try (RecordSource source = InputFiles.open(file)) {
                assertThat(source.totalBytes()).isEqualTo(size);
                assertThat(source.bytesRead()).isBetween(0L, size);
                long previous = 0;
                int n = 0;
                while (source.hasNext()) {
                    source.next();
                    n++;
                    assertThat(source.bytesRead()).isGreaterThanOrEqualTo(previous);
                    previous = source.bytesRead();
                }
                assertThat(n).isEqualTo(records);
                assertThat(source.bytesRead()).as(file.toString()).isEqualTo(size);
            }
        }
    }

    @Test
    void iteratingPastTheEndThrows() throws Exception {
        try (RecordSource source = InputFiles.open(write(dir, "one.jsonl", ACCOUNT))) {
            source.next();
            assertThat(source.hasNext()).isFalse();
            assertThatThrownBy(source::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
        try (RecordSource source = InputFiles.open(write(dir, "one.csv", "platform,id,handle,followers\n"))) {
            assertThat(source.hasNext()).isFalse();
            assertThatThrownBy(source::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }
}
