package io.microreach.app.users;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their workspace memberships. Passwords are hashed with Spring Security's delegating encoder (bcrypt,
 * with the algorithm's id stored in front of the hash, so a later default can upgrade hashes on sign-in); the
 * password itself is never stored or logged.
 */
@Service
public class Users {
    /** NIST SP 800-63B: at least 8 characters; bcrypt reads at most 72 bytes, so longer ones are refused. */
    static final int MIN_PASSWORD = 8;

    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public Users(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The e-mail as stored (trimmed, lower case), or an error that says what is wrong with it. */
    public static String normalisedEmail(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address (name@example.com)");
        }
        return e;
    }

    /** Checks a new password; the message names the rule it breaks. */
    static void checkPassword(char[] password, String email) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD + " characters");
        }
        if (java.nio.charset.StandardCharsets.UTF_8
                        .encode(CharBuffer.wrap(password))
                        .remaining()
                > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException(
                    "the password must be at most " + MAX_PASSWORD_BYTES + " bytes long (bcrypt reads no more)");
        }
        if (new String(password).equalsIgnoreCase(email)) {
            throw new IllegalArgumentException("the password must not be the e-mail address");
        }
    }

    @Transactional
    public User add(String email, char[] password, boolean admin, String actor) {
        String e = normalisedEmail(email);
        if (find(e).isPresent()) {
            throw new IllegalArgumentException("a user " + e + " exists already");
        }
        String hash = null;
        if (password != null) {
            checkPassword(password, e);
            hash = encoder.encode(CharBuffer.wrap(password));
            Arrays.fill(password, '\0');
        }
        jdbc.update("INSERT INTO app_user (email, password_hash, is_admin) VALUES (?, ?, ?)", e, hash, admin);
        audit.record(actor, null, "user.add", e, admin ? "admin" : null);
        return find(e).orElseThrow();
    }

    public Optional<User> find(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return jdbc
                .query(
                        "SELECT id, email, is_admin, disabled, created_at FROM app_user WHERE email = ?",
                        (rs, i) -> new User(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getBoolean(3),
                                rs.getBoolean(4),
                                rs.getTimestamp(5).toInstant(),
                                memberships(rs.getLong(1))),
                        e)
                .stream()
                .findFirst();
    }

    public List<User> list() {
        return jdbc.queryForList("SELECT email FROM app_user ORDER BY email", String.class).stream()
                .map(e -> find(e).orElseThrow())
                .toList();
    }

    List<Membership> memberships(long userId) {
        return jdbc.query(
                "SELECT w.id, w.name, m.role FROM workspace_member m JOIN workspace w ON w.id = m.workspace_id"
                        + " WHERE m.user_id = ? ORDER BY w.name",
                (rs, i) -> new Membership(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3))),
                userId);
    }

    /** Whether {@code password} is the user's; false for unknown, disabled or password-less users. */
    public boolean passwordMatches(String email, char[] password) {
        List<String> hashes = jdbc.queryForList(
                "SELECT password_hash FROM app_user WHERE email = ? AND NOT disabled AND password_hash IS NOT NULL",
                String.class,
                email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
        return !hashes.isEmpty() && encoder.matches(CharBuffer.wrap(password), hashes.get(0));
    }

    /** The stored hash of an enabled user, for Spring Security's sign-in. */
    public Optional<String> passwordHash(String email) {
        return jdbc
                .queryForList(
                        "SELECT password_hash FROM app_user WHERE email = ? AND password_hash IS NOT NULL",
                        String.class,
                        email == null ? "" : email.trim().toLowerCase(Locale.ROOT))
                .stream()
                .findFirst();
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    @Transactional
    public void setPassword(String email, char[] password, String actor) {
        User user = require(email);
        checkPassword(password, user.email());
        String hash = encoder.encode(CharBuffer.wrap(password));
        Arrays.fill(password, '\0');
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", hash, user.id());
        audit.record(actor, null, "user.password", user.email(), null);
    }

    /** Disables (or enables) a user: a disabled user cannot sign in and their tokens stop working. */
    @Transactional
    public User setDisabled(String email, boolean disabled, String actor) {
        User user = require(email);
        jdbc.update("UPDATE app_user SET disabled = ? WHERE id = ?", disabled, user.id());
        audit.record(actor, null, disabled ? "user.disable" : "user.enable", user.email(), null);
        return require(email);
    }

    /** Gives the user {@code role} in {@code workspace} (a role they had there before is replaced). */
    @Transactional
    public Membership join(String email, Workspace workspace, Role role, String actor) {
        User user = require(email);
        jdbc.update(
                "INSERT INTO workspace_member (workspace_id, user_id, role) VALUES (?, ?, ?)"
                        + " ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role",
                workspace.id(),
                user.id(),
                role.id());
        audit.record(actor, workspace.id(), "member.role", user.email(), role.id());
        return new Membership(workspace.id(), workspace.name(), role);
    }

    /** How many users exist: none means the installation still needs its first administrator. */
    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
    }

    public Optional<User> find(long id) {
        return jdbc.queryForList("SELECT email FROM app_user WHERE id = ?", String.class, id).stream()
                .findFirst()
                .flatMap(this::find);
    }

    /** What a password sign-in needs to know about an e-mail address; empty for an unknown one. */
    public Optional<SignInState> signInState(String email) {
        return jdbc
                .query(
                        "SELECT id, email, password_hash, disabled, locked_until, failed_sign_ins FROM app_user"
                                + " WHERE email = ?",
                        (rs, i) -> new SignInState(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getTimestamp(5) == null
                                        ? null
                                        : rs.getTimestamp(5).toInstant(),
                                rs.getInt(6)),
                        email == null ? "" : email.trim().toLowerCase(Locale.ROOT))
                .stream()
                .findFirst();
    }

    /**
     * Counts a wrong password. Every {@code lockAfter}-th failure in a row locks sign-in for {@code lockFor}, so a
     * guesser gets {@code lockAfter} tries per period, while the right password keeps working for everyone else.
     *
     * @return the time until which the user is now locked, or null
     */
    @Transactional
    public java.time.Instant failedSignIn(long userId, int lockAfter, java.time.Duration lockFor) {
        Integer failures = jdbc.queryForObject(
                "UPDATE app_user SET failed_sign_ins = failed_sign_ins + 1 WHERE id = ? RETURNING failed_sign_ins",
                Integer.class,
                userId);
        if (failures != null && failures % lockAfter == 0) {
            java.time.Instant until = java.time.Instant.now().plus(lockFor);
            jdbc.update("UPDATE app_user SET locked_until = ? WHERE id = ?", java.sql.Timestamp.from(until), userId);
            return until;
        }
        return null;
    }

    /** A successful sign-in: the failure count starts again. */
    public void signedIn(long userId) {
        jdbc.update(
                "UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = ?",
                userId);
    }

    /** Sets a password from a reset link: the lock and the failure count go too. */
    @Transactional
    public void resetPassword(long userId, char[] password, String actor) {
        User user = find(userId).orElseThrow(() -> new IllegalArgumentException("the user no longer exists"));
        setPassword(user.email(), password, actor);
        jdbc.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", userId);
    }

    /** Removes a member from a workspace (their tokens for it stop working: they need the membership). */
    @Transactional
    public boolean leave(long userId, Workspace workspace, String actor) {
        User user = find(userId).orElseThrow(() -> new IllegalArgumentException("the user no longer exists"));
        boolean removed = jdbc.update(
                        "DELETE FROM workspace_member WHERE workspace_id = ? AND user_id = ?", workspace.id(), userId)
                > 0;
        if (removed) {
            audit.record(actor, workspace.id(), "member.remove", user.email(), null);
        }
        return removed;
    }

    User require(String email) {
        return find(email)
                .orElseThrow(() -> new IllegalArgumentException("no user " + email + " (see 'microreach user list')"));
    }
}
