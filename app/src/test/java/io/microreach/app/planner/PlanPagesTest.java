package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Error paths of the web planner and of the creator page's niche and lookalike sections: a friendly message naming
 * the field, the right status, never a stack trace.
 */
class PlanPagesTest extends SpringAppTest {
    @Autowired
    ShortlistService shortlists;

    private long listId;
    private long accountId;

    @BeforeEach
    void oneAccountOnAList() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        jdbc.update(
                "INSERT INTO account (platform, platform_id, handle, followers) VALUES ('instagram', '1', 'a', 10)");
        accountId = jdbc.queryForObject("SELECT id FROM account", Long.class);
        Shortlist list = shortlists.create("Pages test");
        shortlists.add(list.id(), accountId);
        listId = list.id();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        TestIdentity.request(URI.create("http://localhost:" + port + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("HX-Request", "true")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        TestIdentity.request(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "budget=|budget",
                "budget=lots|budget",
                "budget=-5|budget",
                "budget=1e308|budget",
                "budget=1E%2B1000000000|budget",
                "budget=0.001|budget",
                "budget=10000000.01|budget",
                "budget=NaN|budget",
                "budget=100&currency=EURO|currency",
                "budget=100&objective=fame|objective",
                "budget=100&deliverable=tweetstorm|deliverable",
                "budget=100&maxBudgetShare=0|maxBudgetShare",
                "budget=100&ctr=250|brandRates",
                "budget=100&maxCreators=0|maxCreators"
            })
    void badPlanFieldsAreNamed(String form, String field) throws Exception {
        HttpResponse<String> r = post("/shortlists/" + listId + "/plan", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"plan-result\"").contains(field).doesNotContain("Exception");
    }

    @Test
    void unknownShortlistsAndBadIdsAreFriendly() throws Exception {
        HttpResponse<String> missing = post("/shortlists/999999/plan", "budget=100");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception");
        HttpResponse<String> badId = get("/shortlists/abc/overlap");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("id").doesNotContain("Exception");
    }

    @Test
    void aListWithOneAccountPerPlatformHasNothingToCompare() throws Exception {
        HttpResponse<String> r = get("/shortlists/" + listId + "/overlap");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("only one account");
    }

    @Test
    void creatorSectionErrorsAreFriendly() throws Exception {
        HttpResponse<String> unknownNiche = post("/creators/" + accountId + "/niches", "niche=astrology&assigned=true");
        assertThat(unknownNiche.statusCode()).isEqualTo(400);
        assertThat(unknownNiche.body()).contains("astrology").doesNotContain("Exception");

        HttpResponse<String> badFlag = post("/creators/" + accountId + "/niches", "niche=fitness&assigned=maybe");
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(badFlag.body()).contains("assigned");

        HttpResponse<String> missing = post("/creators/" + accountId + "/niches", "assigned=true");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("niche");

        assertThat(get("/creators/999999/niches").statusCode()).isEqualTo(404);
        assertThat(get("/creators/999999/lookalikes").statusCode()).isEqualTo(404);

        // An account without an embedding or an audience sketch: both lookalike lists say why.
        HttpResponse<String> none = get("/creators/" + accountId + "/lookalikes");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Similar content").contains("Shared audience");
    }
}
