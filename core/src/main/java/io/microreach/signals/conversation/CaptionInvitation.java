package io.microreach.signals.conversation;

import java.util.Set;

/** What one caption invites; empty when it invites nothing. */
record CaptionInvitation(Set<InvitationKind> kinds) {
    public CaptionInvitation {
        kinds = Set.copyOf(kinds);
    }

    public boolean inviting() {
        return !kinds.isEmpty();
    }

    public boolean has(InvitationKind kind) {
        return kinds.contains(kind);
    }
}
