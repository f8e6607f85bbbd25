package io.microreach.connectors;

/** Why a crawl returned. Only {@link #COMPLETED} means there is nothing left to fetch for the request. */
public enum StopReason {
    COMPLETED,
    /** The run's request budget ({@link CrawlOptions#maxRequests}) is spent; run again with the same store. */
    REQUEST_BUDGET,
    /** Discovery accepted {@link CrawlOptions#maxAccounts} accounts. */
    ACCOUNT_BUDGET
}
