package io.microreach.signals.engagement;

import java.time.Duration;
import java.util.Objects;

/**
 * Which posts make a creator's engagement rate and how many it needs. The window holds the newest {@code maxPosts}
 * posts that were published at most {@code maxAge} before the newest post: both limits apply, so whichever of them
 * admits fewer posts decides ("last 30 posts or 90 days, whichever gives fewer"). It is anchored at the newest post,
 * not at today, so an account that paused posting is still measured on its last active period.
 *
 * <p>When that window holds fewer than {@code minimumPosts} posts with a rate, the newest {@code fallbackPosts} posts
 * are used instead, whatever their age. Occasional posters (a post every few weeks) otherwise never get a rate, and
 * since their ER is higher than that of frequent posters, leaving them out biases the pool's percentiles low; 12 is
 * what a profile page and Instagram's Business Discovery API return by default.
 *
 * @param maxPosts at most this many of the newest posts
 * @param maxAge only posts published at most this long before the newest post (inclusive)
 * @param minimumPosts fewer posts with a rate than this → "insufficient data"
 * @param highConfidencePosts from this many posts on the confidence is {@code HIGH}
 * @param fallbackPosts the newest this many posts, whatever their age, when the window above has fewer than {@code
 *     minimumPosts} posts with a rate; 0 turns the fallback off
 */
record EngagementWindow(int maxPosts, Duration maxAge, int minimumPosts, int highConfidencePosts, int fallbackPosts) {

    /**
     * PRODUCT.md defaults: last 30 posts or 90 days, at least 5 posts; 20 posts give high confidence; else the last 12
     * posts.
     */
    public static final EngagementWindow DEFAULT = new EngagementWindow(30, Duration.ofDays(90), 5, 20, 12);

    public EngagementWindow {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxPosts < 1) {
            throw new IllegalArgumentException("maxPosts must be at least 1: " + maxPosts);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        if (minimumPosts < 1 || minimumPosts > maxPosts) {
            throw new IllegalArgumentException("minimumPosts must be within 1.." + maxPosts + ": " + minimumPosts);
        }
        if (highConfidencePosts < minimumPosts) {
            throw new IllegalArgumentException(
                    "highConfidencePosts must be at least minimumPosts (" + minimumPosts + "): " + highConfidencePosts);
        }
        if (fallbackPosts != 0 && (fallbackPosts < minimumPosts || fallbackPosts > maxPosts)) {
            throw new IllegalArgumentException(
                    "fallbackPosts must be 0 (off) or within " + minimumPosts + ".." + maxPosts + ": " + fallbackPosts);
        }
    }

    public EngagementWindow withMaxPosts(int value) {
        return new EngagementWindow(
                value,
                maxAge,
                minimumPosts,
                highConfidencePosts,
                fallbackPosts == 0 ? 0 : Math.max(minimumPosts, Math.min(fallbackPosts, value)));
    }

    public EngagementWindow withMaxAge(Duration value) {
        return new EngagementWindow(maxPosts, value, minimumPosts, highConfidencePosts, fallbackPosts);
    }

    public EngagementWindow withMinimumPosts(int value) {
        return new EngagementWindow(
                maxPosts,
                maxAge,
                value,
                Math.max(value, highConfidencePosts),
                fallbackPosts == 0 ? 0 : Math.max(value, fallbackPosts));
    }

    public EngagementWindow withFallbackPosts(int value) {
        return new EngagementWindow(maxPosts, maxAge, minimumPosts, highConfidencePosts, value);
    }

    /** The window in words, e.g. "the last 30 posts within 90 days of the newest post". */
    String describeRecent() {
        return "the last " + maxPosts + " posts within " + maxAge.toDays() + " days of the newest post";
    }
}
