package io.microreach.connectors;

/** Why a crawl returned. Only {@link #COMPLETED} means there is nothing left to fetch for the request. */
public enum StopReason {
    COMPLETED,
    /** The run's request budget ({@link CrawlOptions#maxRequests}) is spent; run again with the same store. */
    REQUEST_BUDGET,
    /** Discovery accepted {@link CrawlOptions#maxAccounts} accounts. */
    ACCOUNT_BUDGET,
    /**
     * The platform's own quota is spent (YouTube's daily units, for example); the result's problems say when it
     * resets. Run again with the same store after that.
     */
    QUOTA
}
