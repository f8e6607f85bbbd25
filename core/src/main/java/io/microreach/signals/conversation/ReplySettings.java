package io.microreach.signals.conversation;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of the reply-rate measurement.
 *
 * @param replyWindow a creator reply counts when it comes within this time of the comment (contract: 7 days); a
 *     comment younger than this at observation time has no settled outcome and is left out
 * @param maxPosts only the newest this many posts are looked at (the account's posts are newest first)
 * @param minimumComments below this many settled comments the rate is unavailable
 * @param highConfidenceComments from this many settled comments the confidence is high
 * @param minimumAnswersForDelay below this many answered comments the median delay is unavailable
 * @param evidenceLimit at most this many ids per evidence list
 */
record ReplySettings(
        Duration replyWindow,
        int maxPosts,
        int minimumComments,
        int highConfidenceComments,
        int minimumAnswersForDelay,
        int evidenceLimit) {

    /** 7 days, 30 newest posts, rate from 5 settled comments (high from 50), delay from 3 answers, 10 ids. */
    public static final ReplySettings DEFAULT = new ReplySettings(Duration.ofDays(7), 30, 5, 50, 3, 10);

    public ReplySettings {
        Objects.requireNonNull(replyWindow, "replyWindow");
        if (replyWindow.isNegative() || replyWindow.isZero()) {
            throw new IllegalArgumentException("replyWindow must be positive: " + replyWindow);
        }
        if (maxPosts < 1 || minimumComments < 1 || minimumAnswersForDelay < 1 || evidenceLimit < 0) {
            throw new IllegalArgumentException(
                    "maxPosts, minimumComments and minimumAnswersForDelay must be >= 1," + " evidenceLimit >= 0");
        }
        if (highConfidenceComments < minimumComments) {
            throw new IllegalArgumentException("highConfidenceComments must be >= minimumComments");
        }
    }

    public ReplySettings withMaxPosts(int value) {
        return new ReplySettings(
                replyWindow, value, minimumComments, highConfidenceComments, minimumAnswersForDelay, evidenceLimit);
    }
}
