package io.microreach.signals.conversation;

import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.time.Instant;
import java.util.List;

/**
 * How often and how fast a creator answers the people who comment on their posts.
 *
 * <p>Counted: top-level comments written by others on the posts of the window that are at least the reply window
 * old at {@link #observedAt()} ("settled"). Answered: the creator wrote a comment whose parent is that comment
 * within the reply window.
 *
 * @param rate answered ÷ settled comments with its Wilson 95% interval; {@code null} when unavailable
 * @param medianDelayHours median hours from comment to the creator's first reply, over answered comments;
 *     {@code null} when fewer answers than the settings' minimum
 * @param answeredCommentIds ids of answered comments (a sample, newest posts first)
 * @param unansweredCommentIds ids of settled comments without a reply within the window (a sample)
 * @param commenters distinct authors of the settled comments
 * @param answeredCommenters distinct authors among the answered ones (1 with many answers: one favoured fan)
 * @param unsettledComments comments by others too young for a settled outcome, left out of the rate
 * @param lateReplies settled comments whose first creator reply came after the window (not counted as answered)
 * @param mentionOnlyAnswers unanswered settled comments that got a creator top-level comment @-mentioning their
 *     author within the window on the same post; shown for information, never counted as answered
 * @param orphanReplies creator replies whose parent comment is not in the data (deleted or not collected)
 * @param observedAt the time the outcomes were judged at
 * @param confidence from the number of settled comments; {@link Confidence#NONE} when unavailable
 * @param unavailableReason why there is no rate; {@code null} when there is one
 */
public record ReplyRate(
        Proportion rate,
        Double medianDelayHours,
        List<String> answeredCommentIds,
        List<String> unansweredCommentIds,
        int commenters,
        int answeredCommenters,
        int unsettledComments,
        int lateReplies,
        int mentionOnlyAnswers,
        int orphanReplies,
        Instant observedAt,
        Confidence confidence,
        String unavailableReason) {

    public ReplyRate {
        answeredCommentIds = List.copyOf(answeredCommentIds);
        unansweredCommentIds = List.copyOf(unansweredCommentIds);
        if ((rate == null) != (unavailableReason != null)) {
            throw new IllegalArgumentException("a reply rate has either a rate or a reason it is unavailable");
        }
    }

    public boolean available() {
        return rate != null;
    }
}
