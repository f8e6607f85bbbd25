package io.microreach.app.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.including;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bluesky AppView in the JVM answering in the lexicon's JSON: a keyword search that finds three gardeners (one
 * too small for the 1k–100k band), each with three posts, one thread where the creator answers one of two fans,
 * three sampled followers and one follow edge among them.
 */
final class BlueskyStandIn implements AutoCloseable {
    static final String KEYWORD = "balkon garten";
    static final String[] DIDS = {
        "did:plc:gardenerone2ab3cd4ef5gh6", "did:plc:gardenertwo2ab3cd4ef5gh6", "did:plc:gardenertiny2ab3cd4ef5g"
    };
    static final String[] HANDLES = {"anna.bsky.social", "ben.bsky.social", "tiny.bsky.social"};
    static final long[] FOLLOWERS = {2_400, 8_100, 120};

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final long[] postsCount = {3, 3, 1};
    private final int[] newPosts = new int[3];

    BlueskyStandIn() {
        server.start();
        stubAll();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    int requests() {
        return server.getAllServeEvents().size();
    }

    /** Account {@code i} publishes a new post (on 2024-11-21), which its profile's post count reflects. */
    void publish(int i) {
        newPosts[i]++;
        postsCount[i]++;
        stubAll();
    }

    void stubAll() {
        server.resetMappings();
        stub(xrpc("app.bsky.actor.searchActors"), "{\"actors\":[" + actor(0) + "," + actor(1) + "," + actor(2) + "]}");
        stub(xrpc("app.bsky.feed.searchPosts"), "{\"posts\":[]}");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < DIDS.length; i++) {
            all.add(profile(i));
        }
        stub(xrpc("app.bsky.actor.getProfiles"), "{\"profiles\":[" + String.join(",", all) + "]}");
        for (int i = 0; i < 2; i++) {
            stub(xrpc("app.bsky.actor.getProfile").withQueryParam("actor", equalTo(DIDS[i])), profile(i));
            stub(xrpc("app.bsky.actor.getProfile").withQueryParam("actor", equalTo(HANDLES[i])), profile(i));
            stub(xrpc("app.bsky.feed.getAuthorFeed").withQueryParam("actor", equalTo(DIDS[i])), feed(i));
            stub(xrpc("app.bsky.feed.getPostThread").withQueryParam("uri", equalTo(postUri(i, 0))), thread(i));
            stub(
                    xrpc("app.bsky.graph.getFollowers").withQueryParam("actor", equalTo(DIDS[i])),
                    "{\"subject\":" + actor(i) + ",\"followers\":[" + fan(i, 0) + "," + fan(i, 1) + "," + fan(i, 2)
                            + "]}");
            for (int f = 0; f < 3; f++) {
                String follows = f == 0 ? fan(i, 1) : "";
                stub(
                        xrpc("app.bsky.graph.getFollows").withQueryParam("actor", equalTo(fanDid(i, f))),
                        "{\"subject\":" + fan(i, f) + ",\"follows\":[" + follows + "]}");
            }
        }
        // the fans' profiles, looked up after each follower page
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles"))
                .withQueryParam("actors", including(fanDid(0, 0)))
                .atPriority(1)
                .willReturn(json("{\"profiles\":[" + fanProfile(0, 0) + "," + fanProfile(0, 1) + "," + fanProfile(0, 2)
                        + "]}")));
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles"))
                .withQueryParam("actors", including(fanDid(1, 0)))
                .atPriority(1)
                .willReturn(json("{\"profiles\":[" + fanProfile(1, 0) + "," + fanProfile(1, 1) + "," + fanProfile(1, 2)
                        + "]}")));
    }

    private static MappingBuilder xrpc(String nsid) {
        return get(urlPathEqualTo("/xrpc/" + nsid)).atPriority(5);
    }

    private void stub(MappingBuilder m, String body) {
        server.stubFor(m.willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String actor(int i) {
        return "{\"did\":\"" + DIDS[i] + "\",\"handle\":\"" + HANDLES[i] + "\",\"displayName\":\"Gardener " + i
                + "\",\"labels\":[],\"createdAt\":\"2023-08-14T17:02:11.517Z\"}";
    }

    private String profile(int i) {
        return "{\"did\":\"" + DIDS[i] + "\",\"handle\":\"" + HANDLES[i] + "\",\"displayName\":\"Gardener " + i
                + "\",\"description\":\"Balkongarten und Kompost 🌿\",\"followersCount\":" + FOLLOWERS[i]
                + ",\"followsCount\":310,\"postsCount\":" + postsCount[i]
                + ",\"labels\":[],\"createdAt\":\"2023-08-14T17:02:11.517Z\",\"indexedAt\":\"2024-11-02T08:31:47.090Z\"}";
    }

    static String postUri(int i, int p) {
        return "at://" + DIDS[i] + "/app.bsky.feed.post/3lbq" + i + "a2rs5xk" + p;
    }

    private String feed(int i) {
        List<String> items = new ArrayList<>();
        for (int n = newPosts[i]; n > 0; n--) {
            items.add("{\"post\":{\"uri\":\"" + postUri(i, 10 + n) + "\",\"cid\":\"bafyreinew" + i + n
                    + "\",\"author\":" + actor(i) + ",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":"
                    + "\"2024-11-21T0" + n + ":00:00.000Z\",\"text\":\"Neue Ernte " + n + "\"},\"replyCount\":0,"
                    + "\"repostCount\":1,\"likeCount\":9,\"quoteCount\":0,\"labels\":[]}}");
        }
        for (int p = 0; p < 3; p++) {
            items.add("{\"post\":{\"uri\":\"" + postUri(i, p) + "\",\"cid\":\"bafyrei" + i + p + "\",\"author\":"
                    + actor(i) + ",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2024-11-"
                    + (20 - p) + "T10:00:00.000Z\",\"langs\":[\"de\"],\"text\":\"Tomaten auf dem Balkon #garten "
                    + p + "\"},\"replyCount\":" + (p == 0 ? 3 : 0) + ",\"repostCount\":" + (2 + p)
                    + ",\"likeCount\":" + (40 + 10 * p) + ",\"quoteCount\":0,\"indexedAt\":\"2024-11-" + (20 - p)
                    + "T10:00:01.000Z\",\"labels\":[]}}");
        }
        return "{\"feed\":[" + String.join(",", items) + "]}";
    }

    private String thread(int i) {
        String root = postUri(i, 0);
        String fanReply = reply(fanDid(i, 0), "fan0" + i + ".bsky.social", root + "r0", "Wie oft gießt du?", "11");
        String creatorReply = reply(DIDS[i], HANDLES[i], root + "r1", "Jeden Morgen!", "12");
        String otherFan = reply(fanDid(i, 1), "fan1" + i + ".bsky.social", root + "r2", "Super 👍", "13");
        return "{\"thread\":{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":{\"uri\":\"" + root
                + "\",\"author\":" + actor(i) + ",\"record\":{\"text\":\"Tomaten\",\"createdAt\":"
                + "\"2024-11-20T10:00:00.000Z\"}},\"replies\":[{\"$type\":\"app.bsky.feed.defs#threadViewPost\","
                + "\"post\":" + fanReply + ",\"replies\":[{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":"
                + creatorReply + ",\"replies\":[]}]},{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":"
                + otherFan + ",\"replies\":[]}]}}";
    }

    private static String reply(String did, String handle, String uri, String text, String hour) {
        return "{\"uri\":\"" + uri + "\",\"cid\":\"bafyreireply\",\"author\":{\"did\":\"" + did + "\",\"handle\":\""
                + handle + "\"},\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + text
                + "\",\"createdAt\":\"2024-11-20T" + hour + ":00:00.000Z\"},\"likeCount\":1,\"replyCount\":0}";
    }

    static String fanDid(int i, int f) {
        return "did:plc:fan" + f + "x" + i + "ab2cd3ef4gh5ij6kl7m";
    }

    private static String fan(int i, int f) {
        return "{\"did\":\"" + fanDid(i, f) + "\",\"handle\":\"fan" + f + i + ".bsky.social\",\"labels\":[]}";
    }

    private static String fanProfile(int i, int f) {
        return "{\"did\":\"" + fanDid(i, f) + "\",\"handle\":\"fan" + f + i + ".bsky.social\",\"followersCount\":"
                + (30 + f) + ",\"followsCount\":" + (200 + f) + ",\"postsCount\":" + (12 + f)
                + ",\"avatar\":\"https://cdn.bsky.app/img/avatar/plain/x@jpeg\",\"labels\":[]}";
    }

    @Override
    public void close() {
        server.stop();
    }
}
