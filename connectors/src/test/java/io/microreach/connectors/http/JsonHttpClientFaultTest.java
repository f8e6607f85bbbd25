package io.microreach.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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

/** Every failure a crawl meets, served by a real HTTP server; time is fake, so no test waits for a backoff. */
class JsonHttpClientFaultTest {
    private static final String PATH = "/xrpc/app.bsky.actor.getProfile";
    private static final String OK = "{\"did\":\"did:plc:abc\",\"handle\":\"a.bsky.social\",\"followersCount\":1}";

    private WireMockServer server;
    private FakeTime time;
    private JsonHttpClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        time = new FakeTime(Instant.parse("2024-11-20T12:00:00Z"));
        client = client(Duration.ofSeconds(5), 4);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private JsonHttpClient client(Duration timeout, int attempts) {
        HttpSettings settings = new HttpSettings(
                URI.create(server.baseUrl()),
                timeout,
                attempts,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                1_000_000,
                Duration.ofSeconds(1),
                "microreach-test");
        return new JsonHttpClient(settings, time, time);
    }

    private void firstThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("fault")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("fault")
                .whenScenarioStateIs("recovered")
                .willReturn(ok()));
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(OK);
    }

    private JsonNode fetch() {
        return client.get(PATH, Map.of("actor", List.of("a.bsky.social")));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() {
        firstThen(
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withHeader("ratelimit-limit", "3000")
                        .withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-policy", "3000;w=300")
                        .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"),
                ok());

        assertThat(fetch().path("handle").asText()).isEqualTo("a.bsky.social");

        assertThat(time.waits()).hasSize(1);
        // jitter may lengthen the wait, never shorten it below what the server asked for
        assertThat(time.waits().get(0)).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(12));
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDate() {
        firstThen(aResponse().withStatus(503).withHeader("Retry-After", "Wed, 20 Nov 2024 12:01:00 GMT"), ok());

        fetch();

        assertThat(time.waits()).hasSize(1);
        assertThat(time.waits().get(0)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(100));
    }

    @Test
    void retries500WithBackoff() {
        firstThen(aResponse().withStatus(500).withBody("{\"error\":\"InternalServerError\"}"), ok());

        assertThat(fetch().path("did").asText()).isEqualTo("did:plc:abc");

        // 1 s initial backoff with 25% jitter
        assertThat(time.waits())
                .singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(750), Duration.ofMillis(1250)));
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void retriesATruncatedBody() {
        firstThen(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"did\":\"did:plc:abc\",\"handle\":\"a.bs"),
                ok());

        assertThat(fetch().path("followersCount").asLong()).isEqualTo(1);
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void retriesABrokenConnection() {
        firstThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok());

        assertThat(fetch().path("did").asText()).isEqualTo("did:plc:abc");
    }

    @Test
    void retriesAResponseSlowerThanTheTimeout() {
        client = client(Duration.ofMillis(300), 4);
        firstThen(ok().withFixedDelay(3_000), ok());

        long started = System.nanoTime();
        assertThat(fetch().path("did").asText()).isEqualTo("did:plc:abc");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void givesUpAfterTheAttemptCap() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(this::fetch)
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).status()).isEqualTo(502));

        server.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(time.waits()).hasSize(3);
        // exponential: each wait about twice the one before (jitter ±25%)
        assertThat(time.waits().get(2)).isGreaterThan(time.waits().get(0));
    }

    @Test
    void doesNotRetryAClientError() {
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":\"InvalidRequest\",\"message\":\"Profile not found\"}")));

        assertThatThrownBy(this::fetch)
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Profile not found");

        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(client.attempts()).isEqualTo(1);
    }

    @Test
    void retriesAnEmptyBody() {
        firstThen(aResponse().withStatus(200).withHeader("Content-Type", "application/json"), ok());

        assertThat(fetch().path("did").asText()).isEqualTo("did:plc:abc");
        server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void doesNotRetryABodyThatIsWholeButNotJson() {
        server.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        assertThatThrownBy(this::fetch).isInstanceOf(ConnectorException.class).hasMessageContaining("not JSON");

        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void neverShowsCredentialQueryParametersInAMessage() {
        String secret = "AIzaSyD-s3cr3t_k3y";
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API"
                                + " key.\",\"errors\":[{\"reason\":\"badRequest\"}]}}")));
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        query.put("actor", List.of("a.bsky.social"));
        query.put("key", List.of(secret));
        query.put("pageToken", List.of("CAUQAA"));
        query.put("access_token", List.of(secret + "2"));
        query.put("token", List.of(secret + "3"));

        assertThatThrownBy(() -> client.get(PATH, query))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage())
                            .doesNotContain(secret)
                            .contains("key=***", "access_token=***", "&token=***", "pageToken=CAUQAA");
                    assertThat(((ConnectorException) e).body()).contains("badRequest");
                });
        // the server still got the real key
        server.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("key", equalTo(secret)));
    }

    @Test
    void redactsTheKeyInFailuresThatOutlivedTheRetries() {
        String secret = "AIzaSyD-s3cr3t_k3y";
        server.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(200).withBody("{\"kind\":\"youtube#channelListRe")));

        assertThatThrownBy(() -> client.get(PATH, Map.of("key", List.of(secret))))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
                    }
                    assertThat(e.getMessage()).contains("key=***");
                });
        assertThat(JsonHttpClient.redact("https://x/y?key=abc&token=def#f"))
                .isEqualTo("https://x/y?key=***&token=***#f");
    }
}
