package io.microreach.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.TestHomes;
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

    @BeforeEach
    void start() {
        appView = new BlueskyStandIn();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private static Captured run(String... args) {
        return CommandCapture.run(HOME, args);
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
