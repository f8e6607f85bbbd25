package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestHomes;
import io.microreach.app.TestIdentity;
import io.microreach.app.WebClient;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.users.TokenScope;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands with {@code --server}: they answer from the test server's REST API, as the local commands would from
 * the database, and never start a database in their own (separate, empty) home.
 */
class RemoteCommandTest extends SpringAppTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    /** The command line's own home: it must stay empty, since a remote command opens no database. */
    private final Path home = TestHomes.newHome("remote-cli");

    private String server() {
        return "http://localhost:" + port;
    }

    private Captured remote(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", server(), "--token", TestIdentity.token()));
        return CommandCapture.run(home, all.toArray(String[]::new));
    }

    @AfterEach
    void noLocalDatabase() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.toList()).as("files in the command line's home").isEmpty();
        }
    }

    private void scoredData() {
        emptyPublicTables();
        ScoredData.load(importer, scorer, dir, 60, 3);
    }

    @Test
    void searchJsonIsWhatTheApiAnswersAndTextIsTheLocalTable() {
        scoredData();
        Captured c = remote("search", "--filter", "tier=micro", "--sort", "followers", "--limit", "5", "--json");
        assertThat(c.code()).as(c.stderr()).isZero();
        HttpResponse<String> api =
                new WebClient(port).get("/api/search?tier=micro&sort=followers&limit=5&offset=0&facets=true");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode printed = JSON.readTree(c.stdout());
        assertThat(printed).isEqualTo(JSON.readTree(api.body()));
        assertThat(printed.get("hits").size()).isBetween(1, 5);

        Captured text = remote("search", "--filter", "tier=micro", "--sort", "followers", "--limit", "5");
        assertThat(text.code()).as(text.stderr()).isZero();
        String firstHandle = printed.get("hits").get(0).get("handle").asString();
        assertThat(text.stdout()).contains("matching accounts; showing").contains("@" + firstHandle);

        Captured bad = remote("search", "--filter", "followers_min=abc");
        assertThat(bad.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(bad.stderr()).contains("followers_min");
    }

    @Test
    void scorecardOfALoadedAccount() {
        scoredData();
        Map<String, Object> account = jdbc.queryForMap("SELECT a.platform, a.handle FROM account a JOIN account_score s"
                + " ON s.account_id = a.id ORDER BY a.id LIMIT 1");
        String platform = (String) account.get("platform");
        String handle = (String) account.get("handle");

        Captured json = remote("scorecard", "--platform", platform, "--handle", "@" + handle, "--json");
        assertThat(json.code()).as(json.stderr()).isZero();
        HttpResponse<String> api = new WebClient(port).get("/api/accounts/" + platform + "/" + handle + "/scorecard");
        assertThat(JSON.readTree(json.stdout())).isEqualTo(JSON.readTree(api.body()));

        Captured text = remote("scorecard", "--platform", platform, "--handle", handle);
        assertThat(text.code()).as(text.stderr()).isZero();
        assertThat(text.stdout()).isEqualTo(ScorecardText.render(JSON.readTree(api.body())) + System.lineSeparator());

        Captured unknown = remote("scorecard", "--platform", platform, "--handle", "nobody-here");
        assertThat(unknown.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(unknown.stderr()).contains("no scorecard for " + platform + " @nobody-here");
    }

    @Test
    void importUploadsFollowsTheJobAndStoresTheRows() throws IOException {
        emptyPublicTables();
        Path data = Files.writeString(
                dir.resolve("remote.jsonl"),
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"r1\",\"handle\":\"remote_one\","
                        + "\"followers\":1200,\"bio\":\"Trail running in the Alps\"}\n"
                        + "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"r2\",\"handle\":\"remote_two\","
                        + "\"followers\":3400,\"bio\":\"Vegan baking\"}\n");
        Captured c = remote("import", data.toString());
        assertThat(c.code()).as(c.stderr()).isZero();
        assertThat(c.stdout()).contains("Imported " + data).contains("2 stored, 0 unchanged, 0 rejected");
        assertThat(jdbc.queryForList(
                        "SELECT handle FROM account WHERE platform = 'instagram' ORDER BY handle", String.class))
                .containsExactly("remote_one", "remote_two");

        Path bad = Files.writeString(
                dir.resolve("bad.jsonl"),
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"r3\",\"handle\":\"\",\"followers\":1}\n");
        Captured rejected = remote("import", bad.toString());
        assertThat(rejected.code()).as(rejected.stderr()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(rejected.stdout()).contains("1 rejected").contains("bad.jsonl:1: field 'handle'");

        String read = apiTokens
                .create(TestIdentity.EMAIL, TestIdentity.WORKSPACE, TokenScope.READ, "read only", "test")
                .token();
        Captured refused = CommandCapture.run(home, "import", data.toString(), "--server", server(), "--token", read);
        assertThat(refused.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(refused.stderr()).contains("microreach import: the server refused: ");
        assertThat(refused.stdout() + refused.stderr()).doesNotContain(read);
    }

    @Test
    void planOnTheServer() throws IOException {
        scoredData();
        Path brief = Files.writeString(dir.resolve("brief.yaml"), "budget: 3000\ncurrency: USD\n");
        Captured json = remote("plan", "--brief", brief.toString(), "--min-posts", "0", "--json");
        assertThat(json.code()).as(json.stderr()).isZero();
        JsonNode plan = JSON.readTree(json.stdout());
        assertThat(plan.get("creators").size()).isPositive();
        assertThat(plan.get("totalCost").asDouble()).isLessThanOrEqualTo(3000);

        Captured text = remote("plan", "--brief", brief.toString(), "--min-posts", "0");
        assertThat(text.code()).as(text.stderr()).isZero();
        assertThat(text.stdout()).startsWith("Plan: ").contains("Guarantee: ");

        Path zero = Files.writeString(dir.resolve("zero.yaml"), "budget: 0\n");
        Captured bad = remote("plan", "--brief", zero.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(bad.stderr()).contains("budget");
    }

    @Test
    void aRefusedTokenIsNamedAndNeverPrinted() throws IOException {
        String token = "mr_" + "x".repeat(40);
        Path data = Files.writeString(
                dir.resolve("a.jsonl"),
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"a\",\"followers\":10}\n");
        for (String[] args : List.of(
                new String[] {"search", "--json"},
                new String[] {"import", data.toString()},
                new String[] {"scorecard", "--platform", "instagram", "--handle", "a"},
                new String[] {"search", "--query", "running"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--server", server() + "/", "--token", token));
            Captured c = CommandCapture.run(home, all.toArray(String[]::new));
            assertThat(c.code()).isEqualTo(ExitCodes.UNUSABLE);
            assertThat(c.stderr())
                    .contains("the server refused the token (unknown, revoked or expired): create one with"
                            + " 'microreach token create'");
            assertThat(c.stdout()).isEmpty();
            assertThat(c.stdout() + c.stderr()).doesNotContain(token).doesNotContain("x".repeat(40));
        }
    }

    @Test
    void aServerWithoutATokenIsRefusedBeforeAnythingIsSent() {
        Captured c = CommandCapture.run(home, "search", "--server", server());
        assertThat(c.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(c.stderr()).contains("--server needs an API token").contains("MICROREACH_TOKEN");

        Captured notUrl = CommandCapture.run(home, "search", "--server", "ftp://example.com", "--token", "mr_a");
        assertThat(notUrl.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(notUrl.stderr()).contains("--server: expected http://");
    }

    @Test
    void anUnreachableServerIsNamedAndPlainHttpToAnotherHostIsWarnedAbout() {
        Captured refused = CommandCapture.run(home, "search", "--server", "http://127.0.0.1:1", "--token", "mr_abc");
        assertThat(refused.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.stderr())
                .contains("cannot connect to http://127.0.0.1:1")
                .doesNotContain("mr_abc");
        assertThat(refused.stderr()).doesNotContain("clear text");

        Captured far = CommandCapture.run(home, "search", "--server", "http://nowhere.invalid:9", "--token", "mr_abc");
        assertThat(far.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(far.stderr())
                .contains("http://nowhere.invalid:9 is not HTTPS: the API token and the data travel in clear text")
                .doesNotContain("mr_abc");
    }
}
