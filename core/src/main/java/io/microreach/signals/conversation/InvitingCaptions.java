package io.microreach.signals.conversation;

import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.util.List;

/**
 * Share of the window's posts whose caption invites interaction.
 *
 * @param share inviting posts ÷ posts with a known caption (an empty caption counts, invites nothing); {@code null}
 *     when unavailable
 * @param questionCaptions posts whose caption asks a question
 * @param callToCommentCaptions posts whose caption asks for comments, tags or votes
 * @param teachingCaptions posts whose caption teaches (tips, how-to, lists)
 * @param invitingPostIds ids of inviting posts (a sample, newest first)
 * @param confidence from the number of posts with a known caption
 * @param unavailableReason why there is no share; {@code null} when there is one
 */
public record InvitingCaptions(
        Proportion share,
        int questionCaptions,
        int callToCommentCaptions,
        int teachingCaptions,
        List<String> invitingPostIds,
        Confidence confidence,
        String unavailableReason) {

    public InvitingCaptions {
        invitingPostIds = List.copyOf(invitingPostIds);
        if ((share == null) != (unavailableReason != null)) {
            throw new IllegalArgumentException("either a share or a reason it is unavailable");
        }
    }

    public boolean available() {
        return share != null;
    }
}
