package io.microreach.connectors.mastodon;

import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.CrawlStateStore;
import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.RecordSink;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.SourceTasks;
import io.microreach.connectors.StopReason;
import io.microreach.connectors.http.HttpSettings;
import io.microreach.connectors.http.JsonHttpClient;
import io.microreach.connectors.http.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Mastodon through one instance's public REST API ({@code https://mastodon.social} by default): reading public
 * accounts, statuses, threads and follower lists needs no login (docs.joinmastodon.org/methods/accounts, since 4.0
 * also for followers and following).
 *
 * <p><b>Ids.</b> Every id Mastodon returns is a row id of the instance that answers, and another instance knows the
 * same account under another id. Platform ids are therefore qualified with the instance's host: {@code
 * mastodon.social:109302736583401234} for an account, a status or a follower, all as this instance numbers them.
 * Handles are {@code user@host}: the {@code acct}, with the instance's host added for local accounts.
 *
 * <p><b>Calls.</b> {@code accounts/lookup} (or {@code accounts/:id}) for the account; {@code accounts/:id/statuses}
 * with {@code exclude_reblogs} and {@code exclude_replies}, 40 a page, for posts; {@code statuses/:id/context} for the
 * replies of posts that have some (without a login at most 60 descendants, 20 deep); {@code accounts/:id/followers}
 * and {@code following}, 80 a page, for the follower sample and its follow edges. Lists are paged with the {@code
 * max_id} of the {@code Link: <...>; rel="next"} header, which for followers is a follow id no body carries
 * (docs.joinmastodon.org/api/guidelines#pagination). Discovery uses {@code /api/v2/search?type=accounts}, the
 * hashtag timeline and the profile directory ({@code /api/v1/directory}) for keywords, and {@code following} for a
 * seed.
 *
 * <p><b>Rate limits.</b> An instance allows 300 API requests per 5 minutes per IP without a login, and requests that
 * page ({@code max_id}, {@code since_id}, {@code min_id}) count in a second bucket of 300 per 15 minutes (Mastodon's
 * {@code config/initializers/rack_attack.rb}; docs.joinmastodon.org/api/rate-limits). Requests are spaced evenly, so
 * {@link #defaultSettings()} spaces them for the stricter bucket: one per 3 seconds, which keeps a crawl that pages
 * on every request inside both. Mastodon's own 429 carries no {@code Retry-After} but an {@code X-RateLimit-Reset} timestamp, which the
 * client waits for (up to {@link HttpSettings#maxRetryAfter()}) before it retries.
 */
public final class MastodonConnector implements CreatorSource {
    public static final String SOURCE = "mastodon";
    public static final URI DEFAULT_BASE_URL = URI.create("https://mastodon.social");

    private final JsonHttpClient http;
    private final Clock clock;
    private final String instance;

    /**
     * @param instance the host of the instance {@code http} talks to, which qualifies every id ({@code
     *     mastodon.social}); given separately so that a proxy or a test server can stand in for the instance
     */
    public MastodonConnector(JsonHttpClient http, Clock clock, String instance) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(instance, "instance");
        if (instance.isBlank() || instance.indexOf(':') >= 0 || instance.indexOf('/') >= 0) {
            throw new IllegalArgumentException("instance must be a host name such as mastodon.social: " + instance);
        }
        this.instance = instance.toLowerCase(Locale.ROOT);
    }

    /** A connector on the real clock against {@code settings.baseUrl()}, whose host names the instance. */
    public static MastodonConnector create(HttpSettings settings) {
        return new MastodonConnector(
                new JsonHttpClient(settings, Clock.systemUTC(), Sleeper.SYSTEM),
                Clock.systemUTC(),
                settings.baseUrl().getHost());
    }

    /**
     * 20 s per attempt, 5 attempts from 1 s to 60 s of backoff, {@code Retry-After} up to 5 min, and 100 requests
     * per 5 minutes: the paging bucket's 300 per 15 minutes, evenly spaced (see the class comment).
     */
    public static HttpSettings defaultSettings() {
        return new HttpSettings(
                DEFAULT_BASE_URL,
                Duration.ofSeconds(20),
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                100,
                Duration.ofMinutes(5),
                "microreach-connectors/0.1 (+https://github.com/microreach/microreach)");
    }

    @Override
    public String sourceId() {
        return SOURCE;
    }

    @Override
    public CrawlResult fetchCreators(
            List<String> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        CreatorCrawl crawl = new CreatorCrawl(run, "");
        return each(run, accounts, a -> a, crawl::crawl);
    }

    @Override
    public CrawlResult refresh(
            List<KnownAccount> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        Refresh refresh = new Refresh(run);
        return each(run, accounts, KnownAccount::platformId, refresh::refresh);
    }

    @Override
    public CrawlResult discover(DiscoveryQuery query, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        return run.discover(new Discovery(run, query), query);
    }

    /** Runs {@code step} per account; one account's lasting failure is reported and the others still run. */
    private static <T> CrawlResult each(
            CrawlRun run, List<T> accounts, Function<T, String> name, Function<T, String> step) {
        List<String> done = new ArrayList<>();
        try {
            for (T account : accounts) {
                try {
                    String id = step.apply(account);
                    if (id != null) {
                        done.add(id);
                    }
                } catch (ConnectorException e) {
                    // this account's open task is retried by the next run; the others need not wait for it
                    run.problem("account " + name.apply(account) + ": " + e.getMessage());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        }
        return result(run, done, StopReason.COMPLETED);
    }

    private CrawlRun run(CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        RequestBudget budget = new RequestBudget(options.maxRequests());
        return new CrawlRun(
                new InstanceApi(http, budget, instance), new SourceTasks(SOURCE, state), options, budget, clock, sink);
    }

    private static CrawlResult result(CrawlRun run, List<String> accounts, StopReason reason) {
        return run.result(accounts, reason);
    }
}
