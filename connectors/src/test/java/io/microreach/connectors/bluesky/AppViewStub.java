package io.microreach.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.including;
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
 * A stand-in AppView: WireMock serving the fixtures under {@code src/test/resources/bluesky}, which follow the
 * lexicons of {@code app.bsky.*} (field names, cursors, {@code $type}s, deleted and blocked replies). The creator is
 * Mara ({@link #CREATOR}): 4 own posts over two feed pages plus a repost, one thread where she answers 3 of 5 fans,
 * 5 followers over two pages, and follows among them that give exactly 3 edges inside the sample.
 */
final class AppViewStub implements AutoCloseable {
    static final String CREATOR = "did:plc:mara4kq2v7ndx3hzlw6yc5te";
    static final String HANDLE = "mara.bsky.social";
    static final String POST_WITH_THREAD = "at://" + CREATOR + "/app.bsky.feed.post/3lbqa2rs5xk2a";
    static final String[] FANS = {
        "did:plc:fan1ab2cd3ef4gh5ij6kl7mn",
        "did:plc:fan2op3qr4st5uv6wx7yz2ab",
        "did:plc:fan3cd4ef5gh6ij7kl2mn3op",
        "did:plc:fan4qr5st6uv7wx2yz3ab4cd",
        "did:plc:fan5ef6gh7ij2kl3mn4op5qr"
    };
    /** Requests an uninterrupted crawl of Mara makes: profile, 2 feed pages, 1 thread, 2 follower pages with a
     * getProfiles each, and the follows of the 5 sampled followers. */
    static final int CREATOR_REQUESTS = 13;

    /** The 24 creators that {@code profiles-refresh-25.json} returns after Mara, and their post counts there. */
    static final String[] CREATORS = new String[24];

    static final long[] CREATOR_POSTS = new long[24];

    static {
        for (int i = 0; i < CREATORS.length; i++) {
            CREATORS[i] = String.format("did:plc:creator%02dx7ab3cd4ef5gh6ij", i + 1);
            CREATOR_POSTS[i] = 200 + (i + 1) * 13L;
        }
    }

    /** Authors found only by post search: Sven (in the band), a small account, and Hana on the second page. */
    static final String SVEN = "did:plc:gardenersix2ab3cd4ef5gh6";

    static final String SMALL = "did:plc:gardenersev2ab3cd4ef5gh6";
    static final String HANA = "did:plc:gardenereig2ab3cd4ef5gh6";

    /** An account that getProfiles no longer returns (deleted or suspended). */
    static final String GONE = "did:plc:gone2ab3cd4ef5gh6ij7kl";

    static final Instant OBSERVED = Instant.parse("2024-11-21T08:00:00Z");

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final FakeTime time = new FakeTime(Instant.parse("2024-11-21T08:00:00Z"));

    AppViewStub() {
        server.start();
    }

    JsonHttpClient client() {
        HttpSettings settings = new HttpSettings(
                URI.create(server.baseUrl()),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                3_000,
                Duration.ofMinutes(5),
                "microreach-test");
        return new JsonHttpClient(settings, time, time);
    }

    /**
     * Records are stamped with a fixed observation time: the fake time the HTTP client paces itself with moves with
     * every rate-limit wait, so stamping with it would make a resumed crawl's records differ from an uninterrupted
     * one's only by when they were observed.
     */
    BlueskyConnector connector() {
        return new BlueskyConnector(client(), Clock.fixed(OBSERVED, ZoneOffset.UTC));
    }

    AppViewStub creator() {
        stub(xrpc("app.bsky.actor.getProfile").withQueryParam("actor", equalTo(HANDLE)), "profile-mara.json");
        stub(xrpc("app.bsky.actor.getProfile").withQueryParam("actor", equalTo(CREATOR)), "profile-mara.json");
        stub(
                xrpc("app.bsky.feed.getAuthorFeed")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("filter", equalTo("posts_no_replies"))
                        .withQueryParam("cursor", absent()),
                "feed-mara-1.json");
        stub(
                xrpc("app.bsky.feed.getAuthorFeed")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", equalTo("2024-11-18T06:45:10.000Z")),
                "feed-mara-2.json");
        stub(xrpc("app.bsky.feed.getPostThread").withQueryParam("uri", equalTo(POST_WITH_THREAD)), "thread-p1.json");
        stub(
                xrpc("app.bsky.graph.getFollowers")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", absent()),
                "followers-mara-1.json");
        stub(
                xrpc("app.bsky.graph.getFollowers")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", equalTo("3lbfo2ab2cd2e")),
                "followers-mara-2.json");
        stub(
                xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(FANS[0])),
                "profiles-followers.json");
        stub(
                xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(FANS[3])),
                "profiles-followers-2.json");
        stub(xrpc("app.bsky.graph.getFollows").withQueryParam("actor", equalTo(FANS[0])), "follows-fan1.json");
        stub(xrpc("app.bsky.graph.getFollows").withQueryParam("actor", equalTo(FANS[1])), "follows-fan2.json");
        for (int i = 2; i < FANS.length; i++) {
            stub(xrpc("app.bsky.graph.getFollows").withQueryParam("actor", equalTo(FANS[i])), "follows-empty.json");
        }
        return this;
    }

    /**
     * getProfiles for the refresh: Mara and the 24 creators in one answer, and an empty answer for a batch whose
     * accounts are all gone; Mara's feed and thread come from {@link #creator()}.
     */
    AppViewStub refresh() {
        creator();
        stub(
                xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(CREATOR)),
                "profiles-refresh-25.json");
        stub(
                xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(GONE)),
                "profiles-refresh-empty.json");
        return this;
    }

    AppViewStub search() {
        stub(
                xrpc("app.bsky.actor.searchActors")
                        .withQueryParam("q", equalTo("balkon garten"))
                        .withQueryParam("cursor", absent()),
                "search-garden-1.json");
        stub(
                xrpc("app.bsky.actor.searchActors")
                        .withQueryParam("q", equalTo("balkon garten"))
                        .withQueryParam("cursor", equalTo("25")),
                "search-garden-2.json");
        stub(
                xrpc("app.bsky.actor.searchActors")
                        .withQueryParam("q", equalTo("balkon garten"))
                        .withQueryParam("cursor", equalTo("50")),
                "search-garden-3.json");
        stub(
                xrpc("app.bsky.actor.getProfiles")
                        .withQueryParam("actors", including("did:plc:gardenerone2ab3cd4ef5gh6")),
                "profiles-search-1.json");
        stub(
                xrpc("app.bsky.actor.getProfiles")
                        .withQueryParam("actors", including("did:plc:gardenerfou2ab3cd4ef5gh6")),
                "profiles-search-2.json");
        stub(
                xrpc("app.bsky.feed.searchPosts")
                        .withQueryParam("q", equalTo("balkon garten"))
                        .withQueryParam("cursor", absent()),
                "search-posts-garden-1.json");
        stub(
                xrpc("app.bsky.feed.searchPosts")
                        .withQueryParam("q", equalTo("balkon garten"))
                        .withQueryParam("cursor", equalTo("25")),
                "search-posts-garden-2.json");
        stub(
                xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(SVEN)),
                "profiles-post-authors-1.json");
        stub(
                xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(HANA)),
                "profiles-post-authors-2.json");
        return this;
    }

    static MappingBuilder xrpc(String nsid) {
        return get(urlPathEqualTo("/xrpc/" + nsid));
    }

    void stub(MappingBuilder request, String fixture) {
        server.stubFor(request.willReturn(json(fixture(fixture))));
    }

    /** A 200 as the AppView sends it, rate-limit headers included. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("ratelimit-limit", "3000")
                .withHeader("ratelimit-remaining", "2987")
                .withHeader("ratelimit-reset", "1732176300")
                .withHeader("ratelimit-policy", "3000;w=300")
                .withBody(body);
    }

    static String fixture(String name) {
        try (InputStream in = AppViewStub.class.getResourceAsStream("/bluesky/" + name)) {
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
