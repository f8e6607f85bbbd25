package io.microreach.app.importjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Import jobs end, clean up and survive a restart whatever happens to them. */
class ImportJobsTest extends SpringAppTest {
    private static final byte[] ACCOUNT =
            "{\"type\":\"account\",\"platform\":\"tiktok\",\"id\":\"j1\",\"handle\":\"dancer\",\"followers\":3000}\n"
                    .getBytes(StandardCharsets.UTF_8);

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ImportJobStore store;

    @TempDir
    Path home;

    private final CountDownLatch release = new CountDownLatch(1);
    private ImportJobs jobs;

    @AfterEach
    void stop() {
        release.countDown();
        if (jobs != null) {
            jobs.stop();
        }
        jdbc.update("DELETE FROM import_job WHERE file_name LIKE 'jobs-test-%'");
    }

    private ImportJobs jobs(Importer with, int maxQueued, long maxBytes, int keepReports) {
        jobs = new ImportJobs(
                with,
                scorer,
                new MicroreachHome(home),
                store,
                new CurrentWorkspace(jdbc, "default"),
                new AuditLog(jdbc),
                maxQueued,
                DataSize.ofBytes(maxBytes),
                keepReports,
                Duration.ofDays(1));
        jobs.recover();
        return jobs;
    }

    /** An importer whose every import throws {@code failure}, after waiting for the test to let it. */
    private Importer failing(Throwable failure) {
        return new Importer(jdbc.getDataSource(), new MicroreachHome(home), 10) {
            @Override
            public ImportReport importFile(Path file, String name, Path report, ImportProgress progress) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        };
    }

    private static ImportJob awaitFinished(ImportJob job) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!job.state().finished() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(job.state().finished()).as("job finished").isTrue();
        return job;
    }

    private ImportJob submit(ImportJobs queue, String name) {
        return queue.submit(null, name, ACCOUNT.length, new ByteArrayInputStream(ACCOUNT));
    }

    private long filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anOutOfMemoryErrorMarksTheJobFailedWithTheMessageAndDeletesTheUpload() throws Exception {
        ImportJobs queue = jobs(failing(new OutOfMemoryError("Java heap space")), 5, 1 << 20, 10);
        ImportJob job = submit(queue, "jobs-test-oom.jsonl");
        assertThat(filesUnder(home.resolve("uploads"))).isEqualTo(1);
        release.countDown();

        awaitFinished(job);

        assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(job.failure()).contains("Java heap space").contains("OutOfMemoryError");
        assertThat(filesUnder(home.resolve("uploads"))).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM import_job WHERE id = ?", String.class, job.id()))
                .isEqualTo("FAILED");
    }

    @Test
    void aGzipBombUploadFailsItsJobWithOneLineAndKeepsTheLinesBeforeIt() throws Exception {
        emptyPublicTables();
        Importer capped = new Importer(
                jdbc.getDataSource(),
                new MicroreachHome(home),
                10,
                new io.microreach.ingest.InputLimits(1 << 20, 1 << 16));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(ACCOUNT);
            byte[] endless = new byte[8 << 20];
            java.util.Arrays.fill(endless, (byte) 'x');
            gz.write(endless); // one line that never ends
        }
        byte[] bomb = bytes.toByteArray();
        ImportJobs queue = jobs(capped, 5, 1 << 20, 10);

        ImportJob job = awaitFinished(
                queue.submit(null, "jobs-test-bomb.jsonl.gz", bomb.length, new ByteArrayInputStream(bomb)));

        assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(job.failure())
                .startsWith("jobs-test-bomb.jsonl.gz: refused at line 2: expands to more than 1 MiB")
                .contains("1 stored")
                .doesNotContain("\n", home.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(1L);
        assertThat(filesUnder(home.resolve("uploads"))).isZero();
        assertThat(jdbc.queryForObject("SELECT failure FROM import_job WHERE id = ?", String.class, job.id()))
                .isEqualTo(job.failure());
    }

    @Test
    void aFailureMessageNamesTheUploadNotTheServerPath() throws Exception {
        Path uploads = home.resolve("uploads");
        ImportJobs queue = jobs(
                failing(new IllegalStateException("cannot read " + uploads.toAbsolutePath() + "/x/jobs-test-p.jsonl")),
                5,
                1 << 20,
                10);
        ImportJob job = submit(queue, "jobs-test-p.jsonl");
        release.countDown();
        awaitFinished(job);
        assertThat(job.failure()).doesNotContain(home.toString()).contains("uploads");
    }

    @Test
    void aFullQueueRefusesWith429AndAQueueOverItsBytesWith413SavingNothing() throws Exception {
        ImportJobs queue = jobs(failing(new IllegalStateException("stop")), 1, 1 << 20, 10);
        submit(queue, "jobs-test-first.jsonl");

        assertThatThrownBy(() -> submit(queue, "jobs-test-second.jsonl"))
                .isInstanceOf(UploadQuotaExceeded.class)
                .hasMessageContaining("microreach.upload.max-queued")
                .satisfies(e -> assertThat(((UploadQuotaExceeded) e).status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        assertThat(filesUnder(home.resolve("uploads"))).isEqualTo(1);

        queue.queueLimits(5, ACCOUNT.length + 10);
        assertThatThrownBy(() -> submit(queue, "jobs-test-third.jsonl"))
                .isInstanceOf(UploadQuotaExceeded.class)
                .hasMessageContaining("microreach.upload.max-queued-bytes")
                .satisfies(e -> assertThat(((UploadQuotaExceeded) e).status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
        assertThat(filesUnder(home.resolve("uploads"))).isEqualTo(1);
    }

    @Test
    void aRestartMarksRunningJobsFailedAndRemovesTheirUploads() throws Exception {
        jdbc.update(
                "INSERT INTO import_job (id, file_name, size_bytes, state, submitted_at, lines) VALUES"
                        + " ('0000beef', 'jobs-test-killed.jsonl', 100, 'IMPORTING', ?, 42)",
                Timestamp.from(Instant.now()));
        Path leftover = home.resolve("uploads/0000beef/jobs-test-killed.jsonl");
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, ACCOUNT);

        ImportJobs restarted = jobs(importer, 5, 1 << 20, 10);

        ImportJob job = restarted.find("0000beef").orElseThrow();
        assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(job.failure())
                .isEqualTo("The server stopped during this import; import the file again — already stored rows are"
                        + " not duplicated.");
        assertThat(job.lines()).isEqualTo(42);
        assertThat(restarted.recent()).extracting(ImportJob::id).contains("0000beef");
        assertThat(filesUnder(home.resolve("uploads"))).isZero();
    }

    @Test
    void aFinishedJobAndItsReportAreShownAgainAfterARestart() throws Exception {
        emptyPublicTables();
        ImportJobs before = jobs(importer, 5, 1 << 20, 10);
        byte[] mixed = (new String(ACCOUNT, StandardCharsets.UTF_8) + "{\"type\":\"nope\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportJob job = awaitFinished(
                before.submit(null, "jobs-test-mixed.jsonl", mixed.length, new ByteArrayInputStream(mixed)));
        assertThat(job.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(filesUnder(home.resolve("uploads")))
                .as("the upload is deleted")
                .isZero();
        before.stop();

        ImportJob again = jobs(importer, 5, 1 << 20, 10).find(job.id()).orElseThrow();
        assertThat(again.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(again.report().stored()).isEqualTo(1);
        assertThat(again.report().rejected()).isEqualTo(1);
        assertThat(again.report().firstRejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.source()).isEqualTo("jobs-test-mixed.jsonl");
        });
        assertThat(again.report().rejectionFile()).isNotNull();
        assertThat(Files.readString(again.report().rejectionFile()))
                .contains("jobs-test-mixed.jsonl,2,")
                .doesNotContain(home.toString());
    }

    @Test
    void onlyTheNewestRejectedReportsYoungerThanTheMaximumAgeAreKept() throws Exception {
        Path reports = home.resolve("reports/import-rejections");
        Files.createDirectories(reports);
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            Path f = Files.writeString(reports.resolve("r" + i + ".rejected.csv"), "x");
            Files.setLastModifiedTime(f, FileTime.from(now.minus(Duration.ofHours(i))));
        }
        Path old = Files.writeString(reports.resolve("old.rejected.csv"), "x");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(3))));

        jobs(importer, 5, 1 << 20, 3);

        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("r0.rejected.csv", "r1.rejected.csv", "r2.rejected.csv");
        }
    }
}
