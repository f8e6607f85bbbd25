package io.microreach.signals.engagement;

import java.time.Duration;
import java.util.Objects;

/**
 * Which posts make a creator's engagement rate and how many it needs. The window holds the newest {@code maxPosts}
 * posts that were published at most {@code maxAge} before the newest post: both limits apply, so whichever of them
 * admits fewer posts decides ("last 30 posts or 90 days, whichever gives fewer"). It is anchored at the newest post,
 * not at today, so an account that paused posting is still measured on its last active period.
 *
 * @param maxPosts at most this many of the newest posts
 * @param maxAge only posts published at most this long before the newest post (inclusive)
 * @param minimumPosts fewer posts with a rate than this → "insufficient data"
 * @param highConfidencePosts from this many posts on the confidence is {@code HIGH}
 */
record EngagementWindow(int maxPosts, Duration maxAge, int minimumPosts, int highConfidencePosts) {

    /** PRODUCT.md defaults: last 30 posts or 90 days, at least 5 posts; 20 posts give high confidence. */
    public static final EngagementWindow DEFAULT = new EngagementWindow(30, Duration.ofDays(90), 5, 20);

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
    }

    public EngagementWindow withMaxPosts(int value) {
        return new EngagementWindow(value, maxAge, minimumPosts, highConfidencePosts);
    }

    public EngagementWindow withMaxAge(Duration value) {
        return new EngagementWindow(maxPosts, value, minimumPosts, highConfidencePosts);
    }

    public EngagementWindow withMinimumPosts(int value) {
        return new EngagementWindow(maxPosts, maxAge, value, Math.max(value, highConfidencePosts));
    }
}
