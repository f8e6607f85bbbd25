package io.microreach.app.database;

import io.microreach.app.home.MicroreachHome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central via zonky) running on a persisted data folder.
 *
 * <p>zonky's defaults are made for throw-away test databases: it starts postgres with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}. For a data folder that holds a user's data we turn fsync, synchronous_commit and
 * full_page_writes back on; {@code -c} options given after {@code -F} win, which {@code SHOW fsync} confirms.
 *
 * <p>If the JVM was killed with SIGKILL, the postmaster it started is orphaned and keeps {@code postmaster.pid}; the
 * next {@code pg_ctl start} would fail. {@link StalePostmaster} stops such an orphan cleanly first (a smart shutdown
 * checkpoints), and PostgreSQL's own WAL replay recovers from a postmaster that died too.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedDatabase start(MicroreachHome home) throws IOException {
        home.create();
        Path data = home.databaseDirectory();
        Path binaries = home.runtime().resolve("postgres");
        Files.createDirectories(binaries);
        StalePostmaster.stopIfOrphaned(data);
        LOG.info("Starting embedded PostgreSQL on {}", data);
        long started = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "50")
                .start();
        LOG.info("Embedded PostgreSQL ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedDatabase(pg, data);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
