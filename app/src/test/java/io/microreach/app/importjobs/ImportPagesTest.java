package io.microreach.app.importjobs;

import static io.microreach.app.WebClient.assertFriendly;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class ImportPagesTest extends SpringAppTest {
    private static final String GOOD = """
            {"type":"account","platform":"tiktok","id":"t1","handle":"dancer","followers":3000}
            {"type":"account","platform":"tiktok","id":"t2","handle":"","followers":10}
            """;

    @Autowired
    ImportJobs jobs;

    @Autowired
    UploadLimits limits;

    private WebClient web;

    @BeforeEach
    void data() {
        web = new WebClient(port);
        emptyPublicTables();
    }

    private HttpResponse<String> upload(String fileName, byte[] content, String token) {
        return upload("/import", fileName, content, token);
    }

    private HttpResponse<String> upload(String path, String fileName, byte[] content, String token) {
        String boundary = "----microreach" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (token != null) {
            head.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"token\"\r\n\r\n")
                    .append(token)
                    .append("\r\n");
        }
        byte[] body;
        if (fileName != null) {
            head.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName)
                    .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            body = new byte[h.length + content.length + tail.length];
            System.arraycopy(h, 0, body, 0, h.length);
            System.arraycopy(content, 0, body, h.length, content.length);
            System.arraycopy(tail, 0, body, h.length + content.length, tail.length);
        } else {
            body = (head + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }
        return web.send(web.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private ImportJob awaitDone(String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        ImportJob job = jobs.find(id).orElseThrow();
        while (!job.state().finished() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(job.state()).isEqualTo(ImportJob.State.DONE);
        return job;
    }

    private static String jobId(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void pageHasALabelledUploadFormWithAOneTimeToken() {
        String page = web.get("/import").body();
        assertThat(page)
                .contains("<label for=\"file\">")
                .contains("enctype=\"multipart/form-data\"")
                .contains("name=\"token\"");
        assertThat(web.get("/import").body()).as("a fresh token per form").isNotEqualTo(page);
    }

    @Test
    void uploadImportsOnceEvenWhenSubmittedTwiceAndReportsTheBadLine() throws Exception {
        String token = jobs.newToken();
        String first = jobId(upload("two.jsonl", GOOD.getBytes(StandardCharsets.UTF_8), token));
        String second = jobId(upload("two.jsonl", GOOD.getBytes(StandardCharsets.UTF_8), token));
        assertThat(second).as("a double submit returns the first job").isEqualTo(first);

        ImportJob job = awaitDone(first);
        assertThat(job.report().stored()).isEqualTo(1);
        assertThat(job.report().rejected()).isEqualTo(1);
        assertThat(jobs.recent()).extracting(ImportJob::id).containsOnlyOnce(first);

        String page = web.get("/import/" + first).body();
        assertThat(page)
                .contains("2 lines: 1 stored, 0 unchanged, 1 rejected.")
                .contains("two.jsonl:2")
                .contains("handle")
                .doesNotContain("hx-get");
        String progress = web.get("/import/" + first + "/progress").body();
        assertThat(progress).doesNotContain("<html").contains("data-state=\"done\"");
        HttpResponse<String> csv = web.get("/import/" + first + "/rejected.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("file,line,field,reason")
                .contains("two.jsonl,2,handle")
                .doesNotContain("uploads");
        assertThat(page).doesNotContain("uploads/");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(1);
    }

    @Test
    void unusableUploadsGetAFriendlyMessageAndImportNothing() {
        assertFriendly(upload(null, new byte[0], "t"), 400, "Choose a non-empty");
        assertFriendly(upload("empty.jsonl", new byte[0], "t"), 400, "Choose a non-empty");
        HttpResponse<String> binary = upload("sheet.xlsx", new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0}, "t");
        assertFriendly(binary, 400, "sheet.xlsx");
        assertThat(binary.body()).doesNotContain(System.getProperty("microreach.test.tmp", "test-home"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isZero();
    }

    @Test
    void unknownJobsAndFilesAreFriendly404s() {
        assertFriendly(web.get("/import/0123abcd"), 404, "0123abcd");
        assertFriendly(web.get("/import/not-a-job"), 404, "not-a-job");
        assertFriendly(web.get("/import/0123abcd/progress"), 404, "0123abcd");
        assertFriendly(web.get("/import/0123abcd/rejected.csv"), 404, "0123abcd");
    }

    @Test
    void anOversizedUploadExplainsTheLimit() {
        var model = new ExtendedModelMap();
        String view = limits.refused(
                new MaxUploadSizeExceededException(512L * 1024 * 1024),
                model,
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/import"));
        assertThat(view).isEqualTo("import");
        assertThat((String) model.get("error")).contains("512 MB").contains("microreach import FILE");
    }

    @Test
    void aFullQueueIsRefusedWithAMessageOnThePageAndProblemJsonOnTheApi() {
        byte[] content = GOOD.getBytes(StandardCharsets.UTF_8);
        try {
            jobs.queueLimits(0, 1L << 30);
            assertFriendly(upload("full.jsonl", content, jobs.newToken()), 429, "microreach.upload.max-queued");
            HttpResponse<String> api = upload("/api/imports", "full.jsonl", content, null);
            assertThat(api.statusCode()).isEqualTo(429);
            assertThat(api.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.body()).contains("microreach.upload.max-queued");

            jobs.queueLimits(10, 5);
            assertFriendly(upload("big.jsonl", content, jobs.newToken()), 413, "microreach.upload.max-queued-bytes");
            HttpResponse<String> big = upload("/api/imports", "big.jsonl", content, null);
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("microreach.upload.max-queued-bytes");
        } finally {
            jobs.queueLimits(10, 2L << 30);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isZero();
    }

    @Test
    void theApiQueuesAnUploadAndReportsItsJob() throws Exception {
        HttpResponse<String> accepted =
                upload("/api/imports", "api.jsonl", GOOD.getBytes(StandardCharsets.UTF_8), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = accepted.body().replaceAll("(?s).*\"id\":\"([0-9a-f]{8})\".*", "$1");
        awaitDone(id);
        HttpResponse<String> job = web.get("/api/imports/" + id);
        assertThat(job.statusCode()).isEqualTo(200);
        assertThat(job.body())
                .contains("\"state\":\"done\"")
                .contains("\"stored\":1")
                .contains("api.jsonl:2: field 'handle'")
                .doesNotContain("uploads");
        assertThat(web.get("/api/imports/0123abcd").statusCode()).isEqualTo(404);
        HttpResponse<String> binary = upload("/api/imports", "x.jsonl", new byte[] {0x50, 0x4b, 3, 4, 0, 0}, null);
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(binary.body()).contains("x.jsonl").contains("binary");
    }

    @Test
    void fileNamesLoseFolderPartsAndOddCharacters() {
        assertThat(ImportJobs.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ImportJobs.safeName("C:\\data\\my creators.csv")).isEqualTo("my_creators.csv");
        assertThat(ImportJobs.safeName(".hidden.jsonl")).isEqualTo("hidden.jsonl");
        assertThat(ImportJobs.safeName(null)).isEmpty();
    }
}
