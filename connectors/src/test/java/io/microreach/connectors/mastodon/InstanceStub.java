package io.microreach.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
 * A stand-in for {@code mastodon.social}: WireMock serving the fixtures under {@code src/test/resources/mastodon},
 * which follow the documented entities ({@code Account}, {@code Status}, {@code Context}) and paging ({@code Link}
 * headers whose {@code max_id} is a follow id, not an account id), with the instance's {@code X-RateLimit-*} headers.
 *
 * <p>The creator is Ines ({@link #CREATOR}): 4 posts over two status pages plus a reply to herself (a thread
 * continuation, not a post), one post whose thread holds 5 fans' replies of which she answers 3, 5 followers over two
 * pages (a remote one that hides its follower count, a bot without avatar, a locked one), and follows among them
 * that give exactly 3 edges inside the sample.
 */
final class InstanceStub implements AutoCloseable {
    static final String HOST = "mastodon.social";
    static final String CREATOR_LOCAL = "109302736583401234";
    static final String CREATOR = HOST + ":" + CREATOR_LOCAL;
    static final String HANDLE = "ines_kocht@mastodon.social";
    static final String S1 = "113520190283746512";
    static final String S3 = "113509874420019843";
    static final String S0 = "113524410098312233";
    static final String[] FANS_LOCAL = {
        "109400000000000101", "109400000000000102", "109400000000000103", "109400000000000104", "109400000000000105"
    };
    static final String[] FANS = {
        HOST + ":" + FANS_LOCAL[0],
        HOST + ":" + FANS_LOCAL[1],
        HOST + ":" + FANS_LOCAL[2],
        HOST + ":" + FANS_LOCAL[3],
        HOST + ":" + FANS_LOCAL[4]
    };
    /** Follow ids of the {@code Link} headers: what the next page's {@code max_id} is, unrelated to account ids. */
    static final String FOLLOWERS_NEXT = "7486869";

    static final String JUNO_FOLLOWING_NEXT = "7302211";
    /**
     * Requests an uninterrupted crawl of Ines makes: the lookup, 2 status pages, 1 context, 2 follower pages, and
     * the follows of the 5 sampled followers (2 pages for the first).
     */
    static final int CREATOR_REQUESTS = 12;

    static final Instant OBSERVED = Instant.parse("2024-11-21T08:00:00Z");

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final FakeTime time = new FakeTime(OBSERVED);

    InstanceStub() {
        server.start();
    }

    JsonHttpClient client() {
        HttpSettings settings = MastodonConnector.defaultSettings()
                .withBaseUrl(URI.create(server.baseUrl()))
                .withRequestTimeout(Duration.ofSeconds(5))
                .withMaxAttempts(3);
        return new JsonHttpClient(settings, time, time);
    }

    /**
     * Records are stamped with a fixed observation time: the fake time the HTTP client paces itself with moves with
     * every rate-limit wait, so stamping with it would make a resumed crawl's records differ from an uninterrupted
     * one's only by when they were observed.
     */
    MastodonConnector connector() {
        return new MastodonConnector(client(), Clock.fixed(OBSERVED, ZoneOffset.UTC), HOST);
    }

    InstanceStub creator() {
        stub(api("/api/v1/accounts/lookup").withQueryParam("acct", equalTo("ines_kocht")), "account-ines.json");
        stub(api("/api/v1/accounts/" + CREATOR_LOCAL), "account-ines.json");
        String statuses = "/api/v1/accounts/" + CREATOR_LOCAL + "/statuses";
        stubPaged(
                api(statuses)
                        .withQueryParam("exclude_reblogs", equalTo("true"))
                        .withQueryParam("exclude_replies", equalTo("true"))
                        .withQueryParam("limit", equalTo("40"))
                        .withQueryParam("max_id", absent()),
                "statuses-ines-1.json",
                statuses + "?exclude_replies=true&exclude_reblogs=true&limit=40",
                S3,
                S1);
        stubPaged(
                api(statuses).withQueryParam("max_id", equalTo(S3)),
                "statuses-ines-2.json",
                statuses + "?exclude_replies=true&exclude_reblogs=true&limit=40",
                null,
                "113486230019384712");
        stub(api("/api/v1/statuses/" + S1 + "/context"), "context-s1.json");
        String followers = "/api/v1/accounts/" + CREATOR_LOCAL + "/followers";
        stubPaged(
                api(followers).withQueryParam("limit", equalTo("80")).withQueryParam("max_id", absent()),
                "followers-ines-1.json",
                followers + "?limit=80",
                FOLLOWERS_NEXT,
                "7489740");
        stubPaged(
                api(followers).withQueryParam("max_id", equalTo(FOLLOWERS_NEXT)),
                "followers-ines-2.json",
                followers + "?limit=80",
                null,
                "7486860");
        String juno = "/api/v1/accounts/" + FANS_LOCAL[0] + "/following";
        stubPaged(
                api(juno).withQueryParam("max_id", absent()),
                "following-juno-1.json",
                juno + "?limit=80",
                JUNO_FOLLOWING_NEXT,
                "7310012");
        stubPaged(
                api(juno).withQueryParam("max_id", equalTo(JUNO_FOLLOWING_NEXT)),
                "following-juno-2.json",
                juno + "?limit=80",
                null,
                "7302210");
        stub(api("/api/v1/accounts/" + FANS_LOCAL[1] + "/following"), "following-tomas.json");
        for (int i = 2; i < FANS_LOCAL.length; i++) {
            stub(api("/api/v1/accounts/" + FANS_LOCAL[i] + "/following"), "following-empty.json");
        }
        return this;
    }

    static MappingBuilder api(String path) {
        return get(urlPathEqualTo(path));
    }

    void stub(MappingBuilder request, String fixture) {
        server.stubFor(request.willReturn(json(fixture(fixture))));
    }

    /**
     * A page with the {@code Link} header Mastodon sends: {@code rel="next"} with the {@code max_id} of the next page
     * (none on the last page), and {@code rel="prev"} with a {@code min_id}.
     */
    void stubPaged(MappingBuilder request, String fixture, String pathAndQuery, String nextMaxId, String prevMinId) {
        server.stubFor(request.willReturn(
                json(fixture(fixture)).withHeader("Link", link(pathAndQuery, nextMaxId, prevMinId))));
    }

    static String link(String pathAndQuery, String nextMaxId, String prevMinId) {
        String base = "https://" + HOST + pathAndQuery;
        String prev = "<" + base + "&min_id=" + prevMinId + ">; rel=\"prev\"";
        return nextMaxId == null ? prev : "<" + base + "&max_id=" + nextMaxId + ">; rel=\"next\", " + prev;
    }

    /** A 200 as mastodon.social sends it, rate-limit headers included. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "300")
                .withHeader("X-RateLimit-Remaining", "287")
                .withHeader("X-RateLimit-Reset", "2024-11-21T08:05:00.000000Z")
                .withBody(body);
    }

    /** Mastodon's answer for an unknown account or status. */
    static ResponseDefinitionBuilder notFound() {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture("error-not-found.json"));
    }

    static String fixture(String name) {
        try (InputStream in = InstanceStub.class.getResourceAsStream("/mastodon/" + name)) {
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
