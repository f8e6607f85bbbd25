package io.microreach.app.importjobs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload form, a job page whose progress section polls itself with htmx until the job is done,
 * then the report (stored / unchanged / rejected per record type and the rejected lines).
 */
@Controller
public class ImportPageController {
    private final ImportJobs jobs;

    public ImportPageController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/import")
    public String page(Model model) {
        model.addAttribute("token", jobs.newToken());
        model.addAttribute("recent", jobs.recent());
        return "import";
    }

    @PostMapping("/import")
    public String upload(
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "token", required = false) String token) {
        if (file == null || file.isEmpty()) {
            throw new UploadRejected("Choose a non-empty JSONL or CSV file to import.");
        }
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = jobs.submit(token, file.getOriginalFilename(), file.getSize(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/import/" + job.id();
    }

    @GetMapping("/import/{id}")
    public String job(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "import-job";
    }

    /** The progress section alone, polled by the job page while the job runs. */
    @GetMapping("/import/{id}/progress")
    public String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "import-job :: progress";
    }

    /** Every rejected line of the job as CSV (file, line, field, reason). */
    @GetMapping("/import/{id}/rejected.csv")
    public ResponseEntity<FileSystemResource> rejected(@PathVariable String id) {
        ImportJob job = job(id);
        Path file = job.report() == null ? null : job.report().rejectionFile();
        if (file == null || !Files.isReadable(file)) {
            throw new JobNotFound("Import " + id + " has no rejected lines.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + job.fileName() + ".rejected.csv\"")
                .body(new FileSystemResource(file));
    }

    private ImportJob job(String id) {
        if (!id.matches("[0-9a-f]{8}")) {
            throw new JobNotFound("Parameter 'id': '" + id + "' is not an import id.");
        }
        return jobs.find(id).orElseThrow(() -> new JobNotFound("No import with id " + id + "."));
    }

    @ExceptionHandler(UploadRejected.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String rejectedUpload(UploadRejected e, Model model) {
        model.addAttribute("error", e.getMessage());
        return page(model);
    }

    @ExceptionHandler(UploadQuotaExceeded.class)
    public String queueFull(UploadQuotaExceeded e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("error", e.getMessage());
        return page(model);
    }

    @ExceptionHandler(JobNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(JobNotFound e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    static final class JobNotFound extends RuntimeException {
        JobNotFound(String message) {
            super(message);
        }
    }
}
