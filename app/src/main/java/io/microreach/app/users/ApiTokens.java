package io.microreach.app.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: {@code mr_} and 43 characters of base64url (256 random bits), per user and workspace, scoped read or
 * write.
 *
 * <p>Only a SHA-256 digest of each token is stored. A fast digest is enough here, unlike for passwords: a token has
 * 256 bits of entropy, so nobody can guess one from its digest, and checking a request must stay cheap. A token is
 * found by its digest through a unique index, so the secret is never compared byte by byte with a stored secret and
 * response times depend on the digest, which an attacker cannot steer towards a stored one; the final comparison uses
 * {@link MessageDigest#isEqual}, which takes the same time whatever the bytes.
 */
@Service
public class ApiTokens {
    static final String PREFIX = "mr_";
    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;
    private static final int SHOWN = 10;
    /** last_used_at is a hint for owners, not a log: writing it at most once a minute keeps reads read-only. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Users users;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcTemplate jdbc, Users users, Workspaces workspaces, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Creates a token for a member of the workspace; a write token needs a role that may write. */
    @Transactional
    public IssuedToken create(String email, String workspaceName, TokenScope scope, String name, String actor) {
        User user = users.require(email);
        if (user.disabled()) {
            throw new IllegalArgumentException("user " + user.email() + " is disabled");
        }
        Workspace workspace = workspaces.require(workspaceName);
        Role role = user.memberships().stream()
                .filter(m -> m.workspaceId() == workspace.id())
                .map(Membership::role)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        user.email() + " is not a member of workspace '" + workspace.name() + "'"));
        if (scope == TokenScope.WRITE && !role.canWrite()) {
            throw new IllegalArgumentException(
                    user.email() + " is a viewer in '" + workspace.name() + "' and may only have read tokens there");
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, SHOWN);
        Long id = jdbc.queryForObject(
                "INSERT INTO api_token (user_id, workspace_id, name, scope, token_hash, prefix)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                Long.class,
                user.id(),
                workspace.id(),
                name == null || name.isBlank() ? null : name.strip(),
                scope.id(),
                digest(token),
                prefix);
        audit.record(actor, workspace.id(), "token.create", prefix + "… of " + user.email(), scope.id());
        return new IssuedToken(id, token, prefix, scope, workspace.name(), user.email());
    }

    /** Revokes a token; false when there is no such token or it was revoked already. */
    @Transactional
    public boolean revoke(long id, String actor) {
        List<Long> workspace = jdbc.queryForList(
                "UPDATE api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL RETURNING workspace_id",
                Long.class,
                id);
        if (workspace.isEmpty()) {
            return false;
        }
        audit.record(actor, workspace.get(0), "token.revoke", Long.toString(id), null);
        return true;
    }

    /** Tokens of one user (or everyone's, {@code email} null), newest first. */
    public List<ApiToken> list(String email) {
        return jdbc.query(
                "SELECT t.id, u.email, w.name, t.name, t.prefix, t.scope, t.created_at, t.last_used_at, t.revoked_at"
                        + " FROM api_token t JOIN app_user u ON u.id = t.user_id JOIN workspace w ON w.id ="
                        + " t.workspace_id WHERE CAST(? AS text) IS NULL OR u.email = ? ORDER BY t.id DESC",
                (rs, i) -> new ApiToken(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        TokenScope.of(rs.getString(6)),
                        instant(rs, 7),
                        instant(rs, 8),
                        instant(rs, 9)),
                email,
                email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Who a presented token speaks for: empty for anything that is not a live token of an enabled member (unknown,
     * revoked, of a disabled user, or of a user no longer in the token's workspace).
     */
    public Optional<TokenHolder> authenticate(String presented) {
        if (presented == null || presented.length() != TOKEN_LENGTH || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        List<Object[]> rows = jdbc.query(
                "SELECT t.id, u.id, u.email, w.id, w.name, t.scope, m.role, t.token_hash, t.last_used_at, u.is_admin"
                        + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                        + " JOIN workspace w ON w.id = t.workspace_id"
                        + " JOIN workspace_member m ON m.user_id = u.id AND m.workspace_id = w.id"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT u.disabled",
                (rs, i) -> new Object[] {
                    new TokenHolder(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getBoolean(10),
                            rs.getLong(4),
                            rs.getString(5),
                            TokenScope.of(rs.getString(6)),
                            Role.of(rs.getString(7))),
                    rs.getBytes(8),
                    instant(rs, 9)
                },
                (Object) digest);
        if (rows.isEmpty() || !MessageDigest.isEqual(digest, (byte[]) rows.get(0)[1])) {
            return Optional.empty();
        }
        TokenHolder holder = (TokenHolder) rows.get(0)[0];
        Instant lastUsed = (Instant) rows.get(0)[2];
        if (lastUsed == null || lastUsed.isBefore(Instant.now().minus(LAST_USED_PRECISION))) {
            jdbc.update(
                    "UPDATE api_token SET last_used_at = ? WHERE id = ?",
                    Timestamp.from(Instant.now()),
                    holder.tokenId());
        }
        return Optional.of(holder);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
