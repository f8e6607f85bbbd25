package io.microreach.app.users;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who changed what and when: sign-ins, users, roles, tokens, imports, deletions, plan and campaign changes. Rows are
 * only ever added; an actor is a user's e-mail, or {@code cli:<os user>} for the command line.
 */
@Service
public class AuditLog {
    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The actor name of the command line: the operating-system user who ran it. */
    public static String commandLine() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    public void record(String actor, Long workspaceId, String action, String target, String details) {
        jdbc.update(
                "INSERT INTO audit_event (user_id, actor, workspace_id, action, target, details)"
                        + " VALUES ((SELECT id FROM app_user WHERE email = ?), ?, ?, ?, ?, ?)",
                actor,
                actor,
                workspaceId,
                action,
                target,
                details);
    }

    /** Events at or after {@code since}, oldest first; {@code workspaceId} null: every workspace's and none. */
    public List<AuditEvent> since(Instant since, Long workspaceId, int limit) {
        return jdbc.query(
                "SELECT e.id, e.at, e.actor, w.name, e.action, e.target, e.details FROM audit_event e"
                        + " LEFT JOIN workspace w ON w.id = e.workspace_id WHERE e.at >= ?"
                        + " AND (CAST(? AS bigint) IS NULL OR e.workspace_id = ?) ORDER BY e.at, e.id LIMIT ?",
                (rs, i) -> new AuditEvent(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)),
                Timestamp.from(since),
                workspaceId,
                workspaceId,
                limit);
    }
}
