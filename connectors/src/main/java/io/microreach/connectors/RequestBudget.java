package io.microreach.connectors;

/**
 * Counts a run's requests and stops the run, before the request, once its budget is spent. A connector calls
 * {@link #spend()} before every request (not before its retries), and catches {@link Spent} at its entry point to
 * report {@link StopReason#REQUEST_BUDGET}.
 */
public final class RequestBudget {
    private final long max;
    private long spent;

    public RequestBudget(long max) {
        this.max = max;
    }

    public void spend() {
        if (spent >= max) {
            throw new Spent();
        }
        spent++;
    }

    public long spent() {
        return spent;
    }

    /** Unwinds the crawl to its entry point, which reports {@code REQUEST_BUDGET}. */
    public static final class Spent extends RuntimeException {
        public Spent() {
            super("request budget spent", null, false, false);
        }
    }
}
