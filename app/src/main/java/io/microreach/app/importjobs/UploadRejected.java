package io.microreach.app.importjobs;

/** An upload that cannot be imported at all (no file, unknown type, unreadable): nothing was imported. */
public final class UploadRejected extends RuntimeException {
    public UploadRejected(String message) {
        super(message);
    }
}
