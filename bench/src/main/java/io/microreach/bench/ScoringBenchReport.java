package io.microreach.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the scoring benchmark prints and writes: one line per step as it happens, and the JSON report, a map from
 * step to its figures in the order the steps ran (named so, not {@code ScoringReport}, which is the app's scorer's
 * own report).
 */
final class ScoringBenchReport {
    private final PrintStream log;
    private final Map<String, Object> result = new LinkedHashMap<>();

    ScoringBenchReport(ScoringBenchmark.Options options, PrintStream log) {
        this.log = log;
        result.put("options", options.toString());
    }

    /** The JSON report's content so far. */
    Map<String, Object> result() {
        return result;
    }

    void loaded(Map<String, Object> load) {
        result.put("load", load);
    }

    void packedLate(Map<String, Object> packed) {
        result.put("packFollowers", packed);
    }

    void rows(Map<String, Long> rows) {
        result.put("rows", rows);
        log.println("rows: " + rows);
    }

    /** Reports the SQL subset; returns its figures, which the score is compared with. */
    Map<String, Object> sqlSubset(PhaseClock.Timed<Long> sql) {
        Map<String, Object> phase = phase(sql.measured(), sql.value());
        result.put("sqlSubset", phase);
        log.printf(
                Locale.ROOT,
                "SQL subset: %d accounts in %.1f s%n",
                sql.value(),
                sql.measured().seconds());
        return phase;
    }

    void readFloor(PhaseClock.Timed<Long> floor, long accounts) {
        result.put("readFloor", phase(floor.measured(), accounts, "bytes", floor.value()));
        log.printf(
                Locale.ROOT,
                "read floor: %.1f GB in %.1f s (PostgreSQL CPU %.1f s)%n",
                floor.value() / 1e9,
                floor.measured().seconds(),
                floor.measured().serverCpuSeconds());
    }

    void loader(PhaseClock.Timed<Long> loader, long accounts) {
        result.put("loader", phase(loader.measured(), accounts, "activityRows", loader.value()));
        log.printf(
                Locale.ROOT,
                "loader alone: %d rows in %.1f s (JVM CPU %.1f s, PostgreSQL CPU %.1f s)%n",
                loader.value(),
                loader.measured().seconds(),
                loader.measured().clientCpuSeconds(),
                loader.measured().serverCpuSeconds());
    }

    /** The score phase and, after an SQL subset phase ({@code sqlPhase} not null), the ratio of the two. */
    void score(ScoringPhases.Score score, Map<String, Object> sqlPhase) {
        PhaseClock.Measured m = score.measured();
        long accounts = score.report().accounts();
        Map<String, Object> scorePhase = phase(m, accounts);
        scorePhase.put("withTrustScore", score.report().withTrustScore());
        scorePhase.put("phaseSeconds", score.phaseSeconds());
        scorePhase.put("maxHeapAfterGcMiB", score.maxHeapAfterGcMiB());
        log.println("scorer phases (seconds from the first progress callback of each): " + score.phaseSeconds());
        scorePhase.put("peakHeapMiB", score.peakHeapMiB());
        scorePhase.put("maxHeapMiB", score.maxHeapMiB());
        result.put("score", scorePhase);
        log.printf(
                Locale.ROOT,
                "microreach score: %d accounts in %.1f s (%.0f accounts/s), peak heap %d MiB of %d MiB"
                        + " (at most %d MiB in use after a garbage collection)%n",
                accounts,
                m.seconds(),
                accounts / m.seconds(),
                score.peakHeapMiB(),
                score.maxHeapMiB(),
                score.maxHeapAfterGcMiB());
        if (sqlPhase != null) {
            double ratio = (double) sqlPhase.get("seconds") / m.seconds();
            result.put("speedupOverSqlSubset", ratio);
            log.printf(
                    Locale.ROOT,
                    "SQL subset %.1f s / microreach score %.1f s = %.2f× (goal ≥ 5×); score goal ≤ 60 s%n",
                    sqlPhase.get("seconds"),
                    m.seconds(),
                    ratio);
        }
    }

    /** The machine, the JVM and PostgreSQL's settings that matter for the figures. */
    void environment(DataSource dataSource) throws SQLException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String setting : new String[] {"server_version", "shared_buffers", "work_mem", "max_wal_size"}) {
                env.put(setting, BenchDatabase.show(st, setting));
            }
        }
        result.put("environment", env);
    }

    static void writeJson(Path file, Map<String, Object> result) throws IOException {
        try (Writer writer = ReportFile.open(file)) {
            JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(writer, result);
        }
    }

    private static Map<String, Object> phase(PhaseClock.Measured m, long accounts, String countName, long count) {
        Map<String, Object> p = phase(m, accounts);
        p.put(countName, count);
        return p;
    }

    private static Map<String, Object> phase(PhaseClock.Measured m, long accounts) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("seconds", m.seconds());
        p.put("accounts", accounts);
        p.put("accountsPerSecond", accounts / m.seconds());
        p.put("cpuJvmSeconds", m.clientCpuSeconds());
        p.put("cpuPostgresSeconds", m.serverCpuSeconds());
        p.put("loadAverage", m.loadAverage());
        return p;
    }
}
