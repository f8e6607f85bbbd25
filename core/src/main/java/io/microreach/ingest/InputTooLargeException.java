package io.microreach.ingest;

/**
 * A compressed file expands to more than {@link InputLimits#maxDecompressedBytes()}: reading stops there. Thrown by
 * {@link RecordSource#hasNext()}; the message is one line naming the file, the line and the limit.
 */
public final class InputTooLargeException extends RuntimeException {
    InputTooLargeException(String message) {
        super(message, null, false, false);
    }
}
