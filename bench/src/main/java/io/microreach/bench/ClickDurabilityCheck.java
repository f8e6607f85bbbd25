package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.home.MicroreachHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a {@code kill -9} costs the click log, both ways round.
 *
 * <ol>
 *   <li><b>The load generator is killed.</b> The server runs in this JVM; a load generator in its own JVM follows
 *       tracking links and prints the click id of every redirect it received, until it is killed with SIGKILL at a
 *       random moment. Every click id it printed must be in the database a moment later: a client that goes away
 *       loses nothing.
 *   <li><b>The server is killed.</b> The server runs in its own JVM (the {@code serve} command on a prepared home);
 *       this JVM follows links, noting when each redirect arrived, and kills the server with SIGKILL at a random
 *       moment. The home is then opened again and the redirects received are looked up: the clicks that are missing
 *       must all have been answered within the click log's write interval before the kill (200 ms by default, at
 *       most 1 s), the buffer that had not been written yet.
 * </ol>
 *
 * <p>{@code java -cp "$CP" io.microreach.bench.ClickDurabilityCheck [--runs 5] [--seconds 8] [--work DIR]}; exit
 * status 0 when every run keeps its bound.
 */
public final class ClickDurabilityCheck {
    private static final String CODE = "durable001";
    private static final String AGENT = RedirectBenchmark.BROWSER + "durability";

    private ClickDurabilityCheck() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--generate")) {
            generate(Integer.parseInt(args[1]));
            return;
        }
        int runs = 5;
        double seconds = 8;
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: ClickDurabilityCheck [--runs N] [--seconds S] [--work DIR]");
                    System.exit(2);
                    return;
                }
            }
        }
        if (work == null) {
            work = Files.createTempDirectory("click-durability-");
        }
        Random random = new Random(11);
        boolean ok = true;
        for (int run = 1; run <= runs; run++) {
            ok &= generatorKilled(work.resolve("generator-" + run), 1 + random.nextDouble() * (seconds - 1), run);
        }
        for (int run = 1; run <= runs; run++) {
            ok &= serverKilled(work.resolve("server-" + run), 2 + random.nextDouble() * (seconds - 2), run);
        }
        System.out.println(ok ? "result: every run kept its bound" : "result: a bound was broken");
        System.exit(ok ? 0 : 1);
    }

    /** The load generator's JVM: follows the link until killed, printing each click id received. */
    private static void generate(int port) throws IOException {
        try (LoopbackClient client = new LoopbackClient(port)) {
            while (true) {
                LoopbackClient.Answer a = client.send("GET", "/r/" + CODE, Map.of("User-Agent", AGENT), null);
                if (a.status() == 302 && a.location() != null) {
                    System.out.println(clickId(a.location()));
                    System.out.flush();
                }
            }
        }
    }

    private static boolean generatorKilled(Path home, double killAfter, int run) throws Exception {
        try (BenchServer server = BenchServer.start(home)) {
            prepare(server.jdbc(), server.defaultWorkspace());
            Process p = new ProcessBuilder(
                            java(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ClickDurabilityCheck.class.getName(),
                            "--generate",
                            Integer.toString(server.port))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Set<String> received = new HashSet<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (received) {
                            received.add(line.strip());
                        }
                    }
                } catch (IOException e) {
                    // the pipe closes with the killed process
                }
            });
            reader.start();
            if (!p.waitFor((long) (killAfter * 1000), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
            p.waitFor();
            reader.join();
            Thread.sleep(1500); // the click log's next write rounds
            Set<String> stored = stored(server.jdbc());
            Set<String> lost = new HashSet<>(received);
            lost.removeAll(stored);
            System.out.printf(
                    Locale.ROOT,
                    "generator killed, run %d: SIGKILL after %.1f s; %,d redirects received, %,d clicks stored, %d of"
                            + " the received missing%n",
                    run,
                    killAfter,
                    received.size(),
                    stored.size(),
                    lost.size());
            return !received.isEmpty() && lost.isEmpty();
        }
    }

    private static boolean serverKilled(Path home, double killAfter, int run) throws Exception {
        try (BenchServer server = BenchServer.start(home)) {
            prepare(server.jdbc(), server.defaultWorkspace());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(
                        java(),
                        "-Dmicroreach.demo.enabled=false",
                        "-Dmicroreach.sync.enabled=false",
                        "-Dserver.port=" + port,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.microreach.app.MicroreachApplication",
                        "serve",
                        "--home",
                        home.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!listening(port)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                System.out.println("server killed, run " + run + ": the server did not start (see "
                        + home.resolve("server.log") + ")");
                return false;
            }
            Thread.sleep(200);
        }
        Map<String, Long> received = new HashMap<>();
        long start = System.nanoTime();
        long killAt = start + (long) (killAfter * 1e9);
        long killedAt;
        try (LoopbackClient client = new LoopbackClient(port)) {
            while (System.nanoTime() < killAt) {
                LoopbackClient.Answer a = client.send("GET", "/r/" + CODE, Map.of("User-Agent", AGENT), null);
                if (a.status() == 302 && a.location() != null) {
                    received.put(clickId(a.location()), System.nanoTime());
                }
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, the buffered clicks are not written
            killedAt = System.nanoTime();
            p.waitFor();
        }
        Set<String> stored;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new MicroreachHome(home));
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            stored = stored(c);
        }
        List<Double> lostAges = new ArrayList<>();
        received.forEach((id, at) -> {
            if (!stored.contains(id)) {
                lostAges.add((killedAt - at) / 1e6);
            }
        });
        double oldest = lostAges.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        boolean kept = oldest <= 1000;
        System.out.printf(
                Locale.ROOT,
                "server killed, run %d: SIGKILL after %.1f s; %,d redirects received, %,d of them lost, the oldest lost"
                        + " answered %.0f ms before the kill (bound: 1,000 ms): %s%n",
                run,
                killAfter,
                received.size(),
                lostAges.size(),
                oldest,
                kept ? "kept" : "BROKEN");
        return !received.isEmpty() && kept;
    }

    private static void prepare(JdbcTemplate jdbc, long ws) {
        long campaign = jdbc.queryForObject(
                "INSERT INTO campaign (workspace_id, name, landing_url) VALUES (?, 'Durability',"
                        + " 'https://shop.example.com/') RETURNING id",
                Long.class,
                ws);
        jdbc.update(
                "INSERT INTO campaign_creator (workspace_id, campaign_id, platform, handle, tracking_code)"
                        + " VALUES (?, ?, 'instagram', 'durable', ?)",
                ws,
                campaign,
                CODE);
    }

    private static Set<String> stored(JdbcTemplate jdbc) {
        return new HashSet<>(jdbc.queryForList("SELECT click_id FROM campaign_click", String.class));
    }

    private static Set<String> stored(Connection c) throws Exception {
        Set<String> out = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT click_id FROM campaign_click");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String clickId(String location) {
        int i = location.indexOf("mr_click=");
        String rest = location.substring(i + 9);
        int end = rest.indexOf('&');
        int hash = rest.indexOf('#');
        int cut = end < 0 ? hash : hash < 0 ? end : Math.min(end, hash);
        return cut < 0 ? rest : rest.substring(0, cut);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
