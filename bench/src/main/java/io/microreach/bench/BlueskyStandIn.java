package io.microreach.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the public Bluesky AppView: the JDK's HTTP server answering the XRPC queries the connector sends
 * ({@code app.bsky.actor.getProfile}, {@code getProfiles}, {@code searchActors}, {@code app.bsky.feed.getAuthorFeed},
 * {@code getPostThread}, {@code searchPosts}, {@code app.bsky.graph.getFollowers}, {@code getFollows}) in the JSON of
 * their lexicons (https://docs.bsky.app/docs/category/http-reference), computed per request from a {@link
 * SyntheticBluesky}. Cursors are opaque strings as on the real AppView: the feed's is the last post's creation time,
 * the lists' an offset. Unknown actors get the AppView's 400 {@code InvalidRequest}. Its handler threads are named so
 * that the benchmark can tell the stand-in's CPU from the connector's. Posts, threads and lists are computed per
 * request; only each account's profile view is kept once built (about 1 KB an account, 10 MB for 10,000), because
 * every list page repeats a hundred of them and the stand-in should cost as little of the measured time as it can.
 */
final class BlueskyStandIn implements AutoCloseable {
    static final String THREAD_PREFIX = "standin-";

    final SyntheticBluesky net;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private volatile List<String> recorded;
    private final byte[][] basic;
    private final byte[][] views;

    BlueskyStandIn(SyntheticBluesky net) throws IOException {
        this.net = net;
        this.basic = new byte[net.accounts][];
        this.views = new byte[net.accounts][];
        // without it the JDK server waits for Nagle's algorithm on small keep-alive answers (40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/xrpc/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long requests() {
        return requests.get();
    }

    /** From now on, remember every request's path and query (for the raw-HTTP baseline); null stops recording. */
    void record(List<String> into) {
        this.recorded = into;
    }

    /** CPU seconds of the server's threads (its dispatcher and handlers) so far. */
    static double cpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null
                    && (info.getThreadName().startsWith(THREAD_PREFIX)
                            || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    nanos += t;
                }
            }
        }
        return nanos / 1e9;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        URI uri = exchange.getRequestURI();
        List<String> rec = recorded;
        if (rec != null) {
            synchronized (rec) {
                rec.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
        }
        String nsid = uri.getPath().substring("/xrpc/".length());
        Map<String, List<String>> q = query(uri.getRawQuery());
        int status = 200;
        byte[] bytes;
        try {
            bytes = switch (nsid) {
                case "app.bsky.actor.getProfile" -> profile(q);
                case "app.bsky.actor.getProfiles" -> profiles(q);
                case "app.bsky.actor.searchActors" -> searchActors(q);
                case "app.bsky.feed.getAuthorFeed" -> authorFeed(q);
                case "app.bsky.feed.getPostThread" -> thread(q);
                case "app.bsky.feed.searchPosts" -> searchPosts(q);
                case "app.bsky.graph.getFollowers" -> graph(q, true);
                case "app.bsky.graph.getFollows" -> graph(q, false);
                default -> throw new BadRequest("MethodNotImplemented", 501, "Method Not Implemented");
            };
        } catch (BadRequest e) {
            status = e.status;
            bytes = new JsonText(128)
                    .raw("{\"error\":")
                    .str(e.error)
                    .raw(",\"message\":")
                    .str(e.getMessage())
                    .raw('}')
                    .bytes();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("ratelimit-limit", "3000");
        exchange.getResponseHeaders().set("ratelimit-policy", "3000;w=300");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- endpoints ------------------------------------------------------------------------------------------

    private byte[] profile(Map<String, List<String>> q) {
        int i = actor(one(q, "actor"));
        JsonText json = new JsonText(1024);
        profileDetailed(json, i);
        return json.bytes();
    }

    private byte[] profiles(Map<String, List<String>> q) {
        List<String> actors = q.getOrDefault("actors", List.of());
        if (actors.size() > 25) {
            throw new BadRequest("InvalidRequest", 400, "Error: actors must not have more than 25 elements");
        }
        JsonText json = new JsonText(actors.size() * 900 + 32);
        json.raw("{\"profiles\":[");
        boolean first = true;
        for (String a : actors) {
            int i = net.index(a);
            if (i < 0) {
                continue; // unknown actors are simply absent
            }
            if (!first) {
                json.raw(',');
            }
            first = false;
            profileDetailed(json, i);
        }
        return json.raw("]}").bytes();
    }

    private byte[] searchActors(Map<String, List<String>> q) {
        String keyword = one(q, "q");
        int limit = limit(q);
        int offset = offset(q);
        JsonText json = new JsonText(limit * 700 + 64);
        json.raw("{\"actors\":[");
        int found = 0;
        int matched = 0;
        int i = 0;
        for (; i < net.accounts && found < limit; i++) {
            if (net.profileMatches(i, keyword)) {
                if (matched++ < offset) {
                    continue;
                }
                if (found++ > 0) {
                    json.raw(',');
                }
                profileView(json, i);
            }
        }
        json.raw(']');
        if (found == limit && i < net.accounts) {
            json.raw(",\"cursor\":").str(Integer.toString(offset + found));
        }
        return json.raw('}').bytes();
    }

    /** The newest post of every account whose topic the keyword names, newest account first by index. */
    private byte[] searchPosts(Map<String, List<String>> q) {
        String keyword = one(q, "q");
        int limit = limit(q);
        int offset = offset(q);
        JsonText json = new JsonText(limit * 1500 + 64);
        json.raw("{\"posts\":[");
        int found = 0;
        int matched = 0;
        int i = net.accounts - 1;
        for (; i >= 0 && found < limit; i--) {
            if (net.profileMatches(i, keyword) && net.postsCount(i) > 0) {
                if (matched++ < offset) {
                    continue;
                }
                if (found++ > 0) {
                    json.raw(',');
                }
                postView(json, i, 0);
            }
        }
        json.raw(']');
        if (found == limit && i >= 0) {
            json.raw(",\"cursor\":").str(Integer.toString(offset + found));
        }
        return json.raw('}').bytes();
    }

    private byte[] authorFeed(Map<String, List<String>> q) {
        int i = actor(one(q, "actor"));
        int limit = limit(q);
        String cursor = first(q, "cursor");
        int from = 0;
        if (cursor != null) {
            try {
                from = net.postAtOrBefore(i, Instant.parse(cursor));
                if (SyntheticBluesky.micros(net.createdAt(i, from)) >= SyntheticBluesky.micros(Instant.parse(cursor))) {
                    from++; // the cursor is the last post sent: start after it
                }
            } catch (RuntimeException e) {
                throw new BadRequest("InvalidRequest", 400, "Error: malformed cursor");
            }
        }
        int to = Math.min(net.postsCount(i), from + limit);
        JsonText json = new JsonText((to - from) * 1500 + 64);
        json.raw("{\"feed\":[");
        for (int j = from; j < to; j++) {
            if (j > from) {
                json.raw(',');
            }
            json.raw("{\"post\":");
            postView(json, i, j);
            json.raw('}');
        }
        json.raw(']');
        if (to < net.postsCount(i) && to > from) {
            json.raw(",\"cursor\":").str(net.createdAt(i, to - 1).toString());
        }
        return json.raw('}').bytes();
    }

    private byte[] thread(Map<String, List<String>> q) {
        String uri = one(q, "uri");
        int[] post = net.post(uri);
        if (post == null) {
            throw new BadRequest("NotFound", 400, "Post not found: " + uri);
        }
        int i = post[0];
        int j = post[1];
        JsonText json = new JsonText(8192);
        json.raw("{\"thread\":{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":");
        postView(json, i, j);
        json.raw(",\"replies\":[");
        int n = net.replies(i, j);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                json.raw(',');
            }
            int fan = net.follower(i, k);
            String fanUri = net.replyUri(i, j, k, false);
            json.raw("{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":");
            replyView(json, fan, fanUri, net.postUri(i, j), net.postUri(i, j), k, false, i, j);
            json.raw(",\"replies\":[");
            if (net.answered(i, j, k)) {
                json.raw("{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":");
                replyView(json, i, net.replyUri(i, j, k, true), fanUri, net.postUri(i, j), k, true, i, j);
                json.raw(",\"replies\":[]}");
            }
            json.raw("]}");
        }
        return json.raw("]}}").bytes();
    }

    private byte[] graph(Map<String, List<String>> q, boolean followers) {
        int i = actor(one(q, "actor"));
        int limit = limit(q);
        int offset = offset(q);
        int total = followers ? net.followersListed(i) : net.followsListed(i);
        int to = Math.min(total, offset + limit);
        JsonText json = new JsonText((to - offset) * 700 + 1024);
        json.raw(followers ? "{\"followers\":[" : "{\"follows\":[");
        for (int r = offset; r < to; r++) {
            if (r > offset) {
                json.raw(',');
            }
            profileView(json, followers ? net.follower(i, r) : net.follow(i, r));
        }
        json.raw("],\"subject\":");
        profileView(json, i);
        if (to < total) {
            json.raw(",\"cursor\":").str(Integer.toString(to));
        }
        return json.raw('}').bytes();
    }

    // ---- views ----------------------------------------------------------------------------------------------

    /** The fields every view of account {@code i} starts with; computed once per account (about 400 bytes). */
    private void basicFields(JsonText json, int i) {
        byte[] cached = basic[i];
        if (cached == null) {
            JsonText b = new JsonText(512);
            writeBasicFields(b, i);
            cached = b.bytes();
            basic[i] = cached; // a race computes the same bytes twice, harmlessly
        }
        json.raw(cached);
    }

    private void writeBasicFields(JsonText json, int i) {
        String did = net.did(i);
        json.raw("\"did\":").str(did);
        json.raw(",\"handle\":").str(net.handle(i));
        json.raw(",\"displayName\":").str(net.displayName(i));
        json.raw(",\"avatar\":").str("https://cdn.bsky.app/img/avatar/plain/" + did + "/bafkreiavatar@jpeg");
        json.raw(",\"associated\":{\"chat\":{\"allowIncoming\":\"following\"}}");
        json.raw(",\"viewer\":{\"muted\":false,\"blockedBy\":false},\"labels\":[]");
        json.raw(",\"createdAt\":\"2023-08-14T17:02:11.517Z\"");
    }

    /** {@code app.bsky.actor.defs#profileView}: lists and search results, no counts; computed once per account. */
    private void profileView(JsonText json, int i) {
        byte[] cached = views[i];
        if (cached == null) {
            JsonText v = new JsonText(768);
            writeProfileView(v, i);
            cached = v.bytes();
            views[i] = cached;
        }
        json.raw(cached);
    }

    private void writeProfileView(JsonText json, int i) {
        json.raw('{');
        basicFields(json, i);
        String bio = net.description(i);
        if (bio != null) {
            json.raw(",\"description\":").str(bio);
        }
        json.raw(",\"indexedAt\":\"2025-11-02T08:31:47.090Z\"}");
    }

    /** {@code app.bsky.actor.defs#profileViewDetailed}: getProfile(s), with the counts. */
    private void profileDetailed(JsonText json, int i) {
        json.raw('{');
        basicFields(json, i);
        String bio = net.description(i);
        if (bio != null) {
            json.raw(",\"description\":").str(bio);
        }
        json.raw(",\"banner\":").str("https://cdn.bsky.app/img/banner/plain/" + net.did(i) + "/bafkreibanner@jpeg");
        json.raw(",\"followersCount\":").num(net.followersCount(i));
        json.raw(",\"followsCount\":").num(net.followsCount(i));
        json.raw(",\"postsCount\":").num(net.postsCount(i));
        json.raw(",\"indexedAt\":\"2025-11-02T08:31:47.090Z\"");
        if (i % 11 == 0) {
            json.raw(",\"verification\":{\"verifications\":[],\"verifiedStatus\":\"valid\","
                    + "\"trustedVerifierStatus\":\"none\"}");
        }
        json.raw('}');
    }

    /** {@code app.bsky.feed.defs#postView} of post {@code j} of account {@code i}. */
    private void postView(JsonText json, int i, int j) {
        String uri = net.postUri(i, j);
        String created = net.createdAt(i, j).toString();
        json.raw("{\"uri\":").str(uri);
        json.raw(",\"cid\":").str("bafyrei" + uri.substring(uri.lastIndexOf('/') + 1) + "cid");
        json.raw(",\"author\":{");
        basicFields(json, i);
        json.raw("},\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":")
                .str(created);
        json.raw(",\"langs\":[\"en\"],\"text\":").str(net.text(i, j)).raw('}');
        int embed = net.embed(i, j);
        if (embed == 1 || embed == 2) {
            json.raw(",\"embed\":{\"$type\":\"app.bsky.embed.images#view\",\"images\":[");
            for (int n = 0; n < embed; n++) {
                json.raw(n > 0 ? "," : "")
                        .raw("{\"thumb\":\"https://cdn.bsky.app/img/feed_thumbnail/plain/x/t@jpeg\","
                                + "\"fullsize\":\"https://cdn.bsky.app/img/feed_fullsize/plain/x/f@jpeg\","
                                + "\"alt\":\"\",\"aspectRatio\":{\"height\":1500,\"width\":2000}}");
            }
            json.raw("]}");
        } else if (embed == 3) {
            json.raw(",\"embed\":{\"$type\":\"app.bsky.embed.video#view\",\"cid\":\"bafkreivideo\","
                    + "\"playlist\":\"https://video.bsky.app/watch/x/playlist.m3u8\",\"aspectRatio\":"
                    + "{\"height\":1920,\"width\":1080}}");
        }
        json.raw(",\"replyCount\":").num(net.replies(i, j));
        json.raw(",\"repostCount\":").num(net.reposts(i, j));
        json.raw(",\"likeCount\":").num(net.likes(i, j));
        json.raw(",\"quoteCount\":").num(net.quotes(i, j));
        if (j % 4 != 1) {
            json.raw(",\"bookmarkCount\":").num(j % 3);
        }
        json.raw(",\"indexedAt\":").str(created);
        json.raw(",\"viewer\":{\"threadMuted\":false,\"embeddingDisabled\":false},\"labels\":[]}");
    }

    private void replyView(
            JsonText json, int author, String uri, String parent, String root, int k, boolean byCreator, int i, int j) {
        long micros = SyntheticBluesky.untid(uri.substring(uri.lastIndexOf('/') + 1)) >>> 10;
        String created = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000)
                .toString();
        json.raw("{\"uri\":").str(uri);
        json.raw(",\"cid\":").str("bafyrei" + uri.substring(uri.lastIndexOf('/') + 1) + "cid");
        json.raw(",\"author\":{");
        basicFields(json, author);
        json.raw("},\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":")
                .str(created);
        json.raw(",\"langs\":[\"en\"],\"reply\":{\"parent\":{\"cid\":\"bafyreiparent\",\"uri\":")
                .str(parent)
                .raw("},\"root\":{\"cid\":\"bafyreiroot\",\"uri\":")
                .str(root)
                .raw("}},\"text\":")
                .str(byCreator ? "Danke! 🙏 Reply " + k : "Great post, question " + k + " about " + j + "?")
                .raw('}');
        json.raw(",\"replyCount\":").num(byCreator ? 0 : net.answered(i, j, k) ? 1 : 0);
        json.raw(",\"repostCount\":0,\"likeCount\":").num(k);
        json.raw(",\"quoteCount\":0,\"indexedAt\":").str(created);
        json.raw(",\"viewer\":{\"threadMuted\":false,\"embeddingDisabled\":false},\"labels\":[]}");
    }

    // ---- request parsing ------------------------------------------------------------------------------------

    private int actor(String actor) {
        int i = net.index(actor);
        if (i < 0) {
            throw new BadRequest("InvalidRequest", 400, "Profile not found");
        }
        return i;
    }

    private static int limit(Map<String, List<String>> q) {
        String v = first(q, "limit");
        int limit = v == null ? 50 : parse(v);
        if (limit < 1 || limit > 100) {
            throw new BadRequest("InvalidRequest", 400, "Error: limit must be between 1 and 100");
        }
        return limit;
    }

    private static int offset(Map<String, List<String>> q) {
        String v = first(q, "cursor");
        return v == null ? 0 : Math.max(0, parse(v));
    }

    private static int parse(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest("InvalidRequest", 400, "Error: malformed " + v);
        }
    }

    private static String one(Map<String, List<String>> q, String name) {
        String v = first(q, name);
        if (v == null || v.isEmpty()) {
            throw new BadRequest("InvalidRequest", 400, "Error: Params must have the property \"" + name + "\"");
        }
        return v;
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** An XRPC error answer: status, the lexicon's error name and a message. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String error;
        final int status;

        BadRequest(String error, int status, String message) {
            super(message, null, false, false);
            this.error = error;
            this.status = status;
        }
    }
}
