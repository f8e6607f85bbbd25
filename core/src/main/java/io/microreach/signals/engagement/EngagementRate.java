package io.microreach.signals.engagement;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * A creator's engagement rate: the median of its posts' rates over the window (see {@link EngagementWindow}).
 *
 * @param median median ER by followers (the PRODUCT.md definition); {@code null} when unavailable
 * @param medianByViews median ER by views over the window's video posts with views; {@code null} when the account
 *     has too few of them (see {@code byViewsUnavailableReason})
 * @param postsUsed posts behind {@code median}
 * @param postsUsedByViews posts behind {@code medianByViews}
 * @param followerBasis which follower count the rates of {@code median} were divided by; {@code null} when unavailable
 * @param formula the formula in words, naming the interaction counts that were reported, e.g. "(likes + comments) ÷
 *     followers at posting time"
 * @param unavailableReason why {@code median} is {@code null}; {@code null} when it is available
 * @param byViewsUnavailableReason why {@code medianByViews} is {@code null}; {@code null} when it is available
 * @param evidencePostIds the posts behind either median, newest first
 * @param confidence from {@code postsUsed}: {@code NONE} when {@code median} is unavailable
 * @param posts every post of the window with its own rates (including those without a rate), newest first
 * @param window which window the rates come from: the recent one, or the last posts when the recent one was too thin
 * @param windowDescription the window in words, with how many posts it held and the days they span
 */
public record EngagementRate(
        Double median,
        Double medianByViews,
        int postsUsed,
        int postsUsedByViews,
        FollowerBasis followerBasis,
        String formula,
        String unavailableReason,
        String byViewsUnavailableReason,
        List<String> evidencePostIds,
        Confidence confidence,
        List<PostEngagement> posts,
        Window window,
        String windowDescription) {

    /** Which posts a creator's rate was taken over (see {@link EngagementWindow}). */
    public enum Window {
        /** The last 30 posts within 90 days of the newest post (PRODUCT.md's default). */
        RECENT,
        /** The last 12 posts whatever their age, because the recent window had too few posts with a rate. */
        LAST_POSTS
    }

    public EngagementRate {
        evidencePostIds = List.copyOf(evidencePostIds);
        posts = List.copyOf(posts);
    }

    /** Whether {@link #median()} is a number. */
    public boolean available() {
        return median != null;
    }
}
