package io.microreach.signals.conversation;

import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.util.List;

/**
 * Share of the top-level comments written by others that are questions: people asking the creator something is a
 * sign of a community that turns to them.
 *
 * @param share question comments ÷ top-level comments by others; {@code null} when unavailable
 * @param questionCommentIds ids of question comments (a sample, newest posts first)
 * @param confidence from the number of comments
 * @param unavailableReason why there is no share; {@code null} when there is one
 */
record QuestionComments(
        Proportion share, List<String> questionCommentIds, Confidence confidence, String unavailableReason) {

    public QuestionComments {
        questionCommentIds = List.copyOf(questionCommentIds);
        if ((share == null) != (unavailableReason != null)) {
            throw new IllegalArgumentException("either a share or a reason it is unavailable");
        }
    }

    public boolean available() {
        return share != null;
    }
}
