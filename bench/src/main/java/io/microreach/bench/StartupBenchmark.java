package io.microreach.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Time from launching the built exec jar ({@code java -jar microreach-exec.jar demo}) to the first HTTP 200 of
 * {@code /} (following its redirect to the first page): first start on a fresh home (initdb, migrations, the demo data set loaded) and then a warm start on the
 * same home. Several jars (the current build and a baseline, e.g. main's) are measured back to back in one run,
 * alternating, so that a shared machine's drift hits both alike; each start also records the CPU seconds of the JVM
 * and of PostgreSQL (on a busy machine wall time measures the neighbours too) and a phase breakdown read from the
 * app's log: each phase ends at a log line the app writes and starts where the previous one ended, the first at the
 * launch. A start that dies or takes longer than {@code --timeout} fails the run with the end of its log.
 */
public final class StartupBenchmark {
    /**
     * Phases, each from a log line to a later one (null: the launch, or the first HTTP 200); a phase whose lines are
     * missing (a warm start loads no demo) is left out, and "other" is what the named phases do not cover (Spring's
     * context and beans, the web server).
     */
    static final List<Phase> PHASES = List.of(
            new Phase("jvm to spring", null, "Starting MicroreachApplication"),
            new Phase("demo image copy", "Starting .* from the demo image", "Demo image copied"),
            new Phase("database start", "Starting embedded PostgreSQL", "Embedded PostgreSQL ready"),
            new Phase("migrations", "Migrating the database schema", "Database schema at version"),
            new Phase("demo generate", "Demo data set: generating", "Demo data generated"),
            new Phase("demo import", "Importing the demo data set", "Demo data loaded"),
            new Phase("demo niches", "Classifying the niches of the demo accounts", "Demo niches classified"),
            new Phase("demo score and index", "Scoring the demo accounts", "Demo accounts scored"),
            new Phase("search index open", "Opening the search index", "Search index (opened|rebuilt)"),
            new Phase("first request", "Started MicroreachApplication", null));

    private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z)");

    record Phase(String name, String startLine, String endLine) {}

    record Options(
            List<Path> jars,
            int port,
            int rounds,
            String javaOptions,
            List<String> appArgs,
            Duration timeout,
            Path report,
            Path workDir) {
        static final String USAGE = String.join(
                "\n",
                "usage: StartupBenchmark [--jar FILE]... [--port N] [--rounds N] [--java-opts \"...\"] [--app-arg A]..."
                        + " [--timeout SECONDS] [--report FILE] [--work DIR]",
                "  --jar FILE        exec jar to start; repeat to compare (the first is the baseline; default"
                        + " app/target/microreach-exec.jar)",
                "  --port N          HTTP port (default 18080)",
                "  --rounds N        first+warm start pairs per jar, alternating between jars (default 1)",
                "  --java-opts S     JVM options of the app (default \"-XX:+UseParallelGC\", as ./microreach)",
                "  --app-arg A       extra argument after 'demo', e.g. --app-arg=--microreach.demo.creators=50",
                "  --timeout S       longest wait for the first HTTP 200 of one start (default 900)",
                "  --report FILE     JSON report (default bench/target/startup-benchmark.json)",
                "  --work DIR        where the fresh homes and logs go (default a temporary folder, kept)");

        static Options parse(String... args) {
            List<Path> jars = new ArrayList<>();
            int port = 18080;
            int rounds = 1;
            String javaOptions = "-XX:+UseParallelGC";
            List<String> appArgs = new ArrayList<>();
            long timeout = 900;
            Path report = Path.of("bench", "target", "startup-benchmark.json");
            Path work = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String inline = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    inline = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                String value = inline;
                if (value == null && !arg.equals("--help") && !arg.equals("-h")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    value = args[++i];
                }
                switch (arg) {
                    case "--jar" -> jars.add(Path.of(value));
                    case "--port" -> port = (int) positive(value, arg);
                    case "--rounds" -> rounds = (int) positive(value, arg);
                    case "--java-opts" -> javaOptions = value;
                    case "--app-arg" -> appArgs.add(value);
                    case "--timeout" -> timeout = positive(value, arg);
                    case "--report" -> report = Path.of(value);
                    case "--work" -> work = Path.of(value);
                    case "--help", "-h" -> throw new BenchmarkOptions.HelpRequested();
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            if (jars.isEmpty()) {
                jars.add(Path.of("app", "target", "microreach-exec.jar"));
            }
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException("--jar " + jar + ": no such file (build it with package)");
                }
            }
            return new Options(
                    List.copyOf(jars),
                    port,
                    rounds,
                    javaOptions,
                    List.copyOf(appArgs),
                    Duration.ofSeconds(timeout),
                    report,
                    work);
        }

        private static long positive(String value, String option) {
            try {
                long n = Long.parseLong(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number, got '" + value + "'");
        }
    }

    /** One start: wall seconds to the first 200, CPU seconds of both processes then, and the phases of its log. */
    record Start(
            String jar,
            String kind,
            int round,
            double seconds,
            double jvmCpuSeconds,
            double postgresCpuSeconds,
            double loadAverage,
            Map<String, Double> phases,
            String log) {}

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (BenchmarkOptions.HelpRequested e) {
            System.out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        List<Start> starts = run(options, System.out);
        writeReport(options.report(), starts);
        System.out.println("report: " + options.report());
    }

    static List<Start> run(Options options, PrintStream out) throws IOException, InterruptedException {
        Path work = options.workDir() != null
                ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("microreach-startup-");
        List<Start> starts = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (int j = 0; j < options.jars().size(); j++) {
                Path jar = options.jars().get(j);
                Path home = work.resolve("home-" + j + "-" + round);
                deleteTree(home);
                for (String kind : List.of("first", "warm")) {
                    Path log = work.resolve("start-" + j + "-" + round + "-" + kind + ".log");
                    Start start = startOnce(options, jar, home, log, kind, round);
                    starts.add(start);
                    out.printf(
                            Locale.ROOT,
                            "%-40s %-5s round %d: %7.1f s to first HTTP 200 (CPU: JVM %.1f s, PostgreSQL %.1f s;"
                                    + " load %.1f)%n",
                            jar,
                            kind,
                            round,
                            start.seconds(),
                            start.jvmCpuSeconds(),
                            start.postgresCpuSeconds(),
                            start.loadAverage());
                    start.phases().forEach((name, s) -> out.printf(Locale.ROOT, "    %-24s %7.1f s%n", name, s));
                }
            }
        }
        return starts;
    }

    private static Start startOnce(Options options, Path jar, Path home, Path log, String kind, int round)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : options.javaOptions().trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(
                List.of("-jar", jar.toString(), "demo", "--home", home.toString(), "--server.port=" + options.port()));
        command.addAll(options.appArgs());
        Instant launched = Instant.now();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + options.port() + "/"))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(jar + " (" + kind + " start) exited with " + process.exitValue()
                            + " before serving; end of " + log + ":\n" + tail(log));
                }
                if (System.nanoTime() - started > options.timeout().toNanos()) {
                    throw new IllegalStateException(jar + " (" + kind + " start) did not serve / within "
                            + options.timeout().toSeconds() + " s; end of " + log + ":\n" + tail(log));
                }
                if (ok(http, request)) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double jvm = ProcessCpu.processSeconds(process.pid());
            double postgres = ProcessCpu.postgresSeconds(home.resolve("pgdata"));
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage();
            Map<String, Double> phases = phases(Files.readAllLines(log, StandardCharsets.UTF_8), launched, seconds);
            return new Start(jar.toString(), kind, round, seconds, jvm, postgres, load, phases, log.toString());
        } finally {
            process.destroy(); // SIGTERM: Spring closes the context and stops PostgreSQL cleanly
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean ok(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** Seconds per phase of {@link #PHASES} found in the log, and "other" for the rest of the time to the first 200. */
    static Map<String, Double> phases(List<String> lines, Instant launched, double firstOkSeconds) {
        List<Instant> times = new ArrayList<>(lines.size());
        for (String line : lines) {
            Matcher ts = TIMESTAMP.matcher(line);
            times.add(ts.find() ? Instant.parse(ts.group(1)) : null);
        }
        Instant firstOk = launched.plusNanos((long) (firstOkSeconds * 1e9));
        Map<String, Double> phases = new LinkedHashMap<>();
        double named = 0;
        for (Phase phase : PHASES) {
            int startLine = phase.startLine() == null ? -1 : find(lines, times, phase.startLine(), 0);
            if (phase.startLine() != null && startLine < 0) {
                continue;
            }
            int endLine = phase.endLine() == null ? -1 : find(lines, times, phase.endLine(), startLine + 1);
            if (phase.endLine() != null && endLine < 0) {
                continue;
            }
            Instant from = startLine < 0 ? launched : times.get(startLine);
            Instant to = endLine < 0 ? firstOk : times.get(endLine);
            double seconds = Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
            phases.put(phase.name(), seconds);
            named += seconds;
        }
        phases.put("other", Math.max(0, Math.round((firstOkSeconds - named) * 1000) / 1000.0));
        return phases;
    }

    private static int find(List<String> lines, List<Instant> times, String regex, int from) {
        Pattern pattern = Pattern.compile(regex);
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (times.get(i) != null && pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static void writeReport(Path file, List<Start> starts) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "startup");
        json.put(
                "machine",
                Map.of(
                        "cores", Runtime.getRuntime().availableProcessors(),
                        "java", System.getProperty("java.version")));
        json.put("starts", starts);
        try (Writer w = ReportFile.open(file)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(w, json);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
