package io.microreach.app.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.search.Labels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every bad Discover parameter answers 400 with a page naming the field, never a stack trace. */
class DiscoverPageTest extends SpringAppTest {
    @Autowired
    Labels labels;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "followers_min=-5|followers_min",
                "er_min=x|er_min",
                "suspicious_max=7|suspicious_max",
                "platform=myspace|platform",
                "sort=cuteness|sort",
                "dir=up|dir",
                "page=-1|page",
                "page=two|page",
                "bogus=1|bogus",
                "tier=huge|tier"
            })
    void badParametersAreNamed(String query, String field) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        TestIdentity.request(URI.create("http://localhost:" + port + "/discover?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"search-error\"").doesNotContain("Exception");
        // The message names the field by the label the form shows it with.
        String message = r.body().replaceAll("(?s).*id=\"search-error\">(.*?)</div>.*", "$1");
        assertThat(message).contains(labels.parameter(field));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "followers_min=5%2C000&followers_max=50k",
                "followers_min=5.000",
                "followers_min=5+000",
                "followers_max=1.2M",
                "suspicious_max=10%25",
                "reply_rate_min=20%25&er_min=3%25",
                "country=Germany",
                "country=Deutschland",
                "country=de",
                "language=Deutsch",
                "sort=relevance&dir=desc&tier=Micro"
            })
    void valuesAsPeopleTypeThemAreAccepted(String query) throws Exception {
        HttpResponse<String> r = get("/discover?" + query);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("id=\"search-error\"").contains("id=\"active-filters\"");
    }

    @Test
    void anOverlongQueryIsRefusedWithItsLimit() throws Exception {
        HttpResponse<String> r = get("/discover?query=" + "a".repeat(10_000));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Keywords: at most 500 characters, got 10,000");
        HttpResponse<String> api = get("/api/search?query=" + "a".repeat(501));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("query: at most 500 characters, got 501");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        TestIdentity.request(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({"accountId=abc", "accountId=1&list=999999"})
    void badShortlistAddsAreFriendly(String form) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        TestIdentity.request(URI.create("http://localhost:" + port + "/discover/shortlist"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("HX-Request", "true")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(400, 404);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.microreach");
    }
}
