package io.microreach.app.crawl;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.DiscoveryQuery;
import java.util.List;
import java.util.Objects;

/**
 * What a user asked to crawl: discovery by keyword or from a seed followed by a full fetch of the accepted accounts
 * ({@link Kind#CRAWL}), a refresh of the source's known accounts ({@link Kind#SYNC}), or given accounts
 * ({@link Kind#ADD}). An unfinished run with the same {@link #identity()} is resumed instead of started again.
 *
 * @param query the discovery query of a crawl; {@code null} for sync and add
 * @param accounts handles or ids to fetch (add); empty otherwise
 * @param maxAccounts most accounts a discovery accepts
 * @param maxRequests most requests this invocation makes (a stopped run continues with a fresh budget)
 * @param baseUrl a base URL for this crawl only (a stand-in server), or {@code null}
 */
public record CrawlRequest(
        Source source,
        Kind kind,
        DiscoveryQuery query,
        List<String> accounts,
        int maxAccounts,
        long maxRequests,
        String baseUrl) {

    public static final int DEFAULT_MAX_ACCOUNTS = 50;
    public static final long DEFAULT_MAX_REQUESTS = 10_000;
    public static final int MAX_ACCOUNTS_LIMIT = 10_000;

    public enum Kind {
        CRAWL,
        SYNC,
        ADD;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CrawlRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        accounts = List.copyOf(accounts == null ? List.of() : accounts);
        if (kind == Kind.CRAWL && query == null) {
            throw new SourceProblem("query", "a crawl needs a keyword (--query) or a seed account (--seed)");
        }
        if (kind == Kind.ADD && accounts.isEmpty()) {
            throw new SourceProblem("account", "name the account to add: a profile URL or a handle");
        }
        if (maxAccounts < 1 || maxAccounts > MAX_ACCOUNTS_LIMIT) {
            throw new SourceProblem("maxAccounts", "max accounts is between 1 and " + MAX_ACCOUNTS_LIMIT);
        }
        if (maxRequests < 1) {
            throw new SourceProblem("maxRequests", "max requests is at least 1");
        }
    }

    public static CrawlRequest discover(Source source, DiscoveryQuery query, int maxAccounts, long maxRequests) {
        return new CrawlRequest(source, Kind.CRAWL, query, List.of(), maxAccounts, maxRequests, null);
    }

    public static CrawlRequest sync(Source source) {
        return new CrawlRequest(source, Kind.SYNC, null, List.of(), 1, DEFAULT_MAX_REQUESTS, null);
    }

    public static CrawlRequest add(Source source, String account) {
        return new CrawlRequest(source, Kind.ADD, null, List.of(account), 1, DEFAULT_MAX_REQUESTS, null);
    }

    public CrawlRequest withBaseUrl(String value) {
        return new CrawlRequest(source, kind, query, accounts, maxAccounts, maxRequests, value);
    }

    public CrawlRequest withMaxRequests(long value) {
        return new CrawlRequest(source, kind, query, accounts, maxAccounts, value, baseUrl);
    }

    CrawlOptions options(long requestsLeft) {
        return CrawlOptions.DEFAULT.withMaxAccounts(maxAccounts).withMaxRequests(Math.max(0, requestsLeft));
    }

    /** What makes two requests the same crawl: everything but the request budget. */
    String identity() {
        StringBuilder b = new StringBuilder("{");
        if (query != null) {
            b.append("\"")
                    .append(query.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\":")
                    .append(quote(query.value()))
                    .append(",\"depth\":")
                    .append(query.depth())
                    .append(",\"maxAccounts\":")
                    .append(maxAccounts);
        }
        if (!accounts.isEmpty()) {
            b.append(b.length() > 1 ? "," : "").append("\"accounts\":[");
            for (int i = 0; i < accounts.size(); i++) {
                b.append(i > 0 ? "," : "").append(quote(accounts.get(i)));
            }
            b.append(']');
        }
        if (baseUrl != null) {
            b.append(b.length() > 1 ? "," : "").append("\"baseUrl\":").append(quote(baseUrl));
        }
        return b.append('}').toString();
    }

    /** One line for pages and reports: "keyword “balkon garten”, up to 50 accounts". */
    public String describe() {
        return switch (kind) {
            case CRAWL ->
                (query.kind() == DiscoveryQuery.Kind.KEYWORD
                                ? "keyword “" + query.value() + "”"
                                : "snowball from " + query.value() + " (depth " + query.depth() + ")")
                        + ", up to " + maxAccounts + " accounts";
            case SYNC -> "sync of known accounts";
            case ADD -> "add " + String.join(", ", accounts);
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
