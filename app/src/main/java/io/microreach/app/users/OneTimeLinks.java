package io.microreach.app.users;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links that work once and expire: the demo's sign-in link, invitations into a workspace and password resets. The
 * secret in the link has 256 random bits and only its SHA-256 digest is stored (as for API tokens, see
 * {@link ApiTokens}), so a copy of the database opens nothing. Using a link is one atomic update, so two clicks
 * racing each other cannot both succeed.
 */
@Service
public class OneTimeLinks {
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;
    private static final String COLUMNS = "id, purpose, user_id, workspace_id, role, created_by, expires_at";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public OneTimeLinks(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A sign-in link for the user, opening {@code workspaceId}; returns the secret to put in the link. */
    public String signIn(long userId, Long workspaceId, Duration valid, String actor) {
        audit.record(actor, workspaceId, "link.sign-in", String.valueOf(userId), null);
        return create(OneTimeLink.Purpose.SIGN_IN, userId, workspaceId, null, valid, actor);
    }

    /** An invitation into the workspace with a role, for whoever opens it first. */
    public String invitation(long workspaceId, Role role, Duration valid, String actor) {
        audit.record(actor, workspaceId, "invitation.create", role.id(), "valid " + valid.toHours() + " h");
        return create(OneTimeLink.Purpose.INVITATION, null, workspaceId, role, valid, actor);
    }

    /** A password-reset link for the user. */
    public String passwordReset(long userId, Duration valid, String actor) {
        audit.record(actor, null, "password.reset-link", String.valueOf(userId), null);
        return create(OneTimeLink.Purpose.PASSWORD_RESET, userId, null, null, valid, actor);
    }

    private String create(
            OneTimeLink.Purpose purpose, Long userId, Long workspaceId, Role role, Duration valid, String actor) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO one_time_link (purpose, token_hash, user_id, workspace_id, role, created_by, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                purpose.id(),
                ApiTokens.digest(token),
                userId,
                workspaceId,
                role == null ? null : role.id(),
                actor,
                Timestamp.from(Instant.now().plus(valid)));
        return token;
    }

    /** The live link with this secret and purpose, without using it up (to show what it would do). */
    public Optional<OneTimeLink> peek(OneTimeLink.Purpose purpose, String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM one_time_link WHERE token_hash = ? AND purpose = ?"
                                + " AND used_at IS NULL AND expires_at > now()",
                        MAPPER,
                        ApiTokens.digest(token),
                        purpose.id())
                .stream()
                .findFirst();
    }

    /** Uses the link up: empty when it is unknown, used, expired or for something else. */
    @Transactional
    public Optional<OneTimeLink> use(OneTimeLink.Purpose purpose, String token, Long usedBy) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        List<OneTimeLink> used = jdbc.query(
                "UPDATE one_time_link SET used_at = now(), used_by = ? WHERE token_hash = ? AND purpose = ?"
                        + " AND used_at IS NULL AND expires_at > now() RETURNING " + COLUMNS,
                MAPPER,
                usedBy,
                ApiTokens.digest(token),
                purpose.id());
        return used.stream().findFirst();
    }

    /** The invitations of a workspace still open, newest first. */
    public List<OneTimeLink> openInvitations(long workspaceId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM one_time_link WHERE purpose = 'invitation' AND workspace_id = ?"
                        + " AND used_at IS NULL AND expires_at > now() ORDER BY created_at DESC, id DESC",
                MAPPER,
                workspaceId);
    }

    /** Withdraws an open invitation of the workspace. */
    public boolean withdraw(long workspaceId, long linkId, String actor) {
        boolean done = jdbc.update(
                        "UPDATE one_time_link SET expires_at = now() WHERE id = ? AND workspace_id = ?"
                                + " AND purpose = 'invitation' AND used_at IS NULL",
                        linkId,
                        workspaceId)
                > 0;
        if (done) {
            audit.record(actor, workspaceId, "invitation.withdraw", String.valueOf(linkId), null);
        }
        return done;
    }

    private static boolean wellFormed(String token) {
        return token != null
                && token.length() == SECRET_LENGTH
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static final RowMapper<OneTimeLink> MAPPER = (rs, i) -> new OneTimeLink(
            rs.getLong(1),
            OneTimeLink.Purpose.of(rs.getString(2)),
            (Long) rs.getObject(3),
            (Long) rs.getObject(4),
            rs.getString(5) == null ? null : Role.of(rs.getString(5)),
            rs.getString(6),
            rs.getTimestamp(7).toInstant());
}
