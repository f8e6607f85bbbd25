package io.microreach.connectors.bluesky;

/** Counts a run's requests and stops the run, before the request, once its budget is spent. */
final class RequestBudget {
    private final long max;
    private long spent;

    RequestBudget(long max) {
        this.max = max;
    }

    void spend() {
        if (spent >= max) {
            throw new Spent();
        }
        spent++;
    }

    long spent() {
        return spent;
    }

    /** Unwinds the crawl to its entry point, which reports {@code REQUEST_BUDGET}. */
    static final class Spent extends RuntimeException {
        Spent() {
            super("request budget spent", null, false, false);
        }
    }
}
