package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.home.MicroreachHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The crawl's crash promise, checked as a user would break it: {@code microreach crawl bluesky --query Q} runs as its
 * own process against a stand-in AppView, is killed with SIGKILL at a random moment, and the same command is run
 * again until it completes. The database must then hold exactly what an uninterrupted crawl stored: the same
 * accounts, posts, comments, follower samples, follow edges, follower-history points and crawl provenance (compared
 * row by row, without the columns that record when a row was written).
 *
 * <p>Usage: {@code java -cp CP io.microreach.bench.CrawlResumeCheck [--runs 20] [--accounts 3000] [--max-accounts 25]
 * [--seed 7] [--work DIR]}. It prints one line per run (when it was killed, what the killed process had stored) and
 * the number of runs whose database is identical to the reference.
 */
public final class CrawlResumeCheck {
    private static final String KEYWORD = "sourdough";

    private CrawlResumeCheck() {}

    public static void main(String[] args) throws Exception {
        int runs = 20;
        int accounts = 3_000;
        int maxAccounts = 25;
        long seed = 7;
        Path work = Files.createTempDirectory("microreach-resume");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--max-accounts" -> maxAccounts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--work" -> work = Files.createDirectories(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BlueskyStandIn standIn = new BlueskyStandIn(new SyntheticBluesky(accounts, accounts * 30L, seed))) {
            List<String> command = List.of(
                    "crawl",
                    "bluesky",
                    "--query",
                    KEYWORD,
                    "--max-accounts",
                    String.valueOf(maxAccounts),
                    "--base-url",
                    standIn.baseUrl().toString());
            Path reference = work.resolve("reference");
            long t0 = System.nanoTime();
            int code = run(reference, command, -1);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("the uninterrupted crawl exited with " + code);
            }
            Map<String, List<String>> expected = snapshot(reference);
            System.out.printf(Locale.ROOT, "reference: %.1f s, %s%n", seconds, counts(expected));
            Random random = new Random(seed);
            int identical = 0;
            for (int r = 1; r <= runs; r++) {
                Path home = work.resolve("run-" + r);
                // from just after start-up to just before the end of an uninterrupted crawl
                double killAt = 2.0 + random.nextDouble() * Math.max(1.0, seconds - 3.0);
                int first = run(home, command, killAt);
                int attempts = 1;
                int last = first;
                while (last != 0 && attempts < 4) {
                    last = run(home, command, -1);
                    attempts++;
                }
                Map<String, List<String>> got;
                try {
                    got = snapshot(home);
                } catch (Exception e) {
                    System.out.printf(
                            Locale.ROOT,
                            "run %2d: killed at %5.1f s, then %d run(s) ending with exit %d: FAILED, the database cannot"
                                    + " be read: %s (log: %s)%n",
                            r,
                            killAt,
                            attempts - 1,
                            last,
                            e.getMessage(),
                            home.resolve("crawl.log"));
                    continue;
                }
                boolean same = got.equals(expected);
                identical += same ? 1 : 0;
                System.out.printf(
                        Locale.ROOT,
                        "run %2d: killed at %5.1f s (%s), resumed in %d more run(s) → %s%s%n",
                        r,
                        killAt,
                        first == 137 ? "SIGKILL" : "had exited " + first,
                        attempts - 1,
                        same ? "identical" : "DIFFERENT: ",
                        same ? "" : diff(expected, got));
                delete(home);
            }
            System.out.printf(Locale.ROOT, "identical to the uninterrupted crawl: %d of %d runs%n", identical, runs);
            delete(reference);
        }
    }

    /** Runs the command in its own JVM; with {@code killAfter} ≥ 0 kills it with SIGKILL then (exit 137). */
    private static int run(Path home, List<String> command, double killAfter) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC",
                // the stand-in is ours: no need to keep to the AppView's 3,000 requests per 5 minutes
                "-Dmicroreach.connectors.bluesky.requests-per-minute=600000",
                "-cp",
                System.getProperty("java.class.path"),
                "io.microreach.app.MicroreachApplication"));
        cmd.addAll(command);
        cmd.add("--home");
        cmd.add(home.toString());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Files.createDirectories(home).resolve("crawl.log").toFile()))
                .start();
        if (killAfter >= 0 && !p.waitFor((long) (killAfter * 1000), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook runs, the embedded postmaster is orphaned
            p.waitFor();
            return 137;
        }
        return p.waitFor();
    }

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(
                "account",
                "SELECT platform, platform_id, handle, display_name, bio, followers, following, posts_count FROM account");
        TABLES.put(
                "post",
                "SELECT platform_id, account_platform_id, published_at, format, caption, likes, comments, shares, saves"
                        + " FROM post");
        TABLES.put(
                "comment",
                "SELECT platform_id, post_platform_id, author_platform_id, text, created_at, parent_platform_id FROM comment");
        TABLES.put(
                "follower_sample",
                "SELECT account_platform_id, follower_platform_id, handle, followers, following, posts_count"
                        + " FROM follower_sample");
        TABLES.put("follow_edge", "SELECT account_platform_id, source_id, target_id FROM follow_edge");
        TABLES.put("follower_count", "SELECT account_platform_id, day, followers FROM follower_count");
        TABLES.put("account_source", "SELECT platform, platform_id, source, posts_at IS NOT NULL FROM account_source");
        TABLES.put("crawl_record", "SELECT seq FROM crawl_record");
    }

    private static Map<String, List<String>> snapshot(Path home) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new MicroreachHome(home));
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement()) {
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(t.getValue())) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            b.append(i > 1 ? " | " : "").append(rs.getString(i));
                        }
                        rows.add(b.toString());
                    }
                }
                rows.sort(Comparator.naturalOrder());
                out.put(t.getKey(), rows);
            }
        }
        return out;
    }

    private static String counts(Map<String, List<String>> s) {
        StringBuilder b = new StringBuilder();
        s.forEach((k, v) -> b.append(b.length() > 0 ? ", " : "")
                .append(v.size())
                .append(' ')
                .append(k));
        return b.toString();
    }

    private static String diff(Map<String, List<String>> expected, Map<String, List<String>> got) {
        StringBuilder b = new StringBuilder();
        for (String k : expected.keySet()) {
            if (!expected.get(k).equals(got.get(k))) {
                b.append(k)
                        .append(" expected ")
                        .append(expected.get(k).size())
                        .append(" rows, got ")
                        .append(got.get(k).size())
                        .append("; ");
            }
        }
        return b.toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
