package io.microreach.connectors.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for {@code https://www.googleapis.com/youtube/v3}: WireMock serving the fixtures under {@code
 * src/test/resources/youtube}, which follow the documented resources (string counts, page tokens, a deleted video in
 * the uploads playlist, hidden likes, a channel with a hidden subscriber count, Google's error bodies). {@code
 * channels.list} and {@code videos.list} by {@code id} answer like the API does for any list of ids: the resources
 * that exist, in a list response, the unknown ones absent; the resources come from the fixture list responses.
 *
 * <p>The creator is Mara ({@link #CREATOR}, {@code @marasbalkongarten}): 4,210 subscribers, 5 uploads over two
 * playlist pages, one of them deleted; the long video has 5 fan comments over two thread pages, and Mara answers 3 of
 * them (one answer only {@code comments.list} shows: the thread carries a subset of its replies); the oldest video
 * has comments disabled. Every stub requires the API key.
 */
final class DataApiStub implements AutoCloseable {
    static final String KEY = "AIzaSyT3st-k3y_0123456789abcdefghijkl";
    static final String CREATOR = "UCm4r4Gart3nB4lk0nT0m4tA";
    static final String HANDLE = "marasbalkongarten";
    static final String PLAYLIST = "UUm4r4Gart3nB4lk0nT0m4tA";
    static final String LONG = "kq3Bx7RtP2E";
    static final String SHORT = "Zp0_w9LmN4Y";
    static final String DELETED = "xD9kLm2Qr7c";
    static final String TAGGED_SHORT = "Hc5-vT8aJ1k";
    static final String NO_COMMENTS = "Wm3rQ8s2bYo";
    static final String UPLOADS_TOKEN = "EAAaBlBUOkNBTQ";
    static final String THREADS_TOKEN =
            "Z2V0X25ld2VzdF9maXJzdC0tQ2dnSWdBUVZGN2ZST0JJRkNJZ2dHQUVTQlFpb0lCZ0FFZ1VJaVNBWUFCSUZDSjBnR0FBWUFDSU5DZ3NJdE12NXFRWVFnTmVXY0E=";
    /** Kiki's comment: its thread carries 1 of its 2 replies; {@code comments.list} has Mara's answer too. */
    static final String KIKI_COMMENT = "Ugx5GZqZw8EKHfGeoRH4AaABAg";

    static final String[] FANS = {
        "UC1fAnJun0K0e1nGaRt3n5Mw",
        "UC2fAnT0ma5M4dr1dHu3rtAg",
        "UC3fAnL1aoW3iB3ij1ng2x7Q",
        "UC4fAnK1k1Hamb0urgP1antA",
        "UC5fAnJurg3nSchn3ck3n7Rw"
    };
    /** Discovery candidates: in band, too big, hidden count, in band, too small, in band (from a video). */
    static final String C1 = "UCb9Xk2LmQ7pRt4VnW8yZs1g";

    static final String C2 = "UCz3Hq8JkL2mN5pQ7rS9tU1w";
    static final String C3 = "UCh1DdEn5ubScR1b3rC0untQ";
    static final String C4 = "UCp7Fr4nkfurtBa1k0nGa5tA";
    static final String C5 = "UCs3Mall7iNyGard3nPl0tsg";
    static final String C6 = "UCw4Gr33nTh0mbU5tr1aVi3w";
    static final String KEYWORD = "balkon garten";
    /** One of the 50 refreshed channels (7,499 subscribers), found only at the second hop of a snowball. */
    static final String GARTENKANAL = "UCpTyGJMuHbEL31IeL2HPcHw";

    /**
     * Requests an uninterrupted crawl of Mara makes: 1 channels.list, 2 playlist pages with a videos.list each, 2
     * thread pages of the long video, the replies Kiki's thread did not carry, and the 403 of the video with comments
     * disabled.
     */
    static final int CREATOR_REQUESTS = 9;

    /** 18:00 UTC is 10:00 on 7 December in Los Angeles: quota day 2026-12-07, reset at 2026-12-08T08:00:00Z. */
    static final Instant OBSERVED = Instant.parse("2026-12-07T18:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(new ById()));
    final FakeTime time = new FakeTime(OBSERVED);

    DataApiStub() {
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
                10,
                Duration.ofSeconds(1),
                "microreach-test");
        return new JsonHttpClient(settings, time, time);
    }

    /** Records are stamped with a fixed time, apart from the fake time the client paces itself with. */
    YouTubeConnector connector() {
        return connector(Clock.fixed(OBSERVED, ZoneOffset.UTC), YouTubeConnector.DEFAULT_DAILY_QUOTA);
    }

    YouTubeConnector connector(Clock clock, long dailyQuota) {
        return new YouTubeConnector(client(), KEY, clock, dailyQuota);
    }

    DataApiStub creator() {
        server.stubFor(api("channels")
                .withQueryParam("part", equalTo("snippet,statistics,contentDetails,brandingSettings"))
                .withQueryParam("id", matching(".+"))
                .willReturn(json("").withTransformers(ById.NAME)));
        server.stubFor(api("channels")
                .atPriority(9)
                .withQueryParam("forHandle", matching(".+"))
                .willReturn(json(fixture("channels-none.json"))));
        stub(api("channels").withQueryParam("forHandle", equalTo("@" + HANDLE)), "channels-mara.json");
        server.stubFor(api("videos")
                .withQueryParam("part", equalTo("snippet,statistics,contentDetails"))
                .withQueryParam("id", matching(".+"))
                .willReturn(json("").withTransformers(ById.NAME)));
        stub(
                api("playlistItems")
                        .withQueryParam("playlistId", equalTo(PLAYLIST))
                        .withQueryParam("pageToken", absent()),
                "uploads-mara-1.json");
        stub(
                api("playlistItems")
                        .withQueryParam("playlistId", equalTo(PLAYLIST))
                        .withQueryParam("pageToken", equalTo(UPLOADS_TOKEN)),
                "uploads-mara-2.json");
        stub(
                api("commentThreads")
                        .withQueryParam("videoId", equalTo(LONG))
                        .withQueryParam("part", equalTo("snippet,replies"))
                        .withQueryParam("textFormat", equalTo("plainText"))
                        .withQueryParam("pageToken", absent()),
                "threads-long-1.json");
        stub(
                api("commentThreads")
                        .withQueryParam("videoId", equalTo(LONG))
                        .withQueryParam("pageToken", equalTo(THREADS_TOKEN)),
                "threads-long-2.json");
        stub(
                api("comments")
                        .withQueryParam("part", equalTo("snippet"))
                        .withQueryParam("parentId", equalTo(KIKI_COMMENT))
                        .withQueryParam("textFormat", equalTo("plainText")),
                "replies-kiki.json");
        server.stubFor(api("commentThreads")
                .withQueryParam("videoId", equalTo(NO_COMMENTS))
                .willReturn(error(403, "error-comments-disabled.json")));
        return this;
    }

    DataApiStub search() {
        stub(
                api("search")
                        .withQueryParam("q", equalTo(KEYWORD))
                        .withQueryParam("type", equalTo("channel"))
                        .withQueryParam("pageToken", absent()),
                "search-channels-1.json");
        stub(
                api("search")
                        .withQueryParam("q", equalTo(KEYWORD))
                        .withQueryParam("type", equalTo("channel"))
                        .withQueryParam("pageToken", equalTo("CDIQAA")),
                "search-channels-2.json");
        stub(
                api("search")
                        .withQueryParam("q", equalTo(KEYWORD))
                        .withQueryParam("type", equalTo("video"))
                        .withQueryParam("pageToken", absent()),
                "search-videos-1.json");
        return this;
    }

    /**
     * Seed discovery from Mara: her public subscriptions (Kölner Stadtgarten, Garden Answer, Frankfurter
     * Balkongarten; then Grüner Daumen Wien) and her featured channels (Small Garden Plots, Kölner Stadtgarten).
     * Kölner Stadtgarten keeps its subscriptions private; Frankfurter Balkongarten subscribes to Mara, Balkon Bienen
     * and {@link #GARTENKANAL}; every other channel has no public subscriptions and no featured channels.
     */
    DataApiStub snowball() {
        server.stubFor(api("subscriptions")
                .atPriority(9)
                .withQueryParam("channelId", matching(".+"))
                .willReturn(json(fixture("subscriptions-none.json"))));
        server.stubFor(api("channelSections")
                .atPriority(9)
                .withQueryParam("channelId", matching(".+"))
                .willReturn(json(fixture("channel-sections-none.json"))));
        stub(
                api("subscriptions")
                        .withQueryParam("part", equalTo("snippet"))
                        .withQueryParam("channelId", equalTo(CREATOR))
                        .withQueryParam("pageToken", absent()),
                "subscriptions-mara-1.json");
        stub(
                api("subscriptions")
                        .withQueryParam("channelId", equalTo(CREATOR))
                        .withQueryParam("pageToken", equalTo("CAMQAA")),
                "subscriptions-mara-2.json");
        server.stubFor(api("subscriptions")
                .withQueryParam("channelId", equalTo(C1))
                .willReturn(error(403, "error-subscription-forbidden.json")));
        stub(api("subscriptions").withQueryParam("channelId", equalTo(C4)), "subscriptions-frankfurt.json");
        stub(
                api("channelSections")
                        .withQueryParam("part", equalTo("snippet,contentDetails"))
                        .withQueryParam("channelId", equalTo(CREATOR)),
                "channel-sections-mara.json");
        return this;
    }

    /** A GET of one Data API resource that carries the API key. */
    static MappingBuilder api(String resource) {
        return get(urlPathEqualTo("/" + resource)).withQueryParam("key", equalTo(KEY));
    }

    void stub(MappingBuilder request, String fixture) {
        server.stubFor(request.willReturn(json(fixture(fixture))));
    }

    /** A 200 as the API sends it. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("Vary", "Origin, X-Origin, Referer")
                .withHeader("Server", "scaffolding on HTTPServer2")
                .withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = DataApiStub.class.getResourceAsStream("/youtube/" + name)) {
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

    /** Answers {@code channels.list} and {@code videos.list} by id from the resources of the fixture responses. */
    static final class ById implements ResponseDefinitionTransformerV2 {
        static final String NAME = "youtube-by-id";
        private final Map<String, JsonNode> channels = new HashMap<>();
        private final Map<String, JsonNode> videos = new HashMap<>();

        ById() {
            for (String f :
                    new String[] {"channels-mara.json", "channels-candidates.json", "channels-refresh-50.json"}) {
                index(f, channels);
            }
            index("videos-mara.json", videos);
        }

        private static void index(String fixture, Map<String, JsonNode> into) {
            try {
                for (JsonNode item : JSON.readTree(fixture(fixture)).path("items")) {
                    into.putIfAbsent(item.path("id").asText(), item);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            boolean isVideos = event.getRequest().getUrl().startsWith("/videos");
            Map<String, JsonNode> catalog = isVideos ? videos : channels;
            QueryParameter id = event.getRequest().queryParameter("id");
            ArrayNode items = JSON.createArrayNode();
            for (String one : id.firstValue().split(",")) {
                JsonNode item = catalog.get(one);
                if (item != null) {
                    items.add(item);
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("kind", isVideos ? "youtube#videoListResponse" : "youtube#channelListResponse");
            body.put("etag", Integer.toHexString(id.firstValue().hashCode()));
            ObjectNode pageInfo = body.putObject("pageInfo");
            pageInfo.put("totalResults", items.size());
            pageInfo.put("resultsPerPage", items.size());
            if (!items.isEmpty()) {
                body.set("items", items); // the API leaves "items" out when nothing matched
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withBody(body.toString())
                    .build();
        }
    }
}
