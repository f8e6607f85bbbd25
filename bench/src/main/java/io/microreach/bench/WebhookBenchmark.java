package io.microreach.bench;

import io.microreach.app.tracking.WebhookEndpoint;
import io.microreach.app.tracking.WebhookSecrets;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generic order webhook under concurrent, repeated and out-of-order deliveries. A seeded set of orders, each with
 * the attribution it must get (a creator's code in any letter case, a person's click within the window, a click
 * outside it, a robot's click, an unknown code, a code plus another creator's click, nothing), some of them with a
 * later updated version; every delivery is signed before the clock starts; a share of deliveries is sent twice (a
 * retry) and the whole list is shuffled, so updates often arrive before the versions they replace. {@code --senders}
 * threads post them on loopback. Afterwards the stored rows are compared with the expectation: exactly one row per
 * order, the newest version's total, and the expected creator and basis.
 *
 * <p>Baseline in the same run: the same signed bodies posted to an unknown webhook key, answered 404 before any
 * signature check or database access: the cost of HTTP and the filters alone.
 */
public final class WebhookBenchmark {
    static final String USAGE = String.join(
            "\n",
            "usage: WebhookBenchmark [--orders N] [--senders C] [--duplicates F] [--updates F] [--seed S] [--seconds S]"
                    + " [--home DIR]",
            "  --orders N      distinct orders (default 10000)",
            "  --senders C     concurrent senders (default 20)",
            "  --duplicates F  share of deliveries sent again as retries (default 0.2)",
            "  --updates F     share of orders that also get a newer version (default 0.25)",
            "  --seconds S     time limit of the measured phase (default 120)",
            "  --home DIR      the app's home for this run (default: a new temporary folder)");

    private static final int CREATORS = 50;

    /** One order with the credit it must get. */
    record Expected(String orderId, Long creatorId, String basis, BigDecimal finalTotal) {}

    private WebhookBenchmark() {}

    public static void main(String[] args) throws Exception {
        int orders = 10_000;
        int senders = 20;
        double duplicates = 0.2;
        double updates = 0.25;
        long seed = 42;
        int seconds = 120;
        Path home = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--orders" -> orders = Integer.parseInt(args[++i]);
                    case "--senders" -> senders = Integer.parseInt(args[++i]);
                    case "--duplicates" -> duplicates = Double.parseDouble(args[++i]);
                    case "--updates" -> updates = Double.parseDouble(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--home" -> home = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (orders < 1 || senders < 1 || duplicates < 0 || updates < 0 || updates > 1 || seconds < 1) {
                throw new IllegalArgumentException("need --orders, --senders, --seconds >= 1 and shares >= 0");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (home == null) {
            home = Files.createTempDirectory("webhook-bench-");
        }
        boolean ok = run(home, orders, senders, duplicates, updates, seed, seconds);
        System.exit(ok ? 0 : 1);
    }

    static boolean run(Path home, int orders, int senders, double duplicates, double updates, long seed, int seconds)
            throws Exception {
        System.out.printf(
                Locale.ROOT,
                "webhook benchmark: %,d orders, %d senders, %.0f%% retries, %.0f%% updated; %d CPU cores, Java %s,"
                        + " load average %.2f%n",
                orders,
                senders,
                duplicates * 100,
                updates * 100,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (BenchServer server = BenchServer.start(home)) {
            JdbcTemplate jdbc = server.jdbc();
            long ws = server.defaultWorkspace();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long campaign = jdbc.queryForObject(
                    "INSERT INTO campaign (workspace_id, name, landing_url) VALUES (?, 'Webhook bench',"
                            + " 'https://shop.example.com/') RETURNING id",
                    Long.class,
                    ws);
            long[] creator = new long[CREATORS];
            for (int c = 0; c < CREATORS; c++) {
                creator[c] = jdbc.queryForObject(
                        "INSERT INTO campaign_creator (workspace_id, campaign_id, platform, handle, tracking_code,"
                                + " promo_code) VALUES (?, ?, 'tiktok', ?, ?, ?) RETURNING id",
                        Long.class,
                        ws,
                        campaign,
                        "creator" + c,
                        String.format(Locale.ROOT, "hook%04d", c),
                        "CODE" + c);
                for (int k = 0; k < 3; k++) {
                    click(jdbc, ws, creator[c], "fresh-" + c + "-" + k, now.minus(1, ChronoUnit.DAYS), "click");
                    click(jdbc, ws, creator[c], "old-" + c + "-" + k, now.minus(10, ChronoUnit.DAYS), "click");
                    click(jdbc, ws, creator[c], "bot-" + c + "-" + k, now.minus(1, ChronoUnit.DAYS), "bot");
                }
            }
            WebhookEndpoint endpoint =
                    server.context.getBean(WebhookSecrets.class).endpoint(ws);
            byte[] secret = endpoint.secret().getBytes(StandardCharsets.UTF_8);

            Deliveries warm =
                    deliveries("warm-", Math.min(orders, 5000), duplicates, updates, seed + 1, creator, secret);
            Deliveries bench = deliveries("bench-", orders, duplicates, updates, seed, creator, secret);
            List<Expected> expected = bench.expected();
            List<byte[]> raw = bench.raw();
            List<String> signatures = bench.signatures();
            System.out.printf(
                    Locale.ROOT,
                    "%,d deliveries: %,d versions of %,d orders, %,d retries, shuffled%n",
                    raw.size(),
                    bench.versions(),
                    orders,
                    raw.size() - bench.versions());

            String path = endpoint.ordersUrl().replaceFirst("^https?://[^/]+", "");
            String unknown = "/api/webhooks/no-such-key/orders";
            long limit = seconds * 1000L;
            LoopbackLoad.Request baseline =
                    (client, i) -> client.send("POST", unknown, headers(signatures.get(i)), raw.get(i))
                                    .status()
                            == 404;
            // Warm-up, not counted: both paths until the JIT has compiled them, the signed one with orders of
            // their own (ids "warm-…"), which stay in the table as a running shop's earlier orders would.
            LoopbackLoad.run("warm-up", server.port, senders, Math.min(10_000, raw.size()), limit, baseline);
            LoopbackLoad.run(
                    "warm-up",
                    server.port,
                    senders,
                    warm.raw().size(),
                    limit,
                    (client, i) -> client.send(
                                            "POST",
                                            path,
                                            headers(warm.signatures().get(i)),
                                            warm.raw().get(i))
                                    .status()
                            == 200);
            LoopbackLoad.Result base =
                    LoopbackLoad.run("baseline (unknown key, 404)", server.port, senders, raw.size(), limit, baseline);
            System.out.println(base.line());
            LoopbackLoad.Request deliver =
                    (client, i) -> client.send("POST", path, headers(signatures.get(i)), raw.get(i))
                                    .status()
                            == 200;
            LoopbackLoad.Result r =
                    LoopbackLoad.run("signed deliveries", server.port, senders, raw.size(), limit, deliver);
            System.out.println(r.line());

            Map<String, Object[]> stored = new HashMap<>();
            List<String> wrong = new ArrayList<>();
            jdbc.query(
                    "SELECT order_id, campaign_creator_id, attribution_basis, total, attribution_reason FROM campaign_order"
                            + " WHERE workspace_id = ? AND order_id LIKE 'bench-%'",
                    rs -> {
                        long c = rs.getLong(2);
                        Long credited = rs.wasNull() ? null : c;
                        stored.put(
                                rs.getString(1),
                                new Object[] {credited, rs.getString(3), rs.getBigDecimal(4), rs.getString(5)});
                    },
                    ws);
            int attributed = 0;
            int totals = 0;
            for (Expected e : expected) {
                Object[] row = stored.get(e.orderId());
                if (row == null) {
                    continue;
                }
                if (Objects.equals(row[0], e.creatorId()) && e.basis().equals(row[1])) {
                    attributed++;
                } else if (wrong.size() < 5) {
                    wrong.add(e + " got " + row[0] + " " + row[1] + " (" + row[3] + ")");
                }
                if (((BigDecimal) row[2]).compareTo(e.finalTotal()) == 0) {
                    totals++;
                }
            }
            System.out.printf(Locale.ROOT, "stored orders: %,d (expected exactly %,d)%n", stored.size(), orders);
            System.out.printf(Locale.ROOT, "attribution correct: %,d of %,d%n", attributed, orders);
            wrong.forEach(w -> System.out.println("  wrong: " + w));
            System.out.printf(Locale.ROOT, "newest version stored: %,d of %,d%n", totals, orders);
            double ordersPerSecond = orders / r.seconds();
            System.out.printf(
                    Locale.ROOT,
                    "throughput: %,.0f orders/s (%,.0f deliveries/s); goal >= 1,000 orders/s: %s%n",
                    ordersPerSecond,
                    r.perSecond(),
                    ordersPerSecond >= 1000 ? "met" : "not met");
            boolean ok = stored.size() == orders && attributed == orders && totals == orders && r.errors() == 0;
            System.out.println(ok ? "result: exact" : "result: WRONG");
            return ok;
        }
    }

    /** Signed deliveries of one order set, shuffled, with the expectation per order. */
    record Deliveries(List<Expected> expected, List<byte[]> raw, List<String> signatures, int versions) {}

    static Deliveries deliveries(
            String prefix, int orders, double duplicates, double updates, long seed, long[] creator, byte[] secret)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(seed);
        List<Expected> expected = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String id = prefix + i;
            int a = random.nextInt(CREATORS);
            int b = (a + 1 + random.nextInt(CREATORS - 1)) % CREATORS;
            int k = random.nextInt(3);
            double kind = random.nextDouble();
            String code = null;
            String click = null;
            Long credit = null;
            String basis = "none";
            if (kind < 0.35) {
                code = random.nextBoolean() ? "CODE" + a : "code" + a;
                credit = creator[a];
                basis = "promo_code";
            } else if (kind < 0.65) {
                click = "fresh-" + a + "-" + k;
                credit = creator[a];
                basis = "click";
            } else if (kind < 0.72) {
                click = "old-" + a + "-" + k;
            } else if (kind < 0.79) {
                click = "bot-" + a + "-" + k;
            } else if (kind < 0.86) {
                code = "NOBODY" + a;
            } else if (kind < 0.93) {
                code = "Code" + a;
                click = "fresh-" + b + "-" + k;
                credit = creator[a];
                basis = "promo_code";
            }
            Instant created = now.minusSeconds(60 + random.nextInt(3600));
            BigDecimal total = BigDecimal.valueOf(1000 + random.nextInt(20000), 2);
            bodies.add(body(id, created, total, code, click, created));
            BigDecimal last = total;
            if (random.nextDouble() < updates) {
                last = total.add(BigDecimal.ONE);
                bodies.add(body(id, created, last, code, click, created.plusSeconds(30)));
            }
            expected.add(new Expected(id, credit, basis, last));
        }
        int distinct = bodies.size();
        int retries = (int) Math.round(distinct * duplicates);
        for (int r = 0; r < retries; r++) {
            bodies.add(bodies.get(random.nextInt(distinct)));
        }
        Collections.shuffle(bodies, random);
        List<byte[]> raw = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        for (String b : bodies) {
            byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
            raw.add(bytes);
            signatures.add("sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)));
        }
        return new Deliveries(expected, raw, signatures, distinct);
    }

    private static Map<String, String> headers(String signature) {
        return Map.of("Content-Type", "application/json", "X-Microreach-Signature", signature);
    }

    private static void click(JdbcTemplate jdbc, long ws, long creator, String id, Instant at, String kind) {
        jdbc.update(
                "INSERT INTO campaign_click (workspace_id, campaign_creator_id, click_id, clicked_at, visitor_hash,"
                        + " kind) VALUES (?, ?, ?, ?, '\\x00', ?)",
                ws,
                creator,
                id,
                Timestamp.from(at),
                kind);
    }

    private static String body(
            String id, Instant created, BigDecimal total, String code, String click, Instant updated) {
        return "{\"orderId\":\"" + id + "\",\"createdAt\":\"" + created + "\",\"total\":\"" + total.toPlainString()
                + "\",\"currency\":\"EUR\"" + (code == null ? "" : ",\"promoCode\":\"" + code + "\"")
                + (click == null ? "" : ",\"clickId\":\"" + click + "\"") + ",\"updatedAt\":\"" + updated + "\""
                + ",\"lineItems\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";
    }
}
