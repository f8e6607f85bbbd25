package io.microreach.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.app.home.MicroreachHome;
import io.microreach.ingest.InputLimits;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The importer under its caps: refused files keep what was stored consistent, nothing is stored changed. */
class ImportLimitsTest extends SpringAppTest {
    @Autowired
    Importer importer;

    @TempDir
    Path dir;

    @BeforeEach
    void empty() {
        emptyPublicTables();
        jdbc.update("DELETE FROM score_queue");
    }

    private static String account(String id) {
        return "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"" + id + "\",\"handle\":\"h" + id
                + "\",\"followers\":10}\n";
    }

    /** {@code accounts} good lines, then {@code bombBytes} of one endless line, gzip-compressed. */
    private Path bomb(int accounts, long bombBytes) throws IOException {
        Path file = dir.resolve("bomb.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < accounts; i++) {
                out.write(account("a" + i).getBytes(StandardCharsets.UTF_8));
            }
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'x');
            for (long left = bombBytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(left, block.length));
            }
        }
        return file;
    }

    @Test
    void aGzipBombIsRefusedWithOneLineAndTheBatchesBeforeItStayStoredOnce() throws Exception {
        Importer capped =
                new Importer(jdbc.getDataSource(), new MicroreachHome(dir), 7, new InputLimits(2 << 20, 1 << 16));
        Path bomb = bomb(30, 64L << 20);

        assertThatThrownBy(() -> capped.importFile(bomb, "bomb.jsonl.gz", null, ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("bomb.jsonl.gz")
                .hasMessageContaining("expands to more than 2 MiB")
                .hasMessageContaining("microreach.import.max-decompressed-bytes")
                .hasMessageContaining("30 stored")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", dir.toString()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(30L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM score_queue", Long.class))
                .isEqualTo(30L);

        // Importing the same file again duplicates nothing.
        assertThatThrownBy(() -> capped.importFile(bomb, "bomb.jsonl.gz", null, ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(30L);
    }

    @Test
    void anOverlongLineIsRejectedByNumberAndTheLinesAfterItAreStored() throws Exception {
        Importer capped =
                new Importer(jdbc.getDataSource(), new MicroreachHome(dir), 100, new InputLimits(1L << 30, 4096));
        Path file = Files.writeString(
                dir.resolve("long.jsonl"), account("1") + "{\"bio\":\"" + "x".repeat(100_000) + "\"}\n" + account("2"));

        ImportReport report = capped.importFile(file, ImportProgress.NONE);

        assertThat(report.stored()).isEqualTo(2);
        assertThat(report.firstRejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("line longer than 4 KiB");
        });
    }

    @Test
    void aFileOfOnlyBlankLinesIsUnusable() throws Exception {
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n".repeat(100_000) + "   \n");
        assertThatThrownBy(() -> importer.importFile(blank, ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("blank.jsonl")
                .hasMessageContaining("no records");
        Path headerOnly =
                Files.writeString(dir.resolve("header.csv"), "platform,id,handle,followers" + "\n".repeat(10_000));
        assertThatThrownBy(() -> importer.importFile(headerOnly, ImportProgress.NONE))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("no records");
    }

    @Test
    void anIdWithANulByteIsRejectedAndNeverMergedWithTheIdWithoutIt() throws Exception {
        Path file = Files.writeString(
                dir.resolve("nul.jsonl"), account("nul\\u0000id") + account("nulid"), StandardCharsets.UTF_8);

        ImportReport report = importer.importFile(file, ImportProgress.NONE);

        assertThat(report.stored()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.firstRejections().get(0).field()).isEqualTo("id");
        assertThat(jdbc.queryForList("SELECT platform_id FROM account", String.class))
                .containsExactly("nulid");
    }

    @Test
    void theNameGivenStandsForTheFileInEveryRejection() throws Exception {
        Path file = Files.writeString(dir.resolve("9f3a/upload.jsonl".replace('/', '_')), "{\"type\":\"x\"}\n");
        Path report = dir.resolve("reports").resolve("job.rejected.csv");

        ImportReport result = importer.importFile(file, "my file.jsonl", report, ImportProgress.NONE);

        assertThat(result.firstRejections())
                .singleElement()
                .satisfies(r -> assertThat(r.source()).isEqualTo("my file.jsonl"));
        assertThat(result.rejectionFile()).isEqualTo(report);
        assertThat(Files.readString(report)).contains("my file.jsonl").doesNotContain(dir.toString());
        assertThat(Files.exists(dir.resolve(file.getFileName() + ".rejected.csv")))
                .isFalse();
    }

    @Test
    void aKeyThatLooksLikeAFormulaCannotRunInTheRejectedLinesReport() throws Exception {
        Path file = Files.writeString(
                dir.resolve("formula.jsonl"),
                "{\"type\":\"account\",\"=HYPERLINK(\\\"http://x\\\")\":1,\"=HYPERLINK(\\\"http://x\\\")\":2}\n");
        Path report = dir.resolve("formula.rejected.csv");

        importer.importFile(file, "formula.jsonl", report, ImportProgress.NONE);

        String csv = Files.readString(report);
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }
}
