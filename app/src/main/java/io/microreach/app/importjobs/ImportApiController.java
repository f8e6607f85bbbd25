package io.microreach.app.importjobs;

import io.microreach.app.importer.ImportReport;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST access to the import queue: upload a file, follow its job. Refusals are RFC 7807 problem JSON. */
@RestController
public class ImportApiController {
    private final ImportJobs jobs;

    public ImportApiController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** A job as the API shows it: the upload's own name, never a server path. */
    public record JobView(
            String id,
            String fileName,
            long size,
            String state,
            int percent,
            long lines,
            String failure,
            Long stored,
            Long unchanged,
            Long rejected,
            List<String> firstRejections) {
        static JobView of(ImportJob job) {
            ImportReport r = job.report();
            return new JobView(
                    job.id(),
                    job.fileName(),
                    job.size(),
                    job.state().name().toLowerCase(java.util.Locale.ROOT),
                    job.percent(),
                    job.lines(),
                    job.failure(),
                    r == null ? null : r.stored(),
                    r == null ? null : r.unchanged(),
                    r == null ? null : r.rejected(),
                    r == null
                            ? List.of()
                            : r.firstRejections().stream()
                                    .map(x -> job.fileName() + ":" + x.line() + ": field '" + x.field() + "': "
                                            + x.reason())
                                    .toList());
        }
    }

    @Operation(
            summary = "Upload a JSONL or CSV file (optionally .gz) to import in the background",
            description = "Multipart field 'file'. 202 with the job; 400 when the file is unusable, 429 when too many"
                    + " uploads are queued (microreach.upload.max-queued), 413 when the queue would hold too many"
                    + " bytes (microreach.upload.max-queued-bytes) or the file is over the upload limit.")
    @PostMapping(value = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new UploadRejected("Choose a non-empty JSONL or CSV file to import (multipart field 'file').");
        }
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = jobs.submit(null, file.getOriginalFilename(), file.getSize(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/imports/" + job.id()))
                .body(JobView.of(job));
    }

    @Operation(summary = "One import job: state, progress and, once imported, its counts and first rejected lines")
    @GetMapping(value = "/api/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public JobView job(@PathVariable String id) {
        if (!id.matches("[0-9a-f]{8}")) {
            throw new ImportPageController.JobNotFound("'" + id + "' is not an import id.");
        }
        return jobs.find(id)
                .map(JobView::of)
                .orElseThrow(() -> new ImportPageController.JobNotFound("No import with id " + id + "."));
    }

    @ExceptionHandler(UploadQuotaExceeded.class)
    ResponseEntity<ProblemDetail> queueFull(UploadQuotaExceeded e) {
        return problem(e.status(), e.getMessage(), "file");
    }

    @ExceptionHandler(UploadRejected.class)
    ResponseEntity<ProblemDetail> unusable(UploadRejected e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "file");
    }

    @ExceptionHandler(ImportPageController.JobNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ImportPageController.JobNotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), "id");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message, String parameter) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
        p.setProperty("parameter", parameter);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
