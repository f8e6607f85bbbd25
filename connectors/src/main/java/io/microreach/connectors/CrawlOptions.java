package io.microreach.connectors;

/**
 * Limits of one crawl. Every limit bounds requests, so a crawl's cost is known before it starts.
 *
 * @param maxPostsPerAccount most recent posts fetched per account
 * @param maxThreadsPerAccount posts per account whose reply threads are fetched (only posts with replies count)
 * @param followerSampleSize followers sampled per account
 * @param followsSampleSize sampled followers whose own follows are fetched to find follow edges among the sample
 * @param maxFollowsPagesPerFollower pages of follows read per such follower
 * @param minFollowers lower end of the follower band discovery keeps (inclusive)
 * @param maxFollowers upper end of the follower band discovery keeps (inclusive)
 * @param maxAccounts most accounts discovery accepts per run
 * @param maxRequests most HTTP requests per run (retries of one request count once)
 */
public record CrawlOptions(
        int maxPostsPerAccount,
        int maxThreadsPerAccount,
        int followerSampleSize,
        int followsSampleSize,
        int maxFollowsPagesPerFollower,
        long minFollowers,
        long maxFollowers,
        int maxAccounts,
        long maxRequests) {

    /** Micro-influencers: 1k–100k followers; 50 posts, 10 threads, 200 sampled followers, 50 of them for edges. */
    public static final CrawlOptions DEFAULT = new CrawlOptions(50, 10, 200, 50, 2, 1_000, 100_000, 100, 10_000);

    public CrawlOptions {
        nonNegative(maxPostsPerAccount, "maxPostsPerAccount");
        nonNegative(maxThreadsPerAccount, "maxThreadsPerAccount");
        nonNegative(followerSampleSize, "followerSampleSize");
        nonNegative(followsSampleSize, "followsSampleSize");
        nonNegative(maxFollowsPagesPerFollower, "maxFollowsPagesPerFollower");
        nonNegative(minFollowers, "minFollowers");
        nonNegative(maxAccounts, "maxAccounts");
        nonNegative(maxRequests, "maxRequests");
        if (maxFollowers < minFollowers) {
            throw new IllegalArgumentException("maxFollowers " + maxFollowers + " < minFollowers " + minFollowers);
        }
    }

    public CrawlOptions withMaxRequests(long value) {
        return new CrawlOptions(
                maxPostsPerAccount,
                maxThreadsPerAccount,
                followerSampleSize,
                followsSampleSize,
                maxFollowsPagesPerFollower,
                minFollowers,
                maxFollowers,
                maxAccounts,
                value);
    }

    public CrawlOptions withFollowerBand(long min, long max) {
        return new CrawlOptions(
                maxPostsPerAccount,
                maxThreadsPerAccount,
                followerSampleSize,
                followsSampleSize,
                maxFollowsPagesPerFollower,
                min,
                max,
                maxAccounts,
                maxRequests);
    }

    public CrawlOptions withMaxAccounts(int value) {
        return new CrawlOptions(
                maxPostsPerAccount,
                maxThreadsPerAccount,
                followerSampleSize,
                followsSampleSize,
                maxFollowsPagesPerFollower,
                minFollowers,
                maxFollowers,
                value,
                maxRequests);
    }

    public boolean inBand(long followers) {
        return followers >= minFollowers && followers <= maxFollowers;
    }

    private static void nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
