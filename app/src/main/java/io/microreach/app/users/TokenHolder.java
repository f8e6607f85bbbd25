package io.microreach.app.users;

/** Who a valid API token speaks for: a user in one workspace, with the token's scope and the user's role there. */
public record TokenHolder(
        long tokenId,
        long userId,
        String email,
        boolean admin,
        long workspaceId,
        String workspace,
        TokenScope scope,
        Role role) {
    /** Writes need a write token and a role that may write. */
    public boolean canWrite() {
        return scope == TokenScope.WRITE && role.canWrite();
    }
}
