package io.microreach.generator;

import java.time.Instant;
import java.util.Objects;

/**
 * Settings of one generator run. Equal configs give byte-identical output.
 *
 * @param creators number of creators (people); about 10% of them get a second account on another platform
 * @param seed seed of every random draw
 * @param now the fixed reference "today": the observation time of all accounts and the end of all histories
 * @param postsPerCreator mean number of posts per account (accounts vary around it)
 * @param commentedPosts the most recent posts of each account that get actual comment records
 * @param followerSampleSize sampled followers per account
 * @param historyDays days of daily follower counts per account, ending at {@code now}
 */
public record GeneratorConfig(
        int creators,
        long seed,
        Instant now,
        int postsPerCreator,
        int commentedPosts,
        int followerSampleSize,
        int historyDays) {

    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-01T00:00:00Z");
    public static final int DEFAULT_POSTS_PER_CREATOR = 30;
    public static final int DEFAULT_COMMENTED_POSTS = 10;
    public static final int DEFAULT_FOLLOWER_SAMPLE_SIZE = 100;
    public static final int DEFAULT_HISTORY_DAYS = 90;

    /** Creator indices, post and comment indices share 64-bit id keys; these bounds keep them apart. */
    public static final int MAX_CREATORS = 10_000_000;

    public static final int MAX_POSTS_PER_CREATOR = 10_000;
    public static final int MAX_FOLLOWER_SAMPLE_SIZE = 10_000;
    public static final int MAX_HISTORY_DAYS = 3_650;

    public GeneratorConfig {
        Objects.requireNonNull(now, "now must not be null");
        check(creators >= 1 && creators <= MAX_CREATORS, "creators", creators, "1.." + MAX_CREATORS);
        check(
                postsPerCreator >= 1 && postsPerCreator <= MAX_POSTS_PER_CREATOR,
                "postsPerCreator",
                postsPerCreator,
                "1.." + MAX_POSTS_PER_CREATOR);
        check(commentedPosts >= 0, "commentedPosts", commentedPosts, "0 or more");
        check(
                followerSampleSize >= 0 && followerSampleSize <= MAX_FOLLOWER_SAMPLE_SIZE,
                "followerSampleSize",
                followerSampleSize,
                "0.." + MAX_FOLLOWER_SAMPLE_SIZE);
        check(
                historyDays >= 1 && historyDays <= MAX_HISTORY_DAYS,
                "historyDays",
                historyDays,
                "1.." + MAX_HISTORY_DAYS);
    }

    /** {@code creators} creators with the given seed and every other setting at its default. */
    public static GeneratorConfig of(int creators, long seed) {
        return new GeneratorConfig(
                creators,
                seed,
                DEFAULT_NOW,
                DEFAULT_POSTS_PER_CREATOR,
                DEFAULT_COMMENTED_POSTS,
                DEFAULT_FOLLOWER_SAMPLE_SIZE,
                DEFAULT_HISTORY_DAYS);
    }

    /** The demo data set: 5,000 creators, seed 42, defaults otherwise (about 1.5 million lines). */
    public static GeneratorConfig demo() {
        return of(5_000, 42);
    }

    public GeneratorConfig withCreators(int value) {
        return new GeneratorConfig(value, seed, now, postsPerCreator, commentedPosts, followerSampleSize, historyDays);
    }

    public GeneratorConfig withSeed(long value) {
        return new GeneratorConfig(
                creators, value, now, postsPerCreator, commentedPosts, followerSampleSize, historyDays);
    }

    public GeneratorConfig withNow(Instant value) {
        return new GeneratorConfig(
                creators, seed, value, postsPerCreator, commentedPosts, followerSampleSize, historyDays);
    }

    public GeneratorConfig withPostsPerCreator(int value) {
        return new GeneratorConfig(creators, seed, now, value, commentedPosts, followerSampleSize, historyDays);
    }

    public GeneratorConfig withCommentedPosts(int value) {
        return new GeneratorConfig(creators, seed, now, postsPerCreator, value, followerSampleSize, historyDays);
    }

    public GeneratorConfig withFollowerSampleSize(int value) {
        return new GeneratorConfig(creators, seed, now, postsPerCreator, commentedPosts, value, historyDays);
    }

    public GeneratorConfig withHistoryDays(int value) {
        return new GeneratorConfig(creators, seed, now, postsPerCreator, commentedPosts, followerSampleSize, value);
    }

    private static void check(boolean ok, String field, long value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException(field + " must be " + allowed + ", got " + value);
        }
    }
}
