package io.microreach.bench;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.RecordSink;
import io.microreach.connectors.bluesky.BlueskyConnector;
import io.microreach.connectors.http.HttpSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * How fast the Bluesky connector crawls, and whether the AppView's rate limit or microreach is the bottleneck.
 *
 * <p>The real {@link BlueskyConnector} crawls a {@link BlueskyStandIn} in this JVM. Three measurements:
 *
 * <ul>
 *   <li>{@code --unthrottled}: every account of the network with {@link CrawlOptions#DEFAULT}'s per-account limits and
 *       the rate limit off, into a counting sink. Its requests are recorded and replayed afterwards by a bare {@code
 *       java.net.http} client that reads each body and parses nothing: the baseline, which costs what the transport
 *       and the stand-in cost. CPU is split by thread: the stand-in's dispatcher and handler threads against the rest
 *       (the connector, the HTTP client, GC and JIT); the connector's own cost is the client side of the crawl minus
 *       the client side of the baseline.
 *   <li>{@code --throttled}: the connector's default settings (3,000 requests per 5 minutes, so 10 per second) for a
 *       window of requests; requests/s achieved against 10/s allowed, and the client side's CPU busy share.
 *   <li>{@code --freshness}: a refresh of known creators, once with nothing changed and once with 10% of them having
 *       two new posts; requests per creator.
 * </ul>
 */
public final class CrawlBenchmark {
    static final String USAGE = String.join(
            "\n",
            "usage: CrawlBenchmark [--accounts N] [--posts N] [--seed N] [--unthrottled] [--throttled] [--freshness]"
                    + " [--crawl N] [--window N] [--known N] [--json FILE]",
            "  --accounts N    accounts in the stand-in network (default 10000)",
            "  --posts N       posts in the network (default 300000)",
            "  --crawl N       the unthrottled crawl fetches the first N accounts (default: all)",
            "  --unthrottled   crawl with the rate limit off, against a raw-HTTP replay of the same requests",
            "  --throttled     crawl at the AppView's 3000 requests per 5 minutes for --window requests (default 300)",
            "  --freshness     refresh --known creators (default 1000): nothing changed, then 10% changed",
            "  --json FILE     also write the figures as JSON",
            "  (no mode flag runs all three)");

    /** One measured phase. Client CPU is the process's CPU minus the stand-in's threads. */
    record Phase(
            String name,
            long requests,
            long records,
            double wallSeconds,
            double processCpuSeconds,
            double standInCpuSeconds) {
        double clientCpuSeconds() {
            return processCpuSeconds - standInCpuSeconds;
        }

        double requestsPerSecond() {
            return requests / wallSeconds;
        }

        double recordsPerSecond() {
            return records / wallSeconds;
        }
    }

    record Freshness(
            int creators,
            long requestsUnchanged,
            long recordsUnchanged,
            long requestsChanged,
            long recordsChanged,
            long postsChanged) {}

    record Result(
            int accounts,
            Phase crawl,
            Phase baseline,
            Map<String, Long> recordsByType,
            Phase throttled,
            Freshness freshness) {}

    private CrawlBenchmark() {}

    public static void main(String[] args) throws IOException {
        int accounts = 10_000;
        long posts = 300_000;
        long seed = 42;
        int crawl = -1;
        int window = 300;
        int known = 1_000;
        boolean unthrottled = false;
        boolean throttled = false;
        boolean freshness = false;
        Path json = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                    case "--posts" -> posts = Long.parseLong(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--crawl" -> crawl = Integer.parseInt(args[++i]);
                    case "--window" -> window = Integer.parseInt(args[++i]);
                    case "--known" -> known = Integer.parseInt(args[++i]);
                    case "--unthrottled" -> unthrottled = true;
                    case "--throttled" -> throttled = true;
                    case "--freshness" -> freshness = true;
                    case "--json" -> json = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (accounts < 2 || posts < accounts || window < 1 || known < 1) {
                throw new IllegalArgumentException(
                        "need --accounts >= 2, --posts >= accounts, --window >= 1, --known >= 1");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (!unthrottled && !throttled && !freshness) {
            unthrottled = throttled = freshness = true;
        }
        SyntheticBluesky net = new SyntheticBluesky(accounts, posts, seed);
        int crawled = crawl < 0 ? accounts : Math.min(crawl, accounts);
        Result r = run(
                net,
                crawled,
                unthrottled,
                throttled ? window : 0,
                freshness ? Math.min(known, accounts) : 0,
                System.out);
        if (json != null) {
            writeJson(r, json);
            System.out.println("JSON report: " + json);
        }
    }

    /**
     * Runs the chosen measurements against a fresh stand-in of {@code net}; a measurement whose size is 0 (or
     * {@code unthrottled == false}) is skipped and null in the result.
     */
    static Result run(SyntheticBluesky net, int crawled, boolean unthrottled, int window, int known, PrintStream out)
            throws IOException {
        out.printf(
                Locale.ROOT,
                "network: %,d accounts, %,d posts (seed %d); %d CPU cores, Java %s%n",
                net.accounts,
                IntStream.range(0, net.accounts).mapToLong(net::postsCount).sum(),
                net.seed,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try (BlueskyStandIn standIn = new BlueskyStandIn(net)) {
            Phase crawl = null;
            Phase baseline = null;
            Map<String, Long> byType = new TreeMap<>();
            if (unthrottled) {
                List<String> handles = handles(net, Math.min(20, crawled));
                crawl(standIn, handles, unthrottledSettings(standIn), null, r -> {}); // warm-up (JIT)
                List<String> requests = new ArrayList<>();
                standIn.record(requests);
                crawl = crawl(standIn, handles(net, crawled), unthrottledSettings(standIn), byType, null);
                standIn.record(null);
                baseline = replay(standIn, requests);
            }
            Phase throttled = window > 0 ? throttled(standIn, net, window) : null;
            Freshness freshness = known > 0 ? freshness(standIn, net, known) : null;
            Result result = new Result(net.accounts, crawl, baseline, byType, throttled, freshness);
            print(result, crawled, window, out);
            return result;
        }
    }

    static HttpSettings unthrottledSettings(BlueskyStandIn standIn) {
        return BlueskyConnector.defaultSettings()
                .withBaseUrl(standIn.baseUrl())
                .withRateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));
    }

    static List<String> handles(SyntheticBluesky net, int n) {
        return IntStream.range(0, n).mapToObj(net::handle).toList();
    }

    private static Phase crawl(
            BlueskyStandIn standIn,
            List<String> accounts,
            HttpSettings settings,
            Map<String, Long> byType,
            RecordSink extra) {
        BlueskyConnector connector = BlueskyConnector.create(settings);
        long[] records = new long[1];
        RecordSink sink = r -> {
            records[0]++;
            if (byType != null) {
                byType.merge(r.getClass().getSimpleName(), 1L, Long::sum);
            }
            if (extra != null) {
                extra.accept(r);
            }
        };
        return measure("microreach crawl", standIn, () -> {
            CrawlResult r = connector.fetchCreators(
                    accounts,
                    CrawlOptions.DEFAULT.withMaxRequests(Long.MAX_VALUE),
                    new InMemoryCrawlStateStore(),
                    sink);
            if (!r.problems().isEmpty()) {
                throw new IllegalStateException(
                        "the crawl met problems: " + r.problems().subList(0, 1));
            }
            return new long[] {r.requests(), records[0]};
        });
    }

    /** The same requests, sent by a bare client that reads each body and parses nothing. */
    private static Phase replay(BlueskyStandIn standIn, List<String> requests) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = standIn.baseUrl().toString();
        return measure("raw HTTP replay", standIn, () -> {
            long bytes = 0;
            for (String path : requests) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "application/json")
                        .GET()
                        .build();
                try {
                    bytes += http.send(request, HttpResponse.BodyHandlers.ofByteArray())
                            .body()
                            .length;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return new long[] {requests.size(), 0, bytes};
        });
    }

    /** The connector's own settings (3,000 per 5 minutes) for {@code window} requests. */
    private static Phase throttled(BlueskyStandIn standIn, SyntheticBluesky net, int window) {
        BlueskyConnector connector =
                BlueskyConnector.create(BlueskyConnector.defaultSettings().withBaseUrl(standIn.baseUrl()));
        long[] records = new long[1];
        return measure("throttled crawl", standIn, () -> {
            CrawlResult r = connector.fetchCreators(
                    handles(net, net.accounts),
                    CrawlOptions.DEFAULT.withMaxRequests(window),
                    new InMemoryCrawlStateStore(),
                    x -> records[0]++);
            return new long[] {r.requests(), records[0]};
        });
    }

    private static Freshness freshness(BlueskyStandIn standIn, SyntheticBluesky net, int n) {
        BlueskyConnector connector = BlueskyConnector.create(unthrottledSettings(standIn));
        List<KnownAccount> unchanged = new ArrayList<>();
        List<KnownAccount> changed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            KnownAccount now =
                    new KnownAccount(net.did(i), net.handle(i), (long) net.postsCount(i), net.createdAt(i, 0));
            unchanged.add(now);
            // every tenth creator has posted twice since the last sync
            boolean moved = i % 10 == 0 && net.postsCount(i) > 2;
            changed.add(
                    moved
                            ? new KnownAccount(net.did(i), net.handle(i), net.postsCount(i) - 2L, net.createdAt(i, 2))
                            : now);
        }
        long[] records = new long[2];
        CrawlResult same = connector.refresh(
                unchanged,
                CrawlOptions.DEFAULT.withMaxRequests(Long.MAX_VALUE),
                new InMemoryCrawlStateStore(),
                r -> records[0]++);
        long[] posts = new long[1];
        CrawlResult moved = connector.refresh(
                changed, CrawlOptions.DEFAULT.withMaxRequests(Long.MAX_VALUE), new InMemoryCrawlStateStore(), r -> {
                    records[1]++;
                    if (r instanceof io.microreach.domain.Post) {
                        posts[0]++;
                    }
                });
        return new Freshness(n, same.requests(), records[0], moved.requests(), records[1], posts[0]);
    }

    private interface Work {
        long[] run();
    }

    private static Phase measure(String name, BlueskyStandIn standIn, Work work) {
        double cpu0 = ProcessCpu.jvmSeconds();
        double server0 = BlueskyStandIn.cpuSeconds();
        long wall0 = System.nanoTime();
        long[] counts = work.run();
        long wall = System.nanoTime() - wall0;
        double server = BlueskyStandIn.cpuSeconds() - server0;
        double cpu = ProcessCpu.jvmSeconds() - cpu0;
        return new Phase(name, counts[0], counts[1], wall / 1e9, cpu, server);
    }

    private static void print(Result r, int crawled, int window, PrintStream out) {
        if (r.crawl() != null) {
            Phase c = r.crawl();
            Phase b = r.baseline();
            out.printf(
                    Locale.ROOT,
                    "%nunthrottled crawl of %,d accounts (CrawlOptions.DEFAULT limits per account)%n",
                    crawled);
            out.printf(
                    Locale.ROOT,
                    "%-18s %10s %11s %8s %9s %10s %9s %10s %10s %12s%n",
                    "phase",
                    "requests",
                    "records",
                    "wall s",
                    "req/s",
                    "records/s",
                    "CPU s",
                    "stand-in",
                    "client",
                    "client µs/rec");
            for (Phase p : List.of(c, b)) {
                out.printf(
                        Locale.ROOT,
                        "%-18s %,10d %,11d %8.2f %,9.0f %,10.0f %9.2f %10.2f %10.2f %12s%n",
                        p.name(),
                        p.requests(),
                        p.records(),
                        p.wallSeconds(),
                        p.requestsPerSecond(),
                        p.recordsPerSecond(),
                        p.processCpuSeconds(),
                        p.standInCpuSeconds(),
                        p.clientCpuSeconds(),
                        p.records() == 0
                                ? "-"
                                : String.format(Locale.ROOT, "%.1f", p.clientCpuSeconds() * 1e6 / p.records()));
            }
            double own = c.clientCpuSeconds() - b.clientCpuSeconds();
            out.printf(Locale.ROOT, "records by type: %s%n", r.recordsByType());
            out.printf(
                    Locale.ROOT,
                    "connector's own CPU (crawl client - replay client): %.2f s = %.1f µs per record, %.0f µs per"
                            + " request; process CPU per record %.1f µs; goal >= 5,000 records/s: %s%n",
                    own,
                    own * 1e6 / c.records(),
                    own * 1e6 / c.requests(),
                    c.processCpuSeconds() * 1e6 / c.records(),
                    c.recordsPerSecond() >= 5_000 ? "met" : "NOT met");
        }
        if (r.throttled() != null) {
            Phase t = r.throttled();
            out.printf(Locale.ROOT, "%nthrottled crawl (3,000 requests / 5 min = 10/s allowed), %d requests%n", window);
            out.printf(
                    Locale.ROOT,
                    "achieved %.2f requests/s in %.1f s (%,d records); client CPU %.2f s = %.1f%% of one core busy,"
                            + " stand-in %.2f s: the rate limit, not microreach, sets the pace%n",
                    t.requestsPerSecond(),
                    t.wallSeconds(),
                    t.records(),
                    t.clientCpuSeconds(),
                    100 * t.clientCpuSeconds() / t.wallSeconds(),
                    t.standInCpuSeconds());
        }
        if (r.freshness() != null) {
            Freshness f = r.freshness();
            out.printf(Locale.ROOT, "%nrefresh of %,d known creators%n", f.creators());
            out.printf(Locale.ROOT, "%-22s %10s %10s %18s%n", "case", "requests", "records", "requests/creator");
            out.printf(
                    Locale.ROOT,
                    "%-22s %,10d %,10d %18.3f%n",
                    "nothing changed",
                    f.requestsUnchanged(),
                    f.recordsUnchanged(),
                    (double) f.requestsUnchanged() / f.creators());
            out.printf(
                    Locale.ROOT,
                    "%-22s %,10d %,10d %18.3f%n",
                    "10% with 2 new posts",
                    f.requestsChanged(),
                    f.recordsChanged(),
                    (double) f.requestsChanged() / f.creators());
            out.printf(
                    Locale.ROOT,
                    "new posts emitted: %,d; goal <= 1 request per creator: %s%n",
                    f.postsChanged(),
                    (double) f.requestsUnchanged() / f.creators() <= 1 ? "met" : "NOT met");
        }
    }

    private static void writeJson(Result r, Path file) throws IOException {
        JsonText j = new JsonText(2048);
        j.raw("{\"accounts\":").num(r.accounts());
        if (r.crawl() != null) {
            j.raw(",\"crawl\":");
            phase(j, r.crawl());
            j.raw(",\"baseline\":");
            phase(j, r.baseline());
            j.raw(",\"recordsByType\":{");
            boolean first = true;
            for (Map.Entry<String, Long> e : r.recordsByType().entrySet()) {
                j.raw(first ? "" : ",").str(e.getKey()).raw(':').num(e.getValue());
                first = false;
            }
            j.raw('}');
        }
        if (r.throttled() != null) {
            j.raw(",\"throttled\":");
            phase(j, r.throttled());
        }
        if (r.freshness() != null) {
            Freshness f = r.freshness();
            j.raw(",\"freshness\":{\"creators\":").num(f.creators());
            j.raw(",\"requestsUnchanged\":").num(f.requestsUnchanged());
            j.raw(",\"recordsUnchanged\":").num(f.recordsUnchanged());
            j.raw(",\"requestsChanged\":").num(f.requestsChanged());
            j.raw(",\"recordsChanged\":").num(f.recordsChanged());
            j.raw(",\"postsChanged\":").num(f.postsChanged()).raw('}');
        }
        j.raw("}\n");
        try (Writer w = ReportFile.open(file)) {
            w.write(j.toString());
        }
    }

    private static void phase(JsonText j, Phase p) {
        j.raw("{\"requests\":").num(p.requests());
        j.raw(",\"records\":").num(p.records());
        j.raw(",\"wallSeconds\":").raw(String.format(Locale.ROOT, "%.3f", p.wallSeconds()));
        j.raw(",\"requestsPerSecond\":").raw(String.format(Locale.ROOT, "%.1f", p.requestsPerSecond()));
        j.raw(",\"recordsPerSecond\":").raw(String.format(Locale.ROOT, "%.1f", p.recordsPerSecond()));
        j.raw(",\"processCpuSeconds\":").raw(String.format(Locale.ROOT, "%.3f", p.processCpuSeconds()));
        j.raw(",\"standInCpuSeconds\":").raw(String.format(Locale.ROOT, "%.3f", p.standInCpuSeconds()));
        j.raw(",\"clientCpuSeconds\":").raw(String.format(Locale.ROOT, "%.3f", p.clientCpuSeconds()));
        j.raw('}');
    }
}
