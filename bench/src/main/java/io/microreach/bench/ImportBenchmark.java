package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.domain.RecordType;
import io.microreach.ingest.UnusableInputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;

/**
 * Measures how fast microreach imports a file compared with the fastest way PostgreSQL can take the same rows, all
 * in one run on one freshly started embedded PostgreSQL (the app's own {@link EmbeddedDatabase}, so fsync and
 * synchronous commit are on as for a user's data) with the app's Flyway schema.
 *
 * <p>Phases, in this order:
 *
 * <ol>
 *   <li>The input file is read once untimed, so that the first timed phase does not pay for a cold OS page cache
 *       that the later ones would not pay for.
 *   <li>Optional warm-up ({@code --warmup}): both sides import the file's first lines, then their tables are
 *       emptied. Without it the baseline, which runs first, would also pay for class loading and JIT compilation of
 *       the shared parser, flattering microreach.
 *   <li><b>COPY baseline</b> into the bare tables of {@link BareCopyBaseline}; counted, then emptied.
 *   <li><b>microreach import</b> with the real {@link Importer} into the empty real tables.
 *   <li><b>microreach re-import</b> of the same file: every line is unchanged.
 * </ol>
 *
 * <p>Before every timed phase the database is settled with {@code VACUUM ANALYZE} (as autovacuum would have done by
 * then in real use; it gives the re-import the planner statistics a real second import would have) and then {@code
 * CHECKPOINT} (no phase pays for writing back the previous phase's dirty pages or the vacuum's). The baseline goes first and writes
 * to tables of its own, so it cannot profit from anything microreach cached; microreach in turn starts on empty
 * tables just as the baseline did. Both sides use one connection, the same batch size and one transaction per
 * batch, and both parse with the same reader, so the ratio isolates what staging, upserting and linking cost.
 * Autovacuum stays on as in real use; each phase also records the CPU time of both processes and the machine's
 * load, because on a shared machine wall time measures the neighbours too.
 */
public final class ImportBenchmark {
    private static final String PUBLIC_TABLES =
            "follow_edge, follower_count, follower_sample, comment, post, account, creator";

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (BenchmarkOptions.HelpRequested e) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        BenchmarkResult result;
        try {
            result = run(options, System.out);
        } catch (IllegalArgumentException | UnusableInputException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        result.writeJson(options.report());
        System.out.println("report written to " + options.report().toAbsolutePath());
    }

    static BenchmarkResult run(BenchmarkOptions options, PrintStream log) throws Exception {
        Path input = options.input().toAbsolutePath();
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException(input + ": no such file");
        }
        if (options.home() != null && Files.exists(new MicroreachHome(options.home()).databaseDirectory())) {
            // A database left by an earlier run would make the first import a partial re-import.
            throw new IllegalArgumentException(
                    options.home() + " already holds a database; give --home a new or empty folder");
        }
        boolean temporaryHome = options.home() == null;
        Path homeDir = temporaryHome ? Files.createTempDirectory("microreach-bench-") : options.home();
        MicroreachHome home = new MicroreachHome(homeDir);
        try {
            return run(options, input, home, log);
        } finally {
            if (temporaryHome) {
                deleteRecursively(homeDir);
            }
        }
    }

    private static BenchmarkResult run(BenchmarkOptions options, Path input, MicroreachHome home, PrintStream log)
            throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            BenchDatabase.migrate(database);
            DataSource dataSource = BenchDatabase.dataSource(database);
            Importer importer = new Importer(dataSource, home, options.batchSize());

            try (Connection admin = dataSource.getConnection()) {
                admin.setAutoCommit(false);
                BareCopyBaseline.createTables(admin);
            }
            long inputBytes = readThrough(input);
            Map<String, String> environment = environment(dataSource);

            if (options.warmupLines() > 0) {
                Path warmup = home.root().resolve("warmup.jsonl");
                long lines = copyHead(input, warmup, options.warmupLines());
                log.printf(Locale.ROOT, "warm-up: %d lines on both sides%n", lines);
                BareCopyBaseline.copy(dataSource, warmup, options.batchSize(), ImportProgress.NONE);
                importer.importFile(warmup, ImportProgress.NONE);
                emptyAll(dataSource);
                Files.delete(warmup);
            }

            Path pgdata = database.dataDirectory();
            BenchDatabase.settle(dataSource);
            log.println("baseline: COPY into bare tables ...");
            PhaseClock clock = PhaseClock.start(pgdata);
            ProgressTenths tenths = new ProgressTenths();
            long[] copied = BareCopyBaseline.copy(dataSource, input, options.batchSize(), tenths);
            PhaseClock.Measured measured = clock.stop();
            PhaseResult baseline = new PhaseResult(
                    "baseline",
                    "COPY into bare tables (baseline)",
                    copied[0],
                    copied[1],
                    copied[0] - copied[1],
                    0,
                    measured,
                    tableRows(dataSource, BareCopyBaseline.SCHEMA),
                    0,
                    tenths.rowsPerSecond());
            emptyAll(dataSource);

            BenchDatabase.settle(dataSource);
            log.println("microreach: import ...");
            PhaseResult first = importPhase("microreach", "microreach import", importer, input, dataSource, pgdata);

            BenchDatabase.settle(dataSource);
            log.println("microreach: re-import of the same file ...");
            PhaseResult again =
                    importPhase("reimport", "microreach re-import (unchanged)", importer, input, dataSource, pgdata);

            BenchmarkResult result = new BenchmarkResult(
                    input.toString(),
                    inputBytes,
                    options.batchSize(),
                    options.warmupLines(),
                    environment,
                    baseline,
                    first,
                    again);
            result.print(log);
            return result;
        }
    }

    private static PhaseResult importPhase(
            String name, String label, Importer importer, Path input, DataSource dataSource, Path pgdata)
            throws Exception {
        PhaseClock clock = PhaseClock.start(pgdata);
        ProgressTenths tenths = new ProgressTenths();
        ImportReport report = importer.importFile(input, tenths);
        PhaseClock.Measured measured = clock.stop();
        return new PhaseResult(
                name,
                label,
                report.lines(),
                report.rejected(),
                report.stored(),
                report.unchanged(),
                measured,
                tableRows(dataSource, "public"),
                report.waitingForParent(),
                tenths.rowsPerSecond());
    }

    private static Map<String, Long> tableRows(DataSource dataSource, String schema) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (RecordType type : RecordType.values()) {
                rows.put(type.id(), BenchDatabase.count(st, schema + "." + type.id()));
            }
        }
        return rows;
    }

    private static void emptyAll(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            BareCopyBaseline.truncate(c);
            try (Statement st = c.createStatement()) {
                // CASCADE reaches the workspace tables that reference accounts; they are empty here anyway.
                st.execute("TRUNCATE " + PUBLIC_TABLES + " RESTART IDENTITY CASCADE");
            }
            c.commit();
        }
    }

    private static Map<String, String> environment(DataSource dataSource) throws SQLException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        env.put("maxHeapMiB", String.valueOf(Runtime.getRuntime().maxMemory() / 1048576));
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            env.put("postgres", BenchDatabase.show(st, "server_version"));
            for (String setting : new String[] {
                "shared_buffers", "fsync", "synchronous_commit", "full_page_writes", "max_wal_size", "work_mem"
            }) {
                env.put(setting, BenchDatabase.show(st, setting));
            }
        }
        return env;
    }

    /** Reads the whole file once and returns its size: warms the OS page cache for every phase alike. */
    private static long readThrough(Path file) throws IOException {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
            }
        }
        return total;
    }

    /** Writes the first {@code lines} lines of {@code input} (decompressed) to {@code target}; returns how many. */
    private static long copyHead(Path input, Path target, long lines) throws IOException {
        if (!input.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson|json)(\\.gz)?")) {
            throw new IllegalArgumentException("--warmup needs a JSONL input (a CSV head would lose its header)");
        }
        long written = 0;
        try (InputStream raw = Files.newInputStream(input);
                InputStream in = input.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            String line;
            while (written < lines && (line = reader.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
                written++;
            }
        }
        return written;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the temporary folder " + root + ": " + e.getMessage());
        }
    }
}
