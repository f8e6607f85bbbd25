package io.microreach.signals.conversation;

/** Why a caption counts as interaction-inviting; one caption may have several. */
enum InvitationKind {
    /** Asks the audience something (a question mark outside links, hashtags and mentions). */
    QUESTION,
    /** Asks for comments, tags or votes ("comment below", "tell me", "let me know", "tag a friend"). */
    CALL_TO_COMMENT,
    /** Teaches: tips, how-to, guides, step by step, numbered lists ("3 ways to…"). */
    TEACHING
}
