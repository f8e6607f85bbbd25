package io.microreach.app.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad Discover parameter answers 400 with a page naming the field, never a stack trace. */
class DiscoverPageTest extends SpringAppTest {
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
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/discover?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"search-error\"").contains(field).doesNotContain("Exception");
    }

    @ParameterizedTest
    @CsvSource({"accountId=abc", "accountId=1&list=999999"})
    void badShortlistAddsAreFriendly(String form) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/discover/shortlist"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("HX-Request", "true")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(400, 404);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.microreach");
    }
}
