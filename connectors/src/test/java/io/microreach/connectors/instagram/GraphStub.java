package io.microreach.connectors.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.microreach.connectors.http.FakeTime;
import io.microreach.connectors.http.HttpSettings;
import io.microreach.connectors.http.JsonHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A stand-in Graph API: WireMock serving the fixtures under {@code src/test/resources/instagram}, which follow the
 * Business Discovery answers Meta documents ({@code business_discovery} with the public profile fields and a {@code
 * media} edge of {@code data} and {@code paging.cursors}, the caller's account id next to it, timestamps as {@code
 * 2024-11-20T17:32:08+0000}), and the Graph error object {@code {"error":{"message","type","code",
 * "error_subcode","fbtrace_id"}}}.
 *
 * <p>The creator is Lena ({@link #LENA}): 5 media over two pages (a reel, a carousel with hidden likes, a photo
 * without caption, a feed video with a Japanese caption, a carousel), whose first page's captions mention Tomás and
 * Kiki (in the 1k–100k band), Mara (250k, too big), the Biohof (640, too small) and a personal account that
 * Business Discovery does not show. Tomás's caption mentions Ayşe (in the band), Lena and Kiki.
 */
final class GraphStub implements AutoCloseable {
    static final String TOKEN = "EAAGm0PX4ZCpsBO7testtoken9fKq2";
    static final String OWN_ACCOUNT = "17841400008460056";
    static final String LENA = "17841405822304914";
    static final String TOMAS = "17841402931115877";
    static final String KIKI = "17841463007125542";
    static final String AYSE = "17841437265501982";
    static final String LENA_PAGE_2 =
            "QVFIUmhsc2c0R2tSZA2N6aF9DMUM2b3ROSlRCNHNQN3VHV1BwWkY2SGpUOUVhSEJjZAk9ZAZAUNqcHNlT1dITmVLcVpRZA0VfRE5xZAmZAvNlVKQW5qZAHdwV0dB";
    static final Instant OBSERVED = Instant.parse("2024-11-21T08:00:00Z");

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final FakeTime time = new FakeTime(OBSERVED);

    GraphStub() {
        server.start();
    }

    HttpSettings settings() {
        return InstagramConnector.defaultSettings()
                .withBaseUrl(URI.create(server.baseUrl() + "/v21.0"))
                .withRequestTimeout(Duration.ofSeconds(5))
                .withMaxAttempts(3);
    }

    /**
     * Records are stamped with a fixed observation time: the fake time the HTTP client paces itself with moves with
     * every rate-limit wait (18 s per call), so stamping with it would make a resumed crawl's records differ from an
     * uninterrupted one's only by when they were observed.
     */
    InstagramConnector connector() {
        return new InstagramConnector(
                new JsonHttpClient(settings(), time, time), Clock.fixed(OBSERVED, ZoneOffset.UTC), TOKEN, OWN_ACCOUNT);
    }

    GraphStub creators() {
        stub(discovery("lena.kocht", notContaining(".after(")), "bd-lena-1.json");
        stub(discovery("lena.kocht", containing("media.after(" + LENA_PAGE_2 + ")")), "bd-lena-2.json");
        stub(discovery("tomas.backt"), "bd-tomas.json");
        return this;
    }

    GraphStub candidates() {
        stub(discovery("kiki_isst"), "bd-kiki.json");
        stub(discovery("mara.gaertnert"), "bd-mara.json");
        stub(discovery("biohof.sonnenfeld"), "bd-biohof.json");
        stub(discovery("ayse.kocht"), "bd-ayse.json");
        error(discovery("privatperson"), 400, "error-not-found.json");
        return this;
    }

    /** A Business Discovery request for {@code username}, as the connector must send it. */
    static MappingBuilder discovery(String username) {
        return get(urlPathEqualTo("/v21.0/" + OWN_ACCOUNT))
                .withQueryParam("access_token", equalTo(TOKEN))
                .withQueryParam("fields", containing("business_discovery.username(" + username + "){"));
    }

    /** The same, with a further condition on the field expression (a second {@code withQueryParam} would replace). */
    static MappingBuilder discovery(String username, StringValuePattern fields) {
        return get(urlPathEqualTo("/v21.0/" + OWN_ACCOUNT))
                .withQueryParam("access_token", equalTo(TOKEN))
                .withQueryParam("fields", and(containing("business_discovery.username(" + username + "){"), fields));
    }

    void stub(MappingBuilder request, String fixture) {
        server.stubFor(request.willReturn(json(fixture(fixture))));
    }

    void error(MappingBuilder request, int status, String fixture) {
        server.stubFor(request.willReturn(graphError(status, fixture)));
    }

    /** A 200 as the Graph API sends it, with its usage header. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("facebook-api-version", "v21.0")
                .withHeader("x-app-usage", "{\"call_count\":3,\"total_cputime\":1,\"total_time\":2}")
                .withHeader("x-fb-trace-id", "FqVb8t1Lm0K")
                .withBody(body);
    }

    /** An error answer as the Graph API sends it: the error object with {@code WWW-Authenticate} for OAuth ones. */
    static ResponseDefinitionBuilder graphError(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_request\"")
                .withHeader("x-app-usage", "{\"call_count\":100,\"total_cputime\":4,\"total_time\":9}")
                .withBody(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = GraphStub.class.getResourceAsStream("/instagram/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int requests() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
