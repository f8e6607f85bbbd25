package io.microreach.app.security;

import io.microreach.app.users.AuditLog;
import io.microreach.app.users.SignInState;
import io.microreach.app.users.Users;
import java.nio.CharBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Password sign-in with a temporary lock. Every {@code microreach.security.lock-after} (5) wrong passwords in a row
 * lock the account for {@code microreach.security.lock-minutes} (15); while locked, attempts are refused without
 * checking the password, so a guesser gets 5 tries per quarter hour, about 480 a day, against a bcrypt hash. The lock
 * is per account, so the right password keeps working for everyone else, even from the same address. Every attempt
 * is in the audit log. Unknown addresses cost the same bcrypt check as known ones and get the same answer, so the
 * sign-in form does not reveal who has an account.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordSignIn.class);
    static final String REFUSED = "Wrong e-mail or password. After 5 wrong passwords sign-in pauses for 15 minutes.";

    private final Users users;
    private final AuditLog audit;
    private final int lockAfter;
    private final Duration lockFor;
    /** A hash to check unknown addresses against, so they take as long as known ones. */
    private final String dummyHash;

    PasswordSignIn(
            Users users,
            AuditLog audit,
            @Value("${microreach.security.lock-after:5}") int lockAfter,
            @Value("${microreach.security.lock-minutes:15}") int lockMinutes) {
        this.users = users;
        this.audit = audit;
        this.lockAfter = lockAfter;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.dummyHash = users.encoder().encode("not a password of anyone");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email =
                authentication.getName() == null ? "" : authentication.getName().trim();
        String target = email.length() > 254 ? email.substring(0, 254) : email;
        Object credentials = authentication.getCredentials();
        CharSequence password = CharBuffer.wrap(credentials == null ? "" : credentials.toString());
        Optional<SignInState> state = users.signInState(email);
        if (state.isEmpty() || state.get().passwordHash() == null || state.get().disabled()) {
            users.encoder().matches(password, dummyHash);
            audit.record("anonymous", null, "signin.failed", target, state.isEmpty() ? "unknown" : "no password");
            throw new BadCredentialsException(REFUSED);
        }
        SignInState s = state.get();
        if (s.lockedAt(Instant.now())) {
            audit.record("anonymous", null, "signin.refused", s.email(), "locked until " + s.lockedUntil());
            throw new LockedException(REFUSED);
        }
        if (users.encoder().matches(password, s.passwordHash())) {
            users.signedIn(s.userId());
            audit.record(s.email(), null, "signin", s.email(), "password");
            return UsernamePasswordAuthenticationToken.authenticated(
                    new SignedInUser(s.userId(), s.email()), null, List.of());
        }
        Instant lockedUntil = users.failedSignIn(s.userId(), lockAfter, lockFor);
        audit.record(
                "anonymous",
                null,
                "signin.failed",
                s.email(),
                lockedUntil == null ? "wrong password" : "wrong password; locked until " + lockedUntil);
        if (lockedUntil != null) {
            LOG.warn("Sign-in for {} locked until {} after {} wrong passwords", s.email(), lockedUntil, lockAfter);
        }
        throw new BadCredentialsException(REFUSED);
    }
}
