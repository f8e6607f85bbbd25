package io.microreach.connectors;

/**
 * A request that failed for good: a client error from the platform, an unreadable body, or a transient failure that
 * outlived the retries. {@link #status()} is the last HTTP status, or -1 when no response came.
 */
public class ConnectorException extends RuntimeException {
    private final int status;

    public ConnectorException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
