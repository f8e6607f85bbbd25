package io.microreach.app.importjobs;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.UnusableInputException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs uploaded imports in the background, one at a time, and keeps the latest jobs in memory for the page.
 *
 * <p>A form carries a one-time submission token; a second submit with the same token (a double click, a reload of
 * the POST) returns the job of the first instead of importing the file again. Imports are idempotent anyway
 * (natural keys), so this only saves the work and a confusing second report. Jobs live in memory: after a restart
 * the page forgets them, the imported data of course stays.
 */
@Service
public class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /** Jobs the page remembers; older ones are forgotten (their data stays imported). */
    static final int KEEP = 20;

    private final Importer importer;
    private final Scorer scorer;
    private final Path uploads;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "microreach-upload-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    private final Map<String, String> jobByToken = new LinkedHashMap<>();

    public ImportJobs(Importer importer, Scorer scorer, MicroreachHome home) {
        this.importer = importer;
        this.scorer = scorer;
        this.uploads = home.root().resolve("uploads");
    }

    /** A fresh submission token for an upload form. */
    public String newToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * Saves the upload and queues its import; returns the job of an earlier submit with the same token instead.
     *
     * @throws UploadRejected when there is no file or it is not importable (nothing is queued)
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
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path file;
        try {
            Path dir = Files.createDirectories(uploads.resolve(id));
            file = dir.resolve(name);
            Files.copy(content, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the upload under " + uploads + ": " + e.getMessage(), e);
        }
        try {
            InputFiles.open(file).close();
        } catch (UnusableInputException e) {
            deleteQuietly(file);
            throw new UploadRejected(e.getMessage().replace(file.toString(), name));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UploadRejected(name + ": " + e.getMessage());
        }
        ImportJob job = new ImportJob(id, name, size, file, Instant.now());
        synchronized (this) {
            String earlier = token == null ? null : jobByToken.get(token);
            if (earlier != null && jobs.containsKey(earlier)) {
                // Two submits raced past the first check: keep the first, drop this copy.
                deleteQuietly(file);
                return jobs.get(earlier);
            }
            jobs.put(id, job);
            if (token != null) {
                jobByToken.put(token, id);
            }
            forgetOld();
        }
        worker.submit(() -> run(job));
        return job;
    }

    public synchronized Optional<ImportJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The remembered jobs, newest first. */
    public synchronized List<ImportJob> recent() {
        List<ImportJob> list = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(list);
        return list;
    }

    private void run(ImportJob job) {
        try {
            job.importing(0, job.size(), 0);
            job.imported(importer.importFile(job.file(), job::importing));
            job.done(scorer.scoreQueued((done, total, phase) -> job.scoring(done, total)));
        } catch (UnusableInputException e) {
            job.failed(e.getMessage().replace(job.file().toString(), job.fileName()));
        } catch (RuntimeException e) {
            LOG.error("import of upload {} failed", job.fileName(), e);
            job.failed("The import stopped: " + e.getMessage());
        } finally {
            // The rejection report (FILE.rejected.csv) stays beside it for download; the upload itself is not needed.
            deleteQuietly(job.file());
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
