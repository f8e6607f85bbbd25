package io.microreach.connectors;

/**
 * A request that failed for good: a client error from the platform, an unreadable body, or a transient failure that
 * outlived the retries. {@link #status()} is the last HTTP status, or -1 when no response came; {@link #body()} the
 * whole error body when the platform sent one (the message carries only its start, and some platforms put the
 * machine-readable reason at the end, like YouTube's {@code errors[].reason}).
 */
public class ConnectorException extends RuntimeException {
    private final int status;
    private final String body;

    public ConnectorException(String message, int status, Throwable cause) {
        this(message, status, cause, null);
    }

    public ConnectorException(String message, int status, Throwable cause, String body) {
        super(message, cause);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The error body as the platform sent it, or {@code null} when there was none. */
    public String body() {
        return body;
    }
}
