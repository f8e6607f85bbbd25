package io.microreach.connectors.instagram;

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
 * Instagram through the Graph API's Business Discovery, with the user's own long-lived token and Instagram business
 * account.
 *
 * <p>Why this API and what it allows. Instagram offers no anonymous read API; Business Discovery is the documented
 * way for a professional account to read public data of other professional (business or creator) accounts:
 * {@code GET /{ig-user-id}?fields=business_discovery.username(NAME){...}} on the caller's own account id, with a
 * user access token ({@code instagram_basic}, {@code instagram_manage_insights}, {@code pages_read_engagement}).
 * It returns the profile counts and public fields and, by field expansion, the media with {@code like_count}
 * (absent when the owner hides likes), {@code comments_count}, type, timestamp and permalink. It returns nothing for
 * personal or age-gated accounts (error 110, subcode 2207013), and it shows no followers, no comments of others and
 * no reach: this connector emits no follower sample, follow edges or comments, and the core reports those signals
 * as unavailable for Instagram creators rather than zero. References:
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/business-discovery,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery,
 * https://developers.facebook.com/docs/graph-api/results (cursor paging),
 * https://developers.facebook.com/docs/graph-api/guides/error-handling (error codes).
 *
 * <p>Rate. Business Discovery is under the Graph API's platform rate limit, counted per user token over a rolling
 * hour (about 200 calls an hour for one user), not under the Instagram business use-case limit; the usage is
 * reported in the {@code X-App-Usage} header (and {@code X-Business-Use-Case-Usage} for the other Instagram
 * endpoints). {@link #defaultSettings()} spaces calls to 200 an hour, one every 18 s. A rate-limit error (codes 4,
 * 17, 32, 613, sent as HTTP 400 or 403) ends the run with {@link StopReason#QUOTA}; an expired or revoked token
 * (190) ends it the same way with a problem that says to renew the token, since every further call would fail
 * alike; in both cases the same store resumes the run later. An account that is not a professional account is a
 * problem for that account and the crawl goes on.
 */
public final class InstagramConnector implements CreatorSource {
    public static final String SOURCE = "instagram";
    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com/v21.0");

    private final JsonHttpClient http;
    private final Clock clock;
    private final String accessToken;
    private final String businessAccountId;

    public InstagramConnector(JsonHttpClient http, Clock clock, String accessToken, String businessAccountId) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.businessAccountId = Objects.requireNonNull(businessAccountId, "businessAccountId");
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("an Instagram access token is needed (MICROREACH_INSTAGRAM_TOKEN)");
        }
        if (!businessAccountId.matches("[0-9]+")) {
            throw new IllegalArgumentException("the Instagram business account id is a number: " + businessAccountId);
        }
    }

    /**
     * A connector on the real clock against {@code settings.baseUrl()}.
     *
     * @param accessToken the user's long-lived user access token (sent as the {@code access_token} parameter)
     * @param businessAccountId the Instagram user id of the user's own business or creator account
     */
    public static InstagramConnector create(HttpSettings settings, String accessToken, String businessAccountId) {
        return new InstagramConnector(
                new JsonHttpClient(settings, Clock.systemUTC(), Sleeper.SYSTEM),
                Clock.systemUTC(),
                accessToken,
                businessAccountId);
    }

    /**
     * 30 s per attempt, 4 attempts from 2 s to 2 min of backoff, {@code Retry-After} up to 10 min, 200 calls per
     * hour (the platform rate limit of one user token).
     */
    public static HttpSettings defaultSettings() {
        return new HttpSettings(
                DEFAULT_BASE_URL,
                Duration.ofSeconds(30),
                4,
                Duration.ofSeconds(2),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                200,
                Duration.ofHours(1),
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
            for (String input : accounts) {
                String username = Usernames.normalize(input);
                if (username == null) {
                    run.problem("account " + input + ": not an Instagram username or profile URL");
                    continue;
                }
                try {
                    String id = crawl.crawl(username);
                    if (id != null) {
                        done.add(id);
                    }
                } catch (GraphError e) {
                    if (e.kind() == GraphError.Kind.TOKEN || e.kind() == GraphError.Kind.RATE_LIMIT) {
                        throw e;
                    }
                    // this account's open task is retried by the next run; the others need not wait for it
                    run.problem("account " + username + ": " + e.getMessage());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        } catch (GraphError e) {
            return stopped(run, done, e);
        }
        return result(run, done, StopReason.COMPLETED);
    }

    @Override
    public CrawlResult refresh(
            List<KnownAccount> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        CreatorCrawl crawl = new CreatorCrawl(run);
        List<String> done = new ArrayList<>();
        try {
            for (KnownAccount known : accounts) {
                try {
                    String id = crawl.refresh(known);
                    if (id != null) {
                        done.add(id);
                    }
                } catch (GraphError e) {
                    if (e.kind() == GraphError.Kind.TOKEN || e.kind() == GraphError.Kind.RATE_LIMIT) {
                        throw e;
                    }
                    run.problem("account " + known.platformId() + ": " + e.getMessage());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        } catch (GraphError e) {
            return stopped(run, done, e);
        }
        return result(run, done, StopReason.COMPLETED);
    }

    @Override
    public CrawlResult discover(DiscoveryQuery query, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        return run.discover(new Discovery(run, query), query);
    }

    private static CrawlResult stopped(CrawlRun run, List<String> accounts, GraphError e) {
        return result(run, accounts, run.stopFor(e));
    }

    private CrawlRun run(CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        RequestBudget budget = new RequestBudget(options.maxRequests());
        GraphApi api = new GraphApi(http, budget, accessToken, businessAccountId);
        return new CrawlRun(api, new SourceTasks(SOURCE, state), options, budget, clock, sink);
    }

    private static CrawlResult result(CrawlRun run, List<String> accounts, StopReason reason) {
        return run.result(accounts, reason);
    }
}
