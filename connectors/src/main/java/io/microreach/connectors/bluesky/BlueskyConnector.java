package io.microreach.connectors.bluesky;

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
import java.util.Objects;

/**
 * Bluesky through the public AppView ({@code https://public.api.bsky.app}): no account or key needed. The AppView
 * allows 3,000 requests per 5 minutes per client IP; {@link #defaultSettings()} spaces requests to that rate.
 *
 * <p>{@link #fetchCreators} runs a {@link CreatorCrawl} per account; {@link #refresh} runs a {@link Refresh} per 25
 * known accounts (one {@code getProfiles} each, a feed only where {@code postsCount} moved); {@link #discover} runs a
 * {@link Discovery} ({@code searchActors}, then the authors of {@code searchPosts}, or a snowball over {@code
 * getFollows}). Every entry point owns one {@link RequestBudget} and turns its exhaustion into {@code
 * REQUEST_BUDGET}; a failure that outlived the retries is a problem of the one account or batch it hit, whose task
 * stays open for the next run with the same store.
 *
 * <p>API references (https://docs.bsky.app/docs/category/http-reference): {@code app.bsky.actor.getProfile(s)}
 * ({@code actors} at most 25; unknown actors are left out of the answer), {@code app.bsky.feed.getAuthorFeed}
 * ({@code filter=posts_no_replies}, {@code limit} 1–100, the cursor is the last item's sort time), {@code
 * app.bsky.feed.getPostThread}, {@code app.bsky.graph.getFollowers}/{@code getFollows}, {@code
 * app.bsky.actor.searchActors} and {@code app.bsky.feed.searchPosts} (which the public AppView often refuses with 403
 * without a login, and always with a cursor: bluesky-social/atproto#3423 and #2838); rate limits:
 * https://docs.bsky.app/docs/advanced-guides/rate-limits.
 */
public final class BlueskyConnector implements CreatorSource {
    public static final String SOURCE = "bluesky";
    public static final URI DEFAULT_BASE_URL = URI.create("https://public.api.bsky.app");

    private final JsonHttpClient http;
    private final Clock clock;

    public BlueskyConnector(JsonHttpClient http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A connector on the real clock against {@code settings.baseUrl()}. */
    public static BlueskyConnector create(HttpSettings settings) {
        return new BlueskyConnector(new JsonHttpClient(settings, Clock.systemUTC(), Sleeper.SYSTEM), Clock.systemUTC());
    }

    /** 20 s per attempt, 5 attempts from 1 s to 60 s of backoff, {@code Retry-After} up to 5 min, 3,000 per 5 min. */
    public static HttpSettings defaultSettings() {
        return new HttpSettings(
                DEFAULT_BASE_URL,
                Duration.ofSeconds(20),
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                3_000,
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
        CreatorCrawl crawl = new CreatorCrawl(run);
        List<String> done = new ArrayList<>();
        try {
            for (String actor : accounts) {
                try {
                    String did = crawl.crawl(actor);
                    if (did != null) {
                        done.add(did);
                    }
                } catch (ConnectorException e) {
                    // this account's open task is retried by the next run; the others need not wait for it
                    run.problem("account " + actor + ": " + e.getMessage());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        }
        return result(run, done, StopReason.COMPLETED);
    }

    @Override
    public CrawlResult refresh(
            List<KnownAccount> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        Refresh refresh = new Refresh(run);
        List<String> done = new ArrayList<>();
        try {
            for (int i = 0; i < accounts.size(); i += AppView.MAX_PROFILES) {
                List<KnownAccount> batch = accounts.subList(i, Math.min(accounts.size(), i + AppView.MAX_PROFILES));
                try {
                    done.addAll(refresh.batch(batch));
                } catch (ConnectorException e) {
                    // this batch's profile task stays open for the next run; the other batches need not wait
                    run.problem("profiles " + batch.get(0).platformId() + "..: " + e.getMessage());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        }
        return result(run, done, StopReason.COMPLETED);
    }

    @Override
    public CrawlResult discover(DiscoveryQuery query, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        return run.discover(new Discovery(run, query), query);
    }

    private CrawlRun run(CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        RequestBudget budget = new RequestBudget(options.maxRequests());
        return new CrawlRun(new AppView(http, budget), new SourceTasks(SOURCE, state), options, budget, clock, sink);
    }

    private static CrawlResult result(CrawlRun run, List<String> accounts, StopReason reason) {
        return run.result(accounts, reason);
    }
}
