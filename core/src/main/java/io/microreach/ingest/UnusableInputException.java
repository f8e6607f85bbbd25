package io.microreach.ingest;

/** The input as a whole cannot be imported (missing, empty, binary, unknown format); the message is one line. */
public final class UnusableInputException extends Exception {
    public UnusableInputException(String message) {
        super(message);
    }
}
