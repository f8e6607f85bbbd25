package io.microreach.app.privacy;

/**
 * What an erasure removed: the creator's own accounts with everything under them, and their appearances in other
 * creators' data (comments they wrote, follower-sample rows, follow edges).
 */
public record ErasureReport(
        long accounts,
        long posts,
        long commentsOnTheirPosts,
        long commentsTheyWrote,
        long followerSampleRows,
        long followEdges,
        long followerCounts,
        long workspaceRows,
        long crawlRows,
        long rescoredAccounts) {}
