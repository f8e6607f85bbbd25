package io.microreach.bench;

import io.microreach.app.tracking.OrderCsvImport;
import io.microreach.app.tracking.OrderImportSummary;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throughput and latency of the tracking redirect {@code GET /r/{code}} on loopback, against a baseline measured in
 * the same run on the same server: {@code GET /r/{unknown code}}, which passes the same filters and the same cached
 * lookup but answers 404 and logs nothing, so the difference is what a click costs (click id, visitor hash, screening,
 * buffering); both in a closed loop, i.e. at the most the machine gives. Then the redirect at a fixed rate ({@code
 * --rate}, open loop: latency counted from when each request was due), alone and while an order CSV import runs in the
 * same server, and finally the check that every redirect's click reached the database (the background writer's
 * batches). The goal is judged on the paced phases: a rate to sustain with a latency bound.
 *
 * <p>The load generator ({@link LoopbackLoad}) runs in this JVM beside the server, bounded by a request count and a
 * time limit; each sender keeps one connection (Tomcat closes it every 100 requests, as it would for a browser).
 */
public final class RedirectBenchmark {
    static final String USAGE = String.join(
            "\n",
            "usage: RedirectBenchmark [--requests N] [--seconds S] [--threads C] [--rate R] [--creators K]"
                    + " [--import-orders N] [--home DIR]",
            "  --requests N       requests per measured phase (default 100000)",
            "  --seconds S        time limit per phase (default 60)",
            "  --threads C        concurrent senders (default 16)",
            "  --rate R           requests per second of the open-loop phases (default 5000)",
            "  --creators K       campaign creators, i.e. distinct codes (default 50)",
            "  --import-orders N  orders in the CSV imported during the last phase (default 50000; 0: skip)",
            "  --home DIR         the app's home for this run (default: a new temporary folder)");

    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 v";

    private RedirectBenchmark() {}

    public static void main(String[] args) throws Exception {
        int requests = 100_000;
        int seconds = 60;
        int threads = 16;
        double rate = 5000;
        int creators = 50;
        int importOrders = 50_000;
        Path home = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--requests" -> requests = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--creators" -> creators = Integer.parseInt(args[++i]);
                    case "--import-orders" -> importOrders = Integer.parseInt(args[++i]);
                    case "--home" -> home = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (requests < 1 || seconds < 1 || threads < 1 || rate <= 0 || creators < 1 || importOrders < 0) {
                throw new IllegalArgumentException("every number must be positive");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (home == null) {
            home = Files.createTempDirectory("redirect-bench-");
        }
        run(home, requests, seconds, threads, rate, creators, importOrders);
        System.exit(0);
    }

    static void run(Path home, int requests, int seconds, int threads, double rate, int creators, int importOrders)
            throws Exception {
        System.out.printf(
                Locale.ROOT,
                "redirect benchmark: %d CPU cores, Java %s, load average %.2f, home %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                home);
        try (BenchServer server = BenchServer.start(home)) {
            JdbcTemplate jdbc = server.jdbc();
            long ws = server.defaultWorkspace();
            long campaign = jdbc.queryForObject(
                    "INSERT INTO campaign (workspace_id, name, landing_url) VALUES (?, 'Bench run',"
                            + " 'https://shop.example.com/p?ref=bench') RETURNING id",
                    Long.class,
                    ws);
            String[] codes = new String[creators];
            for (int c = 0; c < creators; c++) {
                codes[c] = String.format(Locale.ROOT, "bench%04d", c);
                jdbc.update(
                        "INSERT INTO campaign_creator (workspace_id, campaign_id, platform, handle, tracking_code,"
                                + " promo_code) VALUES (?, ?, 'instagram', ?, ?, ?)",
                        ws,
                        campaign,
                        "creator" + c,
                        codes[c],
                        "CODE" + c);
            }
            int port = server.port;
            LoopbackLoad.Request redirect = (client, i) -> {
                LoopbackClient.Answer a = client.send(
                        "GET", "/r/" + codes[i % codes.length], Map.of("User-Agent", BROWSER + (i % 997)), null);
                return a.status() == 302 && a.location() != null && a.location().contains("mr_click=");
            };
            LoopbackLoad.Request baseline =
                    (client, i) -> client.send("GET", "/r/unknown" + (i % 50), Map.of("User-Agent", BROWSER), null)
                                    .status()
                            == 404;
            long limit = seconds * 1000L;
            System.out.println("warm-up (not counted)...");
            LoopbackLoad.run("warm-up", port, threads, Math.min(requests, 30_000), limit, redirect);
            LoopbackLoad.run("warm-up", port, threads, Math.min(requests, 30_000), limit, baseline);
            Thread.sleep(1500); // the warm-up's clicks still buffered are written before the count starts
            long before = clicks(jdbc);
            LoopbackLoad.Result base =
                    LoopbackLoad.run("baseline 404 (unknown code)", port, threads, requests, limit, baseline);
            System.out.println(base.line());
            LoopbackLoad.Result r =
                    LoopbackLoad.run("redirect 302 (closed loop)", port, threads, requests, limit, redirect);
            System.out.println(r.line());
            String paced = String.format(Locale.ROOT, "redirect 302 at %,.0f/s", rate);
            LoopbackLoad.Result open = LoopbackLoad.run(paced, port, threads, requests, limit, rate, redirect);
            System.out.println(open.line());
            LoopbackLoad.Result during = null;
            if (importOrders > 0) {
                String csv = ordersCsv(importOrders);
                OrderCsvImport imports = server.context.getBean(OrderCsvImport.class);
                OrderImportSummary[] summary = new OrderImportSummary[1];
                double[] importSeconds = new double[1];
                Thread importer = new Thread(() -> {
                    long t0 = System.nanoTime();
                    summary[0] = imports.importCsv(ws, new StringReader(csv));
                    importSeconds[0] = (System.nanoTime() - t0) / 1e9;
                });
                importer.start();
                during = LoopbackLoad.run(paced + " during import", port, threads, requests, limit, rate, redirect);
                System.out.println(during.line());
                boolean overlapped = importer.isAlive();
                importer.join();
                System.out.printf(
                        Locale.ROOT,
                        "import during the phase: %,d orders stored in %.1f s (%s the whole phase)%n",
                        summary[0].stored(),
                        importSeconds[0],
                        overlapped ? "ran through" : "finished before the end of");
            }
            Thread.sleep(1500); // the writer's next rounds
            long expected = r.requests()
                    - r.errors()
                    + open.requests()
                    - open.errors()
                    + (during == null ? 0 : during.requests() - during.errors());
            long stored = clicks(jdbc) - before;
            System.out.printf(Locale.ROOT, "clicks stored: %,d of %,d redirects answered 302%n", stored, expected);
            LoopbackLoad.Result judged = during == null ? open : during;
            boolean met = judged.perSecond() >= 0.99 * rate
                    && rate >= 5000
                    && judged.p99Millis() <= 10
                    && judged.errors() == 0
                    && open.p99Millis() <= 10
                    && open.errors() == 0;
            System.out.printf(
                    Locale.ROOT,
                    "closed loop: redirect %.2fx the baseline's requests/s. Goal >= 5,000/s with p99 <= 10 ms and 0"
                            + " errors%s: %s%n",
                    r.perSecond() / base.perSecond(),
                    during == null ? "" : " while an import runs",
                    met ? "met" : "not met");
            System.out.println("finished " + Instant.now());
        }
    }

    private static long clicks(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM campaign_click", Long.class);
    }

    private static String ordersCsv(int n) {
        StringBuilder b = new StringBuilder("order_id,created_at,total,currency,promo_code\n");
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            b.append("imp-")
                    .append(i)
                    .append(',')
                    .append(t.plusSeconds(i))
                    .append(',')
                    .append(10 + i % 90)
                    .append(".50,EUR,")
                    .append(i % 3 == 0 ? "code" + (i % 50) : "")
                    .append('\n');
        }
        return b.toString();
    }
}
