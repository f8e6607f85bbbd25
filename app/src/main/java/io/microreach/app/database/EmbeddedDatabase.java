package io.microreach.app.database;

import io.microreach.app.home.MicroreachHome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
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

    /** Null when this process uses the server another live process started on the same home. */
    private final EmbeddedPostgres postgres;

    private final Path dataDirectory;
    private final int port;
    private final FileChannel ownerLock;

    private final Path lockFile;
    private final DatabasePasswords passwords;

    private EmbeddedDatabase(
            EmbeddedPostgres postgres,
            Path dataDirectory,
            int port,
            FileChannel ownerLock,
            Path lockFile,
            DatabasePasswords passwords) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.ownerLock = ownerLock;
        this.lockFile = lockFile;
        this.passwords = passwords;
    }

    /**
     * Held (an OS file lock, released even when the process is killed) by the process that started the server on a
     * home, for as long as it runs. It tells a server in use from one orphaned by a killed process: both leave
     * {@code postmaster.pid}, but only the orphan's lock is free.
     */
    static final String OWNER_LOCK = "database.lock";

    /** Written once the server started from the unpacked binaries, so they are known to be whole. */
    static final String UNPACKED = ".unpacked";

    /**
     * Removes binaries whose unpacking a killed first start cut short: the library only checks that their folder
     * exists, so every later start would fail on a half-written file. Binaries without the marker of a successful
     * start are unpacked again (a few seconds, once); the data folder is never touched.
     */
    static void discardPartialUnpack(Path binaries) throws IOException {
        if (!Files.isDirectory(binaries) || Files.exists(binaries.resolve(UNPACKED))) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(binaries)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        LOG.warn(
                "PostgreSQL binaries under {} were not completely unpacked (a start was killed); unpacking again",
                binaries);
        deleteTree(binaries);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public static EmbeddedDatabase start(MicroreachHome home) throws IOException {
        return start(home, true);
    }

    /**
     * Starts the server on the home's data folder. {@code walRecycle} false removes WAL segments a checkpoint no
     * longer needs instead of keeping them for reuse: after a bulk load PostgreSQL keeps about {@code max_wal_size}
     * (1 GB) of recycled segments, which a folder that is copied elsewhere (a demo image) should not carry.
     */
    public static EmbeddedDatabase start(MicroreachHome home, boolean walRecycle) throws IOException {
        home.create();
        Path data = home.databaseDirectory();
        Path lockFile = home.runtime().resolve(OWNER_LOCK);
        // A server this JVM runs is recognised without touching its lock file: on Linux, closing any descriptor of a
        // file drops every POSIX lock the process holds on it, so probing with a second channel would free the lock.
        if (OWNED_HERE.contains(lockFile)) {
            return attach(home, data);
        }
        FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean owner;
        try {
            owner = lock.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            owner = false; // this very process runs the server already
        }
        if (!owner) {
            lock.close();
            return attach(home, data);
        }
        OWNED_HERE.add(lockFile);
        try {
            return startOwned(home, data, walRecycle, lock, lockFile);
        } catch (IOException | RuntimeException e) {
            OWNED_HERE.remove(lockFile);
            lock.close();
            throw e;
        }
    }

    /** Lock files of the servers this JVM started and has not stopped. */
    private static final java.util.Set<Path> OWNED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Uses the server that a running microreach (a web server, or a command still at work) started on this home,
     * instead of treating it as orphaned: a command run beside a server shares its database and never stops it.
     */
    private static EmbeddedDatabase attach(MicroreachHome home, Path data) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_WAIT);
        while (true) {
            OptionalInt port = readyPort(data.resolve("postmaster.pid"));
            if (port.isPresent()) {
                LOG.info("A microreach process runs on this home; using its database (port {})", port.getAsInt());
                return new EmbeddedDatabase(
                        null, data, port.getAsInt(), null, null, DatabasePasswords.read(home.runtime()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("another microreach process holds " + data + " but its database did not"
                        + " become ready within " + STARTUP_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the database of another microreach process");
            }
        }
    }

    /**
     * The port of a server whose {@code postmaster.pid} says it is ready: line 4 is the port and line 8 the status
     * (PostgreSQL's {@code pidfile.h}).
     */
    static OptionalInt readyPort(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                return OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // not there or half written: not ready yet
        }
        return OptionalInt.empty();
    }

    private static EmbeddedDatabase startOwned(
            MicroreachHome home, Path data, boolean walRecycle, FileChannel lock, Path lockFile) throws IOException {
        Path binaries = home.runtime().resolve("postgres");
        discardPartialUnpack(binaries);
        Files.createDirectories(binaries);
        // A data folder whose first start never finished holds no data yet, only what initdb left when it was killed,
        // which initdb refuses to run over: remove it. A folder that once started is never removed.
        Path firstStart = home.root().resolve("pgdata.first-start");
        if (Files.exists(firstStart)) {
            LOG.warn("The first start of {} was interrupted; creating the database folder again", data);
            deleteTree(data);
        }
        if (!Files.exists(data)) {
            Files.writeString(firstStart, "the database folder is being created\n");
        }
        StalePostmaster.stopIfOrphaned(data);
        LOG.info("Starting embedded PostgreSQL on {}", data);
        long started = System.nanoTime();
        DatabasePasswords current = DatabasePasswords.ofHome(home.runtime());
        Path rotate = home.runtime().resolve(DatabasePasswords.ROTATE);
        DatabasePasswords target = Files.exists(rotate)
                ? new DatabasePasswords(DatabasePasswords.generate(), DatabasePasswords.generate())
                : current;
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setConnectConfig("password", current.admin())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "50")
                .setServerConfig("wal_recycle", walRecycle ? "on" : "off")
                .start();
        Files.writeString(binaries.resolve(UNPACKED), "the PostgreSQL binaries here are complete\n");
        try {
            ServerAccess.secure(pg.getPort(), data, current.admin(), target);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        if (target != current) {
            // A copy of another home (the demo image) gets passwords of its own.
            target.writeTo(home.runtime());
            Files.delete(rotate);
        }
        Files.deleteIfExists(firstStart);
        LOG.info("Embedded PostgreSQL ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedDatabase(pg, data, pg.getPort(), lock, lockFile, target);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Whether this process uses a server that another microreach process started (and will stop). */
    public boolean attached() {
        return postgres == null;
    }

    /** The application's role: not a superuser (see {@link ServerAccess}). */
    public String user() {
        return ServerAccess.APP_ROLE;
    }

    public String password() {
        return passwords.app();
    }

    /** The superuser, for set-up and the database's own tests. */
    String adminUser() {
        return ServerAccess.ADMIN_ROLE;
    }

    String adminPassword() {
        return passwords.admin();
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } finally {
            OWNED_HERE.remove(lockFile);
            ownerLock.close();
        }
    }
}
