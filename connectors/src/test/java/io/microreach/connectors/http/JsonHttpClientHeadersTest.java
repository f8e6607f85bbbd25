package io.microreach.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.microreach.connectors.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JsonHttpClient#fetch} returns the headers of the answer it used, on the same retry path as {@code get}. */
class JsonHttpClientHeadersTest {
    private static final String PATH = "/api/v1/accounts/1/followers";
    private static final String LINK =
            "<https://mastodon.example/api/v1/accounts/1/followers?limit=80&max_id=7486869>;" + " rel=\"next\"";

    private WireMockServer server;
    private JsonHttpClient client;
    private FakeTime time;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        time = new FakeTime(Instant.parse("2024-11-21T08:00:00Z"));
        HttpSettings settings = new HttpSettings(
                URI.create(server.baseUrl()),
                Duration.ofSeconds(5),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                1_000_000,
                Duration.ofSeconds(1),
                "microreach-test");
        client = new JsonHttpClient(settings, time, time);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void returnsTheBodyAndTheHeadersOfTheAnswerThatSucceeded() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Link", "<https://wrong>; rel=\"next\""))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("retry")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("Link", LINK)
                        .withHeader("X-RateLimit-Remaining", "299")
                        .withBody("[{\"id\":\"1020382\",\"acct\":\"atul13061987\"}]")));

        JsonResponse r = client.fetch(PATH, Map.of("limit", List.of("80")));

        assertThat(r.body().get(0).path("id").asText()).isEqualTo("1020382");
        assertThat(r.header("Link")).contains(LINK);
        // header names compare without case
        assertThat(r.header("x-ratelimit-remaining")).contains("299");
        assertThat(r.header("Retry-After")).isEmpty();
        assertThat(client.attempts()).isEqualTo(2);
    }

    @Test
    void a429WithoutRetryAfterWaitsUntilTheRateLimitResetTimestamp() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "2024-11-21T08:01:30.000000Z")
                        .withBody("{\"error\":\"Too many requests\"}"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("throttled")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("[]")));

        client.fetch(PATH, Map.of());

        // Mastodon names the end of its window instead of sending Retry-After: 90 s from the fake now
        assertThat(time.waits()).hasSize(1);
        assertThat(time.waits().get(0)).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(150));
    }

    @Test
    void theResetTimestampIsIgnoredOnOtherAnswers() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("down")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("X-RateLimit-Reset", "2024-11-21T08:04:00.000000Z"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("down")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("[]")));

        client.fetch(PATH, Map.of());

        // the ordinary backoff: 1 s with ±25% jitter
        assertThat(time.waits()).hasSize(1);
        assertThat(time.waits().get(0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void getStillReturnsTheBodyAlone() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Link", LINK).withBody("[]")));

        assertThat(client.get(PATH, Map.of()).isArray()).isTrue();
    }

    @Test
    void failsLikeGetOnAFinalClientError() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Record not found\"}")));

        assertThatThrownBy(() -> client.fetch(PATH, Map.of()))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).status()).isEqualTo(404));
    }
}
