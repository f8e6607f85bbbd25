package io.microreach.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a postmaster left running on our data folder by a JVM that died without closing it, and stops it.
 *
 * <p>The first line of {@code postmaster.pid} is the postmaster's PID. We only touch a live process whose command is
 * {@code postgres}, so a PID reused by an unrelated program is left alone (PostgreSQL then notices the stale file
 * itself). SIGTERM asks for a smart shutdown, which finishes at once because the dead JVM's sessions are gone and
 * writes a checkpoint; only if it hangs do we kill the process tree, after which PostgreSQL replays its WAL on start.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(60);

    private StalePostmaster() {}

    static void stopIfOrphaned(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster =
                pidOf(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            LOG.info("Found a stale postmaster.pid from a crashed server; PostgreSQL will recover on start");
            return;
        }
        ProcessHandle process = postmaster.get();
        String command = process.info().command().orElse("");
        if (!command.endsWith("postgres")) {
            LOG.info(
                    "postmaster.pid names PID {} which is not a postgres process ({}); ignoring it",
                    process.pid(),
                    command);
            return;
        }
        LOG.warn(
                "An orphaned PostgreSQL server (PID {}) still runs on {}; stopping it before start",
                process.pid(),
                dataDirectory);
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!waitFor(process, GRACE)) {
            LOG.warn("PostgreSQL PID {} did not stop within {} s; killing it", process.pid(), GRACE.toSeconds());
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            waitFor(process, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : children) {
            waitFor(child, Duration.ofSeconds(10));
        }
    }

    static Optional<Long> pidOf(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
