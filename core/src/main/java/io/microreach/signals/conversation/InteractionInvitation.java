package io.microreach.signals.conversation;

import java.util.Objects;

/**
 * Interaction-inviting content of an account (PRODUCT.md): inviting captions, question comments and thread depth,
 * each available or not on its own.
 */
public record InteractionInvitation(InvitingCaptions captions, QuestionComments questions, ThreadDepth threads) {
    public InteractionInvitation {
        Objects.requireNonNull(captions, "captions");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(threads, "threads");
    }
}
