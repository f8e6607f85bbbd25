package io.microreach.connectors.youtube;

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
 * YouTube through the Data API v3 ({@code https://www.googleapis.com/youtube/v3}) with an API key: public data only,
 * no OAuth.
 *
 * <p>Calls (https://developers.google.com/youtube/v3/docs): {@code channels.list} (parts snippet, statistics,
 * contentDetails, brandingSettings; up to 50 {@code id}s, or one {@code forHandle}) gives the account: {@code
 * statistics.subscriberCount} as followers (YouTube rounds it to three significant figures; a channel with {@code
 * hiddenSubscriberCount} cannot be stored), {@code videoCount} as posts, {@code snippet.customUrl} as the handle
 * without {@code @}, {@code snippet.country} and {@code defaultLanguage}. {@code playlistItems.list} pages (50) through
 * the uploads playlist ({@code contentDetails.relatedPlaylists.uploads}), newest first; deleted and private videos
 * stay in it without {@code videoPublishedAt}. {@code videos.list} (up to 50 ids) gives views, likes (absent when the
 * owner hides them: {@code null}), comments, tags and the duration. {@code commentThreads.list} (100 threads a page,
 * {@code textFormat=plainText}) gives top-level comments and the replies each thread carries, with {@code parentId};
 * a reply whose {@code authorChannelId.value} is the channel is the creator answering, which the core's reply rate
 * reads. {@code search.list} (https://developers.google.com/youtube/v3/docs/search/list) finds channels by keyword.
 *
 * <p>Quota (https://developers.google.com/youtube/v3/determine_quota_cost): every list call costs 1 unit, a search
 * 100; a project has 10,000 units a day by default, reset at midnight Pacific Time. {@link Quota} counts the units per
 * Pacific day in the crawl state and stops a run with {@link StopReason#QUOTA} before a call that would pass the daily
 * quota, or when the server answers 403 {@code quotaExceeded}/{@code dailyLimitExceeded} (not retried: only 429 and
 * 5xx are). Errors are Google's JSON error bodies ({@code error.errors[].reason}); 403 {@code commentsDisabled} is a
 * problem for that video only.
 *
 * <p>Seed discovery follows the seed's public subscriptions ({@code subscriptions.list} with {@code channelId}) and
 * the channels it features ({@code channelSections.list}), https://developers.google.com/youtube/v3/docs/subscriptions
 * and https://developers.google.com/youtube/v3/docs/channelSections.
 *
 * <p>Not available from this source: subscriber lists (no follower samples, no follow edges), subscriptions counts, shares, saves, the verification badge, links in the channel header, and the paid-placement
 * flag (visible to the video's owner only).
 */
public final class YouTubeConnector implements CreatorSource {
    public static final String SOURCE = "youtube";
    public static final URI DEFAULT_BASE_URL = URI.create("https://www.googleapis.com/youtube/v3");
    /** The quota a new Google Cloud project gets for the Data API: 10,000 units a day. */
    public static final long DEFAULT_DAILY_QUOTA = 10_000;

    private final JsonHttpClient http;
    private final String apiKey;
    private final Clock clock;
    private final long dailyQuota;

    /**
     * @param clock the time records are stamped with and the quota day is read from
     * @param dailyQuota units per Pacific day this connector may spend (the project's quota, or a share of it)
     */
    public YouTubeConnector(JsonHttpClient http, String apiKey, Clock clock, long dailyQuota) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (dailyQuota < 0) {
            throw new IllegalArgumentException("dailyQuota must not be negative: " + dailyQuota);
        }
        this.dailyQuota = dailyQuota;
    }

    /** A connector on the real clock against {@code settings.baseUrl()}, with the default daily quota. */
    public static YouTubeConnector create(HttpSettings settings, String apiKey) {
        return create(settings, apiKey, DEFAULT_DAILY_QUOTA);
    }

    public static YouTubeConnector create(HttpSettings settings, String apiKey, long dailyQuota) {
        return new YouTubeConnector(
                new JsonHttpClient(settings, Clock.systemUTC(), Sleeper.SYSTEM), apiKey, Clock.systemUTC(), dailyQuota);
    }

    /**
     * 20 s per attempt, 5 attempts from 1 s to 60 s of backoff, {@code Retry-After} up to 5 min, 10 requests a second.
     * The daily quota, not a request rate, is YouTube's real limit; the spacing only keeps bursts polite.
     */
    public static HttpSettings defaultSettings() {
        return new HttpSettings(
                DEFAULT_BASE_URL,
                Duration.ofSeconds(20),
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                10,
                Duration.ofSeconds(1),
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
            for (String id : crawl.resolve(accounts)) {
                try {
                    crawl.content(id, null);
                    done.add(id);
                } catch (ConnectorException e) {
                    // this channel's open task is retried by the next run; the others need not wait for it
                    run.problem("channel " + id + ": " + e.getMessage());
                }
            }
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        } catch (Quota.Exhausted e) {
            return result(run, done, run.stopFor(e));
        }
        return result(run, done, StopReason.COMPLETED);
    }

    @Override
    public CrawlResult refresh(
            List<KnownAccount> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink) {
        CrawlRun run = run(options, state, sink);
        List<String> done = new ArrayList<>();
        try {
            new Refresh(run).refresh(accounts, done);
        } catch (RequestBudget.Spent e) {
            return result(run, done, StopReason.REQUEST_BUDGET);
        } catch (Quota.Exhausted e) {
            return result(run, done, run.stopFor(e));
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
        SourceTasks tasks = new SourceTasks(SOURCE, state);
        Quota quota = new Quota(tasks, clock, dailyQuota);
        return new CrawlRun(new DataApi(http, apiKey, budget, quota), tasks, options, budget, clock, sink);
    }

    private static CrawlResult result(CrawlRun run, List<String> accounts, StopReason reason) {
        return run.result(accounts, reason);
    }
}
