package io.microreach.app.importjobs;

import org.springframework.http.HttpStatus;

/**
 * The queue of uploads is full (too many waiting: 429) or would hold too many bytes (413): nothing was saved. The
 * message says which limit and how to go on.
 */
public final class UploadQuotaExceeded extends RuntimeException {
    private final HttpStatus status;

    UploadQuotaExceeded(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
