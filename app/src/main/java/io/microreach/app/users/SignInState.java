package io.microreach.app.users;

import java.time.Instant;

/**
 * A user as a password sign-in sees them.
 *
 * @param passwordHash null when the user has no password (signs in by a link or OpenID Connect only)
 * @param lockedUntil null unless repeated wrong passwords locked sign-in
 */
public record SignInState(
        long userId, String email, String passwordHash, boolean disabled, Instant lockedUntil, int failedSignIns) {
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
