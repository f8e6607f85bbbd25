package io.microreach.app.importjobs;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.UnusableInputException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Runs uploaded imports in the background, one at a time, and remembers them in the database ({@code import_job}).
 *
 * <p>A form carries a one-time submission token; a second submit with the same token (a double click, a reload of
 * the POST) returns the job of the first instead of importing the file again. Imports are idempotent anyway
 * (natural keys), so this only saves the work and a confusing second report.
 *
 * <p>Disk use is bounded: uploads wait in a queue of at most {@code microreach.upload.max-queued} files and {@code
 * microreach.upload.max-queued-bytes} bytes; an upload's file is deleted when its job ends, whatever the outcome;
 * files left by a server that stopped mid-import are removed at the next start, where its unfinished jobs are marked
 * failed; rejected-line reports are kept for {@code microreach.import.rejected-reports.max-age} and at most {@code
 * microreach.import.rejected-reports.keep} of them.
 */
@Service
public class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /** Jobs the page lists; older ones stay in the database. */
    static final int KEEP = 20;

    static final String INTERRUPTED = "The server stopped during this import; import the file again — already stored"
            + " rows are not duplicated.";

    private final Importer importer;
    private final Scorer scorer;
    private final ImportJobStore store;
    private final CurrentWorkspace current;
    private final AuditLog audit;
    private final Path uploads;
    private final Path reports;
    private int maxQueued;
    private long maxQueuedBytes;
    private final int keepReports;
    private final Duration reportAge;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "microreach-upload-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    private final Map<String, String> jobByToken = new LinkedHashMap<>();
    private int reservedCount;
    private long reservedBytes;

    public ImportJobs(
            Importer importer,
            Scorer scorer,
            MicroreachHome home,
            ImportJobStore store,
            CurrentWorkspace current,
            AuditLog audit,
            @Value("${microreach.upload.max-queued:10}") int maxQueued,
            @Value("${microreach.upload.max-queued-bytes:2GB}") DataSize maxQueuedBytes,
            @Value("${microreach.import.rejected-reports.keep:100}") int keepReports,
            @Value("${microreach.import.rejected-reports.max-age:30d}") Duration reportAge) {
        if (maxQueued < 1 || maxQueuedBytes.toBytes() < 1 || keepReports < 1 || reportAge.isNegative()) {
            throw new IllegalArgumentException("microreach.upload.max-queued, microreach.upload.max-queued-bytes and"
                    + " microreach.import.rejected-reports.keep must be positive, .max-age not negative");
        }
        this.importer = importer;
        this.scorer = scorer;
        this.store = store;
        this.current = current;
        this.audit = audit;
        this.uploads = home.root().resolve("uploads");
        this.reports = home.reports().resolve("import-rejections");
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes.toBytes();
        this.keepReports = keepReports;
        this.reportAge = reportAge;
    }

    /**
     * When the web server starts, no upload can be importing: jobs the database still has as unfinished were cut off
     * by a stop of the server, and whatever lies in the uploads folder belongs to them. Only the server does this: a
     * command-line run beside a running server must not fail its jobs or delete its uploads.
     */
    @EventListener(WebServerInitializedEvent.class)
    public void serverStarted() {
        recover();
    }

    void recover() {
        int interrupted = store.failUnfinished(INTERRUPTED);
        if (interrupted > 0) {
            LOG.warn("{} import(s) were cut off when the server stopped; marked failed", interrupted);
        }
        deleteTree(uploads, false);
        pruneReports();
        List<ImportJob> latest = store.latest(KEEP, this::reportFile);
        synchronized (this) {
            for (int i = latest.size() - 1; i >= 0; i--) {
                jobs.put(latest.get(i).id(), latest.get(i));
            }
        }
    }

    /** Changes the queue's limits while the server runs (tests fill the queue without filling the disk). */
    synchronized void queueLimits(int count, long bytes) {
        this.maxQueued = count;
        this.maxQueuedBytes = bytes;
    }

    /** A fresh submission token for an upload form. */
    public String newToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * Saves the upload and queues its import; returns the job of an earlier submit with the same token instead.
     *
     * @throws UploadRejected when there is no file or it is not importable (nothing is queued)
     * @throws UploadQuotaExceeded when the queue is full (nothing is saved)
     */
    public ImportJob submit(String token, String originalName, long size, InputStream content) {
        synchronized (this) {
            String earlier = token == null ? null : jobByToken.get(token);
            if (earlier != null && jobs.containsKey(earlier)) {
                return jobs.get(earlier);
            }
        }
        String name = safeName(originalName);
        if (name.isEmpty() || size == 0) {
            throw new UploadRejected("Choose a non-empty JSONL or CSV file to import.");
        }
        reserve(size);
        boolean queued = false;
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path dir = uploads.resolve(id);
        try {
            Path file;
            try {
                Files.createDirectories(dir);
                file = dir.resolve(name);
                Files.copy(content, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the upload " + name + ": " + e.getMessage(), e);
            }
            try {
                InputFiles.open(file, name, importer.limits()).close();
            } catch (UnusableInputException e) {
                throw new UploadRejected(e.getMessage());
            } catch (IOException e) {
                throw new UploadRejected(name + ": " + e.getMessage());
            }
            ImportJob job = new ImportJob(id, name, size, file, Instant.now());
            synchronized (this) {
                String earlier = token == null ? null : jobByToken.get(token);
                if (earlier != null && jobs.containsKey(earlier)) {
                    // Two submits raced past the first check: keep the first, drop this copy.
                    return jobs.get(earlier);
                }
                store.insert(job);
                audit.record(current.actor(), null, "import.upload", originalName, size + " bytes, job " + id);
                jobs.put(id, job);
                if (token != null) {
                    jobByToken.put(token, id);
                }
                forgetOld();
                queued = true;
            }
            worker.submit(() -> run(job));
            return job;
        } finally {
            release(size);
            if (!queued) {
                deleteTree(dir, true);
            }
        }
    }

    /** Counts this upload against the queue's limits while it is saved, so parallel uploads cannot overshoot. */
    private synchronized void reserve(long size) {
        long waiting = reservedCount;
        long bytes = reservedBytes;
        for (ImportJob job : jobs.values()) {
            if (!job.state().finished()) {
                waiting++;
                bytes += job.size();
            }
        }
        if (waiting >= maxQueued) {
            throw new UploadQuotaExceeded(
                    HttpStatus.TOO_MANY_REQUESTS,
                    String.format(
                            Locale.ROOT,
                            "The import queue is full: %d uploads are waiting or importing (at most %d,"
                                    + " microreach.upload.max-queued). Try again when one is done, or import with the"
                                    + " command line: microreach import FILE.",
                            waiting,
                            maxQueued));
        }
        if (bytes + size > maxQueuedBytes) {
            throw new UploadQuotaExceeded(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    String.format(
                            Locale.ROOT,
                            "The import queue has no room for this file: %s are waiting and this file has %s, more"
                                    + " than the %s queued uploads may hold (microreach.upload.max-queued-bytes). Try"
                                    + " again when the queue is shorter, or import with the command line: microreach"
                                    + " import FILE.",
                            megabytes(bytes),
                            megabytes(size),
                            megabytes(maxQueuedBytes)));
        }
        reservedCount++;
        reservedBytes += size;
    }

    private synchronized void release(long size) {
        reservedCount--;
        reservedBytes -= size;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    public synchronized Optional<ImportJob> find(String id) {
        ImportJob job = jobs.get(id);
        return job != null ? Optional.of(job) : store.find(id, this::reportFile);
    }

    /** The latest jobs, newest first. */
    public synchronized List<ImportJob> recent() {
        List<ImportJob> list = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(list);
        return list;
    }

    /** Where the rejected lines of job {@code id} are written (never shown: the page links to them by job id). */
    Path reportFile(String id) {
        return reports.resolve(id + ".rejected.csv");
    }

    private void run(ImportJob job) {
        try {
            job.importing(0, job.size(), 0);
            save(job);
            ImportReport report = importer.importFile(job.file(), job.fileName(), reportFile(job.id()), job::importing);
            job.imported(report);
            save(job);
            job.done(scorer.scoreQueued((done, total, phase) -> job.scoring(done, total)));
        } catch (UnusableInputException e) {
            job.failed(withoutPaths(e.getMessage(), job));
        } catch (Throwable e) {
            // Every failure ends the job, an Error such as OutOfMemoryError too: a job left "Importing…" would
            // keep its upload and never let the page know.
            LOG.error("import of upload {} failed", job.fileName(), e);
            job.failed("The import stopped: " + withoutPaths(String.valueOf(e.getMessage()), job)
                    + (e instanceof Error ? " (" + e.getClass().getSimpleName() + ")" : ""));
        } finally {
            deleteTree(uploads.resolve(job.id()), true);
            if (job.state() == ImportJob.State.FAILED && job.report() == null) {
                deleteQuietly(reportFile(job.id()));
            }
            save(job);
            pruneReports();
        }
    }

    private void save(ImportJob job) {
        try {
            store.save(job);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the state of import {}: {}", job.id(), e.getMessage());
        }
    }

    /** Messages reach the page: the upload's own name stands for its file, and no folder of the server shows. */
    private String withoutPaths(String message, ImportJob job) {
        String out = message;
        if (job.file() != null) {
            out = out.replace(job.file().toAbsolutePath().toString(), job.fileName())
                    .replace(job.file().toString(), job.fileName());
        }
        return out.replace(uploads.toAbsolutePath().toString(), "uploads")
                .replace(uploads.toString(), "uploads")
                .replace(reports.toAbsolutePath().toString(), "reports");
    }

    /** Keeps the newest {@code keep} rejected-line reports that are younger than the maximum age. */
    void pruneReports() {
        if (!Files.isDirectory(reports)) {
            return;
        }
        Instant oldest = Instant.now().minus(reportAge);
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = new ArrayList<>(list.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", reports, e.getMessage());
            return;
        }
        files.sort(Comparator.comparing(ImportJobs::modified).reversed());
        for (int i = 0; i < files.size(); i++) {
            if (i >= keepReports || modified(files.get(i)).toInstant().isBefore(oldest)) {
                deleteQuietly(files.get(i));
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private void forgetOld() {
        while (jobs.size() > KEEP) {
            String oldest = jobs.keySet().iterator().next();
            if (!jobs.get(oldest).state().finished()) {
                return;
            }
            jobs.remove(oldest);
            jobByToken.values().remove(oldest);
        }
    }

    /** The file name without any folder part or odd characters, keeping the extension the reader goes by. */
    static String safeName(String original) {
        if (original == null) {
            return "";
        }
        String base = original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    /** Deletes {@code root}'s contents, and {@code root} itself when {@code self}. */
    private static void deleteTree(Path root, boolean self) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(p -> self || !p.equals(root))
                    .forEach(ImportJobs::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot clean up {}: {}", root, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
