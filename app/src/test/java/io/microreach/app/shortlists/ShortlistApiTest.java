package io.microreach.app.shortlists;

import static io.microreach.app.WebClient.assertFriendly;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ShortlistApiTest extends SpringAppTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private WebClient web;
    private long a1;
    private long a2;

    @BeforeEach
    void data() {
        web = new WebClient(port);
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        for (int i = 1; i <= 2; i++) {
            jdbc.update(
                    "INSERT INTO account (platform, platform_id, handle, followers) VALUES ('tiktok', ?, ?, ?)",
                    "id" + i,
                    "creator" + i,
                    i * 10_000L);
        }
        a1 = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'creator1'", Long.class);
        a2 = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'creator2'", Long.class);
    }

    private JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void createAddListRenameRemoveDelete() {
        HttpResponse<String> created = web.json("POST", "/api/shortlists", "{\"name\":\"  Spring launch \"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = body(created).get("id").asLong();
        assertThat(body(created).get("name").asString()).isEqualTo("Spring launch");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/shortlists/" + id);

        assertThat(web.json("PUT", "/api/shortlists/" + id + "/entries/" + a1, null)
                        .statusCode())
                .isEqualTo(201);
        assertThat(web.json("PUT", "/api/shortlists/" + id + "/entries/" + a2, null)
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = web.json("PUT", "/api/shortlists/" + id + "/entries/" + a1, null);
        assertThat(again.statusCode()).as("adding twice keeps one entry").isEqualTo(200);
        assertThat(body(again).get("size").asInt()).isEqualTo(2);

        JsonNode list = body(web.json("GET", "/api/shortlists/" + id, null));
        assertThat(list.get("entries")).hasSize(2);
        assertThat(list.get("entries").get(0).get("handle").asString()).startsWith("creator");
        assertThat(list.get("entries").get(0).has("trustScore")).isTrue();

        assertThat(body(web.json("PATCH", "/api/shortlists/" + id, "{\"name\":\"Summer\"}"))
                        .get("name")
                        .asString())
                .isEqualTo("Summer");
        assertThat(web.json("DELETE", "/api/shortlists/" + id + "/entries/" + a1, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(body(web.json("GET", "/api/shortlists", null))
                        .get(0)
                        .get("size")
                        .asInt())
                .isEqualTo(1);
        assertThat(web.json("DELETE", "/api/shortlists/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(body(web.json("GET", "/api/shortlists", null))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .as("deleting a list keeps the accounts")
                .isEqualTo(2);
    }

    @Test
    void errorsAreProblemJsonNamingTheField() {
        long id = body(web.json("POST", "/api/shortlists", "{\"name\":\"A\"}"))
                .get("id")
                .asLong();

        assertProblem(web.json("POST", "/api/shortlists", "{\"name\":\"   \"}"), 400, "name");
        assertProblem(web.json("POST", "/api/shortlists", "{}"), 400, "name");
        assertProblem(web.json("POST", "/api/shortlists", "{\"name\":\"" + "x".repeat(101) + "\"}"), 400, "name");
        assertProblem(web.json("POST", "/api/shortlists", "{\"name\":\"a\"}"), 409, "name");
        assertProblem(web.json("POST", "/api/shortlists", "not json"), 400, "body");
        assertProblem(web.json("GET", "/api/shortlists/999999", null), 404, "shortlistId");
        assertProblem(web.json("GET", "/api/shortlists/abc", null), 400, "id");
        assertProblem(web.json("PATCH", "/api/shortlists/999999", "{\"name\":\"B\"}"), 404, "shortlistId");
        assertProblem(web.json("DELETE", "/api/shortlists/999999", null), 404, "shortlistId");
        assertProblem(web.json("PUT", "/api/shortlists/" + id + "/entries/999999", null), 404, "accountId");
        assertProblem(web.json("PUT", "/api/shortlists/999999/entries/" + a1, null), 404, "shortlistId");
        assertProblem(web.json("PUT", "/api/shortlists/" + id + "/entries/x", null), 400, "accountId");
        assertProblem(web.json("DELETE", "/api/shortlists/" + id + "/entries/" + a1, null), 404, "accountId");
    }

    @Test
    void theEndpointsAreInTheOpenApiDescription() {
        String api = web.get("/v3/api-docs").body();
        assertThat(api).contains("/api/shortlists").contains("/api/shortlists/{id}/entries/{accountId}");
    }

    private void assertProblem(HttpResponse<String> r, int status, String parameter) {
        assertFriendly(r, status, parameter);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(body(r).get("parameter").asString()).isEqualTo(parameter);
    }
}
