package io.microreach.app.creators;

import java.util.List;

/**
 * The data behind the creator page's charts, taken from the scorecard and the follower history. Passed to
 * the browser as JSON in a data attribute (escaped by Thymeleaf), so no creator text ever reaches a script.
 *
 * @param engagement the ER of each post in the scoring window with the median line; {@code null} when not scored
 * @param followers the follower-count history with the spikes the anomaly check flagged
 * @param peers ER against the platform's expected-ER curve; {@code null} when not scored
 */
public record CreatorCharts(Engagement engagement, Followers followers, Peers peers) {

    /** One post's ER; {@code t} is the publishing time in epoch milliseconds. */
    public record PostEr(String postId, long t, double er) {}

    /**
     * @param median the median ER the score uses; {@code null} when unavailable (see {@code unavailableReason})
     */
    public record Engagement(List<PostEr> posts, Double median, String formula, String unavailableReason) {}

    /** One day of follower history; {@code t} is the day's start (UTC) in epoch milliseconds. */
    public record Day(long t, String day, long followers) {}

    /** A flagged follower spike: the count jumped from {@code before} to {@code after} on {@code day}. */
    public record Spike(long t, String day, long before, long after, long added, double percent) {}

    public record Followers(List<Day> history, List<Spike> spikes) {}

    /** A point of ER against follower count. */
    public record Point(long followers, double er) {}

    /**
     * @param curve the expected (median) ER over the fitted follower range, log-spaced points
     * @param pool other scored accounts of the platform (a deterministic sample) for context
     * @param creator this account, {@code null} when it has no median ER
     * @param expectedEr the curve's ER at this account's followers, {@code null} without a curve
     * @param extrapolated whether this account lies outside the follower range the curve was fitted on
     * @param unavailableReason why there is no curve; {@code null} when there is one
     */
    public record Peers(
            String platform,
            List<Point> curve,
            List<Point> pool,
            Point creator,
            Double expectedEr,
            Double ratio,
            boolean extrapolated,
            String unavailableReason) {}
}
