package io.microreach.audience;

/** Stored sketch bytes that this version cannot read (wrong magic, unknown format version, truncated). */
final class UnreadableSketchException extends RuntimeException {
    public UnreadableSketchException(String message) {
        super(message);
    }

    public UnreadableSketchException(String message, Throwable cause) {
        super(message, cause);
    }
}
