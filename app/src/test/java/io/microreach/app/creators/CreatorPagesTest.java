package io.microreach.app.creators;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.search.IndexProgress;
import io.microreach.app.search.SearchIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CreatorPagesTest extends SpringAppTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SearchIndex index;

    @Autowired
    Scorer scorer;

    @BeforeEach
    void data() {
        emptyPublicTables();
        for (int i = 1; i <= 60; i++) {
            jdbc.update(
                    "INSERT INTO account (platform, platform_id, handle, followers, bio) VALUES (?, ?, ?, ?, ?)",
                    i % 2 == 0 ? "instagram" : "tiktok",
                    "id" + i,
                    "creator" + i,
                    i * 1000L,
                    "bio " + i);
        }
        jdbc.update("UPDATE account SET bio = '<script>alert(\"x\")</script>' WHERE handle = 'creator60'");
        long id = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'creator60'", Long.class);
        jdbc.update(
                "INSERT INTO post (platform, platform_id, account_platform_id, account_id, published_at, format, caption, likes)"
                        + " VALUES ('instagram', 'p1', 'id60', ?, now(), 'photo', 'Morning <b>routine</b>', 77)",
                id);
        jdbc.update(
                "INSERT INTO comment (platform, platform_id, post_platform_id, post_id, author_handle, text, created_at)"
                        + " SELECT 'instagram', 'c1', 'p1', id, 'fan', 'love it', now() FROM post");
        jdbc.update(
                "INSERT INTO follower_sample (platform, account_platform_id, account_id, follower_platform_id, handle,"
                        + " followers) VALUES ('instagram', 'id60', ?, 'f1', 'follower.one', 12)",
                id);
        jdbc.update(
                "INSERT INTO follower_count (platform, account_platform_id, account_id, day, followers)"
                        + " VALUES ('instagram', 'id60', ?, '2026-03-01', 59000)",
                id);
        // Rows inserted with SQL bypass the rescoring event that keeps the index in sync: rebuild it.
        index.rebuild(IndexProgress.NONE);
    }

    @Test
    void listIsSortedByFollowersAndPaged() throws Exception {
        HttpResponse<String> first = get("/creators");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(handles(first.body())).startsWith("creator60", "creator59", "creator58");
        assertThat(first.body()).contains("Page 1 of 2").contains("60 accounts");

        HttpResponse<String> second = get("/creators?page=1");
        assertThat(handles(second.body())).hasSize(10).endsWith("creator1");
    }

    @Test
    void listSortsAscendingByHandleAndFiltersByPlatformAndText() throws Exception {
        assertThat(handles(get("/creators?sort=handle&dir=asc&size=3").body()))
                .containsExactly("creator1", "creator10", "creator11");
        assertThat(handles(get("/creators?platform=tiktok&size=100").body()))
                .hasSize(30)
                .allMatch(h -> {
                    int n = Integer.parseInt(h.substring("creator".length()));
                    return n % 2 == 1;
                });
        assertThat(handles(get("/creators?q=creator5").body()))
                .containsExactlyInAnyOrder(
                        "creator5",
                        "creator50",
                        "creator51",
                        "creator52",
                        "creator53",
                        "creator54",
                        "creator55",
                        "creator56",
                        "creator57",
                        "creator58",
                        "creator59");
    }

    @Test
    void creatorPageShowsTheRawDataAndEscapesCreatorText() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'creator60'", Long.class);
        HttpResponse<String> page = get("/creators/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("@creator60")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .doesNotContain("<script>alert")
                .contains("Morning &lt;b&gt;routine&lt;/b&gt;")
                .contains("love it")
                .contains("@follower.one")
                .contains("59,000");
    }

    @Test
    void aScoredAccountWithLittleDataListsTheMissingEvidenceAndHowToGetIt() throws Exception {
        scorer.scoreAll(ScoringProgress.NONE);
        long id = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'creator60'", Long.class);
        String body = get("/creators/" + id).body();
        assertThat(body)
                .contains("id=\"missing-evidence\"")
                .contains("Missing evidence")
                .contains("Real followers")
                .contains("import follower_sample records")
                .contains("import post records with likes and comments");
    }

    @Test
    void badParametersGetAFriendly400NamingTheParameter() throws Exception {
        assertProblem(get("/creators?sort=evil;drop"), 400, "sort");
        assertProblem(get("/creators?dir=sideways"), 400, "dir");
        assertProblem(get("/creators?page=-1"), 400, "page");
        assertProblem(get("/creators?size=100000"), 400, "size");
        assertProblem(get("/creators?page=abc"), 400, "page");
        assertProblem(get("/creators?platform=myspace"), 400, "platform");
        assertProblem(get("/creators/999999"), 404, "999999");
        assertProblem(get("/creators/notanumber"), 400, "id");
        assertProblem(get("/creators/notanumber/evidence/replies"), 400, "id");
        assertProblem(get("/creators/1/evidence/DROP%20TABLE"), 400, "component");
        assertProblem(get("/creators/999999/evidence/replies"), 404, "999999");
    }

    @Test
    void emptyDatabaseShowsWhatToDo() throws Exception {
        emptyPublicTables();
        index.rebuild(IndexProgress.NONE);
        assertThat(get("/creators").body()).contains("No creators match").contains("microreach import");
    }

    private void assertProblem(HttpResponse<String> response, int status, String named) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(named).doesNotContain("Exception").doesNotContain("at io.microreach");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> handles(String html) {
        Matcher m = Pattern.compile("href=\"/creators/\\d+\">@([^<]+)</a>").matcher(html);
        java.util.List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
