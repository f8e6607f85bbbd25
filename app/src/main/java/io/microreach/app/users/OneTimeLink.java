package io.microreach.app.users;

import java.time.Instant;

/**
 * A link that works once, as stored: what it is for, whom or which workspace it concerns.
 *
 * @param userId the user it signs in or resets; null for an invitation
 * @param workspaceId the workspace it invites into or opens; null for a password reset
 * @param role the role an invitation gives; null otherwise
 */
public record OneTimeLink(
        long id, Purpose purpose, Long userId, Long workspaceId, Role role, String createdBy, Instant expiresAt) {

    /** What a link does. */
    public enum Purpose {
        SIGN_IN("sign-in"),
        INVITATION("invitation"),
        PASSWORD_RESET("password-reset");

        private final String id;

        Purpose(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Purpose of(String id) {
            for (Purpose p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown link purpose " + id);
        }
    }
}
