package io.microreach.app.importjobs;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Turns a refused multipart request (over {@code spring.servlet.multipart.max-file-size}, or malformed) into the
 * import page with a friendly message. It has to be advice: the request fails before any controller is chosen.
 */
@ControllerAdvice
public class UploadLimits {
    private final ImportJobs jobs;

    public UploadLimits(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @ExceptionHandler(MultipartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String refused(MultipartException e, Model model, HttpServletRequest request) throws MultipartException {
        if (request.getRequestURI().startsWith("/api/")) {
            // The API answers problem JSON: Spring's default resolver gives the status (413 when too large) and the
            // error page writes the problem.
            throw e;
        }
        String message = e instanceof MaxUploadSizeExceededException max && max.getMaxUploadSize() > 0
                ? "The file is larger than the upload limit of " + (max.getMaxUploadSize() / (1024 * 1024))
                        + " MB. Import it with the command line instead: microreach import FILE (or raise"
                        + " spring.servlet.multipart.max-file-size and max-request-size)."
                : "The upload could not be read: " + e.getMessage()
                        + ". Try again, or import with the command line: microreach import FILE.";
        model.addAttribute("error", message);
        model.addAttribute("token", jobs.newToken());
        model.addAttribute("recent", jobs.recent());
        return "import";
    }
}
