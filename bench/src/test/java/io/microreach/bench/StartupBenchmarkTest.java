package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up benchmark's log reading and options; starting a real jar is what the benchmark itself does. */
class StartupBenchmarkTest {
    private static final Instant LAUNCH = Instant.parse("2026-12-07T06:00:00.000Z");

    @TempDir
    Path dir;

    private static String line(String time, String message) {
        return "2026-12-07T06:00:" + time + "Z  INFO 1 --- [microreach] [main] x.Y : " + message;
    }

    @Test
    void splitsAFirstStartIntoItsPhasesAndOther() {
        List<String> log = List.of(
                "  .   ____          _            __ _ _",
                line("02.000", "Starting MicroreachApplication using Java 17"),
                line("04.000", "Starting embedded PostgreSQL on /h/pgdata"),
                line("07.500", "Embedded PostgreSQL ready in 3500 ms"),
                line("08.000", "Migrating the database schema"),
                line("09.000", "Database schema at version 10 (10 migrations applied) in 1000 ms"),
                line("10.000", "Demo data set: generating 5000 creators (seed 42) in /h/demo-data (first start only)"),
                line("15.000", "Demo data generated in 5000 ms"),
                line("15.000", "Importing the demo data set from /h/demo-data/data.jsonl (first start only)"),
                line("35.000", "Demo data loaded: 1626691 rows stored, 0 rejected, in 20 s"),
                line("35.500", "Classifying the niches of the demo accounts (first start only)"),
                line("38.500", "Demo niches classified in 3000 ms"),
                line("38.500", "Scoring the demo accounts (first start only)"),
                line("50.000", "Demo accounts scored: 5494 in 11500 ms (with niches, audiences and the search index)"),
                line("50.000", "Opening the search index"),
                line("50.250", "Search index opened in 250 ms"),
                line("51.000", "Started MicroreachApplication in 49 seconds"));

        Map<String, Double> phases = StartupBenchmark.phases(log, LAUNCH, 52.0);

        assertThat(phases)
                .containsEntry("jvm to spring", 2.0)
                .containsEntry("database start", 3.5)
                .containsEntry("migrations", 1.0)
                .containsEntry("demo generate", 5.0)
                .containsEntry("demo import", 20.0)
                .containsEntry("demo niches", 3.0)
                .containsEntry("demo score and index", 11.5)
                .containsEntry("search index open", 0.25)
                .containsEntry("first request", 1.0);
        double named = phases.entrySet().stream()
                .filter(e -> !e.getKey().equals("other"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        assertThat(phases.get("other")).isEqualTo(52.0 - named, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aWarmStartHasNoDemoPhases() {
        List<String> log = List.of(
                line("01.000", "Starting MicroreachApplication using Java 17"),
                line("01.500", "Starting embedded PostgreSQL on /h/pgdata"),
                line("02.500", "Embedded PostgreSQL ready in 1000 ms"),
                line("03.000", "Database holds 5494 accounts; not loading the demo data set"),
                line("03.100", "Opening the search index"),
                line("03.400", "Search index rebuilt: 5494 accounts (5494 with an embedding) in 300 ms"),
                line("04.000", "Started MicroreachApplication in 3.5 seconds"));

        Map<String, Double> phases = StartupBenchmark.phases(log, LAUNCH, 4.5);

        assertThat(phases).doesNotContainKeys("demo generate", "demo import", "migrations");
        assertThat(phases).containsEntry("search index open", 0.3).containsEntry("first request", 0.5);
    }

    @Test
    void refusesAMissingJarAndBadNumbers() throws Exception {
        assertThatThrownBy(() -> StartupBenchmark.Options.parse(
                        "--jar", dir.resolve("none.jar").toString()))
                .hasMessageContaining("none.jar");
        Path jar = Files.createFile(dir.resolve("app.jar"));
        assertThatThrownBy(() -> StartupBenchmark.Options.parse("--jar", jar.toString(), "--rounds", "0"))
                .hasMessageContaining("--rounds");

        StartupBenchmark.Options options = StartupBenchmark.Options.parse(
                "--jar", jar.toString(), "--jar=" + jar, "--app-arg=--microreach.demo.creators=40", "--port", "9999");

        assertThat(options.jars()).hasSize(2);
        assertThat(options.appArgs()).containsExactly("--microreach.demo.creators=40");
        assertThat(options.port()).isEqualTo(9999);
    }
}
