package io.microreach.connectors;

import java.util.List;

/**
 * A platform from which public creator data is fetched: profiles, posts with their counts, reply threads, a follower
 * sample and follow edges among it, and new creators found by keyword or from a seed. Implementations respect the
 * platform's rate limits, retry transient failures, and keep their cursors in the given store so that the same call
 * with the same store resumes after a stop without emitting a record twice.
 */
public interface CreatorSource {

    /** The source id used in crawl state and reports, for example {@code bluesky}. */
    String sourceId();

    /** Fetches everything the options allow about each account (a handle or a platform id). */
    CrawlResult fetchCreators(List<String> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink);

    /**
     * Brings known accounts up to date at the lowest request cost the platform allows: the profile (its follower
     * count becomes today's point of the follower history), and only the posts published after {@link
     * KnownAccount#newestPostAt()} with their reply threads. An account whose reported post count is unchanged gets no
     * post request at all where the platform reports post counts. Follower samples are not fetched again.
     *
     * <p>The store scopes one refresh: the app passes a fresh scope per scheduled sync and the same scope to resume
     * an interrupted one.
     */
    CrawlResult refresh(List<KnownAccount> accounts, CrawlOptions options, CrawlStateStore state, RecordSink sink);

    /** Finds accounts within the options' follower band and emits their profiles; the result lists them. */
    CrawlResult discover(DiscoveryQuery query, CrawlOptions options, CrawlStateStore state, RecordSink sink);
}
