package io.microreach.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The campaign command's contract: JSON keys as the README names them, only JSON on stdout, errors named. */
class CampaignCommandLineTest {
    private static final Path HOME = TestHomes.newHome("campaign-cli");
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static Path brief;

    private static Captured run(String... args) {
        return CommandCapture.run(HOME, args);
    }

    private static JsonNode json(Captured c) throws Exception {
        assertThat(c.code()).as(c.stderr()).isZero();
        return STRICT.readTree(c.stdout());
    }

    @BeforeAll
    static void pool() throws Exception {
        Path data = HOME.resolve("pool");
        assertThat(run("generate", "--creators", "40", "--seed", "5", "--out", data.toString())
                        .code())
                .isZero();
        assertThat(run("import", data.resolve("data.jsonl").toString()).code()).isZero();
        brief = Files.writeString(
                HOME.resolve("brief.yaml"),
                "budget: 2500\ncurrency: EUR\nconstraints:\n  maxCreators: 3\n"
                        + "  minEvidence: {trustScore: false, posts: 0}\n");
    }

    @Test
    void createListAndShowPrintTheContractsJson() throws Exception {
        JsonNode created = json(run(
                "campaign",
                "create",
                "--from-plan",
                brief.toString(),
                "--name",
                "CLI launch",
                "--landing-url",
                "https://shop.example/launch",
                "--hashtag",
                "clilaunch",
                "--starts",
                "2026-06-01",
                "--json"));
        long id = created.get("id").asLong();
        assertThat(created.get("creators")).isNotEmpty();
        for (JsonNode c : created.get("creators")) {
            assertThat(c.get("platform").asText()).isNotBlank();
            assertThat(c.get("handle").asText()).isNotBlank();
            assertThat(c.get("trackingUrl").asText()).matches("https?://.+/r/[A-Za-z0-9]{10}");
            assertThat(c.get("promoCode").asText()).matches("[A-Z0-9-_]{3,32}");
            assertThat(c.get("deliverables").get(0).get("dueOn").asText()).isEqualTo("2026-06-15");
        }

        JsonNode list = json(run("campaign", "list", "--json"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.get(0).get("name").asText()).isEqualTo("CLI launch");

        JsonNode shown = json(run("campaign", "show", "--campaign", "" + id, "--json"));
        assertThat(shown.get("creators").size())
                .isEqualTo(created.get("creators").size());
        long deliverable = shown.get("creators")
                .get(0)
                .get("deliverables")
                .get(0)
                .get("id")
                .asLong();
        JsonNode moved = json(run(
                "campaign",
                "status",
                "--campaign",
                "" + id,
                "--deliverable",
                "" + deliverable,
                "--to",
                "accepted",
                "--json"));
        assertThat(moved.get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void problemsAreNamedWithExitCodeTwo() {
        Captured dup = run(
                "campaign",
                "create",
                "--from-plan",
                brief.toString(),
                "--name",
                "Bad link",
                "--landing-url",
                "mailto:someone@example.com");
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.stderr()).contains("landingUrl").contains("http(s)");
        Captured missing = run("campaign", "show", "--campaign", "424242");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.stderr()).contains("campaignId").contains("no campaign with id 424242");
        Captured noBrief = run(
                "campaign", "create", "--from-plan", "nope.yaml", "--name", "x", "--landing-url", "https://a.example");
        assertThat(noBrief.code()).isEqualTo(2);
        assertThat(noBrief.stderr()).contains("cannot read brief");
    }
}
