package io.microreach.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import io.microreach.app.cli.MicroreachCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code microreach crawl}, {@code add} and {@code sources} as a user runs them, against a Bluesky stand-in. */
class CrawlCommandLineTest {
    private static final Path HOME = TestHomes.newHome("crawl-cli");
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BlueskyStandIn appView;

    record Captured(int code, String stdout, String stderr) {}

    @BeforeEach
    void start() {
        appView = new BlueskyStandIn();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private static Captured run(String... args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withHome = new String[args.length + 2];
        System.arraycopy(args, 0, withHome, 0, args.length);
        withHome[args.length] = "--home";
        withHome[args.length + 1] = HOME.toString();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = MicroreachCommand.run(withHome);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void crawlStopsAtItsBudgetResumesAndReportsAsJson() throws Exception {
        String base = appView.baseUrl();
        Captured stopped =
                run("crawl", "bluesky", "--query", BlueskyStandIn.KEYWORD, "--max-requests", "4", "--base-url", base);
        assertThat(stopped.code()).as(stopped.stderr()).isEqualTo(4);
        assertThat(stopped.stdout()).contains("stopped (request_budget)").contains("Run the same command again");

        Captured done = run("crawl", "bluesky", "--query", BlueskyStandIn.KEYWORD, "--base-url", base, "--json");
        assertThat(done.code()).as(done.stderr()).isZero();
        JsonNode run = STRICT.readTree(done.stdout());
        assertThat(run.get("state").asText()).isEqualTo("completed");
        assertThat(run.get("accounts").asInt()).isEqualTo(2);

        JsonNode sources = STRICT.readTree(run("sources", "--json").stdout());
        JsonNode bluesky = sources.get("sources").get(0);
        assertThat(bluesky.get("source").asText()).isEqualTo("bluesky");
        assertThat(bluesky.get("accounts").asLong()).isEqualTo(2);
        assertThat(bluesky.get("ready").asBoolean()).isTrue();
    }

    @Test
    void badInputGetsExitCodeTwoAndNamesTheField() {
        Captured unknown = run("crawl", "myspace", "--query", "x");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("source").contains("myspace");

        Captured ambiguous = run("add", "rubyjohnson");
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.stderr()).contains("account").contains("choose the platform");

        Captured noKey = run("add", "https://www.youtube.com/@someone");
        assertThat(noKey.code()).isEqualTo(2);
    }
}
