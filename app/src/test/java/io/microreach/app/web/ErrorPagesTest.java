package io.microreach.app.web;

import static io.microreach.app.WebClient.assertFriendly;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every error a browser or an API client can cause gets an answer in the app's words, never Spring's defaults. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest extends SpringAppTest {
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    private static final Map<String, String> HTMX = Map.of("Accept", "*/*", "HX-Request", "true");

    private WebClient web;

    @BeforeEach
    void client() {
        web = new WebClient(port);
    }

    /** A full page in the layout: the navigation, a heading and a way back into the app. */
    private static void assertAppPage(HttpResponse<String> r, int status, String heading) {
        assertFriendly(r, status, heading);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body())
                .contains("<nav aria-label=\"main\">")
                .contains("<h1>" + heading + "</h1>")
                .contains("href=\"/discover\"")
                .doesNotContain("Whitelabel")
                .doesNotContain("There was an unexpected error");
    }

    private static void assertProblemJson(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body())
                .contains("\"status\":" + status)
                .contains("\"detail\":")
                .doesNotContain("<html");
    }

    @Test
    void unknownAddressesGetANotFoundPageInTheLayout() {
        HttpResponse<String> r = web.get("/no-such-page", BROWSER);
        assertAppPage(r, 404, "Page not found");
        assertThat(r.body()).contains("There is no page at /no-such-page");
        assertAppPage(web.get("/creators/12/no-such-tab", BROWSER), 404, "Page not found");
        assertAppPage(web.get("/static-file-that-is-not-there.css", BROWSER), 404, "Page not found");
    }

    @Test
    void unknownApiAddressesGetProblemJsonWhateverTheClientAccepts() {
        assertProblemJson(web.get("/api/no-such-endpoint"), 404);
        HttpResponse<String> fromBrowser = web.get("/api/no-such-endpoint", BROWSER);
        assertProblemJson(fromBrowser, 404);
        assertThat(fromBrowser.body()).contains("\"instance\":\"/api/no-such-endpoint\"");
    }

    @Test
    void malformedParametersNameTheParameter() {
        assertAppPage(web.get("/creators/not-a-number", BROWSER), 400, "Bad request");
        // Refused by Spring before the controller ran: the net catches it and names the parameter.
        HttpResponse<String> api = web.get("/api/accounts/instagram/someone/audience-lookalikes?limit=many");
        assertProblemJson(api, 400);
        assertThat(api.body()).contains("\"parameter\":\"limit\"").contains("'many' is not a valid number");
        HttpResponse<String> overlap = web.get("/api/overlap?handles=a,b");
        assertProblemJson(overlap, 400);
        assertThat(overlap.body()).contains("\"parameter\":\"platform\"").contains("is missing");
    }

    @Test
    void missingCreatorsGetANotFoundPage() {
        HttpResponse<String> r = web.get("/creators/987654321", BROWSER);
        assertAppPage(r, 404, "Not found");
        assertThat(r.body()).contains("987654321");
    }

    @Test
    void wrongMethodsAndBodiesAreExplained() {
        HttpResponse<String> post = web.form("/creators", Map.of(), false);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).contains("does not accept POST").doesNotContain("Whitelabel");
        HttpResponse<String> badJson = web.json("POST", "/api/plans", "{not json");
        assertProblemJson(badJson, 400);
        assertThat(badJson.body()).contains("\"parameter\":\"body\"");
    }

    @Test
    void htmxRequestsGetOnlyTheMessageToSwapIn() {
        HttpResponse<String> r = web.get("/no-such-fragment", HTMX);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body())
                .contains("class=\"notice error\"")
                .contains("/no-such-fragment")
                .doesNotContain("<html");
    }

    @Test
    void serverErrorsShowAReferenceThatIsInTheLogAndNothingInternal(CapturedOutput log) {
        HttpResponse<String> page = web.get("/test-failure", BROWSER);
        assertAppPage(page, 500, "Something went wrong");
        assertThat(page.body())
                .doesNotContain(FailingEndpoints.SECRET)
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.microreach");
        Matcher ref = Pattern.compile("<code>([0-9a-f]{8})</code>").matcher(page.body());
        assertThat(ref.find()).as("a reference id on the page").isTrue();
        assertThat(log.getOut() + log.getErr())
                .contains("reference " + ref.group(1))
                .contains(FailingEndpoints.SECRET);

        HttpResponse<String> api = web.get("/api/test-failure");
        assertProblemJson(api, 500);
        assertThat(api.body()).contains("\"reference\":\"").doesNotContain(FailingEndpoints.SECRET);
    }

    @Test
    void theLongestPathsAreShortenedNotEchoedWhole() {
        String longPath = "/x" + "a".repeat(3_000);
        HttpResponse<String> r = web.get(longPath, BROWSER);
        assertAppPage(r, 404, "Page not found");
        assertThat(r.body()).doesNotContain("a".repeat(200));
    }

    @Test
    void describeKeepsServerErrorsVagueAndGivesEachAReference() {
        ErrorPages.Problem a = ErrorPages.describe(
                org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, new RuntimeException("secret"), "/x");
        ErrorPages.Problem b = ErrorPages.describe(
                org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, new RuntimeException("secret"), "/x");
        assertThat(a.message()).doesNotContain("secret").contains(a.reference());
        assertThat(a.reference()).isNotEqualTo(b.reference()).matches("[0-9a-f]{8}");
    }

    /** What a user pastes into Discover gets an answer in the app, never a server error or the server's bare page. */
    @Test
    void longQueriesAndBriefsGetTheAppsAnswer() {
        String words = java.util.stream.IntStream.range(0, 1_500)
                .mapToObj(i -> "word" + i)
                .collect(java.util.stream.Collectors.joining(" "));
        HttpResponse<String> longQuery = web.get("/discover?query=" + enc(words), BROWSER);
        assertThat(longQuery.statusCode()).isEqualTo(400);
        assertThat(longQuery.body()).contains("at most 500 characters").contains("<nav aria-label=\"main\">");
        // Within the length limit but too many words for one query: two-letter words, 150 of them.
        String shortWords = java.util.stream.IntStream.range(0, 150)
                .mapToObj(i -> "" + (char) ('a' + i / 26) + (char) ('a' + i % 26))
                .collect(java.util.stream.Collectors.joining(" "));
        HttpResponse<String> manyWords = web.get("/discover?query=" + enc(shortWords), BROWSER);
        assertThat(manyWords.statusCode()).isEqualTo(400);
        assertThat(manyWords.body()).contains("at most 100 keywords").contains("<nav aria-label=\"main\">");
        HttpResponse<String> api = web.get("/api/search?query=" + enc(shortWords));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"parameter\":\"query\"").contains("at most 100 keywords");

        // 10,000 characters of two and three bytes in UTF-8: the request line is about 75 KB, far over the server's
        // usual 8 KB.
        String brief = "ü✓".repeat(5_000);
        for (String param : java.util.List.of("query", "brief")) {
            HttpResponse<String> r = web.get("/discover?" + param + "=" + enc(brief), BROWSER);
            assertThat(r.statusCode()).as(param).isLessThan(500);
            assertThat(r.body()).as(param).contains("<nav aria-label=\"main\">").doesNotContain("HTTP Status 400");
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
