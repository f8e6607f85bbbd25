package io.microreach.app.demo;

/**
 * What {@code microreach demo remove} deleted: the demo accounts and every row that belonged to them. Real accounts
 * and their rows are never counted here because they are never touched.
 *
 * @param accounts demo accounts deleted (with their scorecards, signals, niches, embeddings and audience sketches)
 * @param posts their posts
 * @param comments comments on those posts
 * @param followerSamples their sampled followers
 * @param followEdges follow edges among their sampled followers
 * @param followerCounts their follower-history points
 * @param shortlistEntries shortlist entries, notes and negotiated prices that pointed at them
 * @param creators creators left without any account
 * @param rescoredAccounts real accounts rescored afterwards (their peer percentiles no longer include demo peers)
 */
public record DemoRemoval(
        long accounts,
        long posts,
        long comments,
        long followerSamples,
        long followEdges,
        long followerCounts,
        long shortlistEntries,
        long creators,
        long rescoredAccounts) {

    DemoRemoval withRescored(long rescored) {
        return new DemoRemoval(
                accounts,
                posts,
                comments,
                followerSamples,
                followEdges,
                followerCounts,
                shortlistEntries,
                creators,
                rescored);
    }
}
