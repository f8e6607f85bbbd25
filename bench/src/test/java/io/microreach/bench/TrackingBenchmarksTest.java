package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: both HTTP benchmarks run end to end on a tiny load; nothing is asserted about timings. */
class TrackingBenchmarksTest {
    @TempDir
    Path dir;

    @Test
    void bothBenchmarksRunOnATinyLoadAndTheWebhookResultIsExact() throws Exception {
        PrintStream real = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean exact;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exact = WebhookBenchmark.run(dir.resolve("webhook"), 60, 4, 0.2, 0.25, 7, 60);
            RedirectBenchmark.run(dir.resolve("redirect"), 300, 30, 4, 1000, 5, 100);
        } finally {
            System.setOut(real);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exact).as(printed).isTrue();
        assertThat(printed)
                .contains("stored orders: 60 (expected exactly 60)")
                .contains("attribution correct: 60 of 60")
                .contains("baseline 404 (unknown code)")
                .contains("redirect 302 at 1,000/s")
                .contains("clicks stored: 900 of 900");
    }
}
