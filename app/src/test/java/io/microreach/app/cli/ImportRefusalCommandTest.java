package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.TestHomes;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@code microreach import} on hostile files: one line on standard error, a documented exit code, no stack trace. */
class ImportRefusalCommandTest {
    private static final Path HOME = TestHomes.newHome("cli-refusal");
    private static final String ACCOUNT =
            "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"b1\",\"handle\":\"before\",\"followers\":10}\n";

    @Test
    void aGzipBombExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Path bomb = HOME.resolve("bomb.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write(ACCOUNT.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
        String property = "microreach.import.max-decompressed-bytes";
        System.setProperty(property, "1MB");
        CliRun.Result r;
        try {
            r = CliRun.run(HOME, "import", bomb.toString());
        } finally {
            System.clearProperty(property);
        }
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err())
                .contains("bomb.jsonl.gz")
                .contains("expands to more than 1 MiB")
                .contains("1 stored")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void aFileOfBlankLinesExitsTwo() throws Exception {
        Path blank = Files.writeString(HOME.resolve("blank.jsonl"), "\n".repeat(20_000));
        CliRun.Result r = CliRun.run(HOME, "import", blank.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("blank.jsonl").contains("no records").doesNotContain("\tat ");
    }
}
