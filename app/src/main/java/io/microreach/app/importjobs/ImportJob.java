package io.microreach.app.importjobs;

import io.microreach.app.importer.ImportReport;
import io.microreach.app.scoring.ScoringReport;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One upload being imported. Progress fields are written by the job's thread and read by page requests, hence
 * volatile; the report and the failure are set once, before the state becomes final.
 */
public final class ImportJob {
    /** Where a job is. */
    public enum State {
        QUEUED,
        IMPORTING,
        SCORING,
        DONE,
        FAILED;

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    private final String id;
    private final String fileName;
    private final long size;
    private final Path file;
    private final Instant submittedAt;
    private volatile State state = State.QUEUED;
    private volatile long bytesRead;
    private volatile long totalBytes;
    private volatile long lines;
    private volatile long scored;
    private volatile long toScore;
    private volatile ImportReport report;
    private volatile ScoringReport scoring;
    private volatile String failure;

    ImportJob(String id, String fileName, long size, Path file, Instant submittedAt) {
        this.id = id;
        this.fileName = fileName;
        this.size = size;
        this.file = file;
        this.submittedAt = submittedAt;
    }

    /** A job as the database remembers it from an earlier run of the server. */
    static ImportJob restored(
            String id,
            String fileName,
            long size,
            Instant submittedAt,
            State state,
            long lines,
            String failure,
            ImportReport report,
            ScoringReport scoring) {
        ImportJob job = new ImportJob(id, fileName, size, null, submittedAt);
        job.lines = lines;
        job.failure = failure;
        job.report = report;
        job.scoring = scoring;
        job.state = state;
        return job;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public long size() {
        return size;
    }

    Path file() {
        return file;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public State state() {
        return state;
    }

    public long lines() {
        return lines;
    }

    /** Progress of the current phase in percent (0–100): bytes read while importing, accounts while rescoring. */
    public int percent() {
        return switch (state) {
            case QUEUED -> 0;
            case IMPORTING -> totalBytes <= 0 ? 0 : (int) Math.min(100, 100 * bytesRead / totalBytes);
            case SCORING -> toScore <= 0 ? 0 : (int) Math.min(100, 100 * scored / toScore);
            case DONE, FAILED -> 100;
        };
    }

    public ImportReport report() {
        return report;
    }

    public ScoringReport scoring() {
        return scoring;
    }

    public String failure() {
        return failure;
    }

    void importing(long bytesRead, long totalBytes, long lines) {
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.lines = lines;
        this.state = State.IMPORTING;
    }

    void imported(ImportReport report) {
        this.report = report;
        this.lines = report.lines();
        this.state = State.SCORING;
    }

    void scoring(long done, long total) {
        this.scored = done;
        this.toScore = total;
    }

    void done(ScoringReport scoring) {
        this.scoring = scoring;
        this.state = State.DONE;
    }

    void failed(String why) {
        this.failure = why;
        this.state = State.FAILED;
    }
}
