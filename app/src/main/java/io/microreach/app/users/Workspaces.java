package io.microreach.app.users;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces: created by name, listed with their member counts. */
@Service
public class Workspaces {
    private static final int MAX_NAME = 80;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public Workspaces(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a workspace needs a name");
        }
        if (n.length() > MAX_NAME) {
            throw new IllegalArgumentException("a workspace name has at most " + MAX_NAME + " characters");
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a workspace name must not contain control characters");
        }
        return n;
    }

    @Transactional
    public Workspace create(String name, String actor) {
        String n = checkedName(name);
        if (find(n).isPresent()) {
            throw new IllegalArgumentException("a workspace '" + n + "' exists already");
        }
        jdbc.update("INSERT INTO workspace (name) VALUES (?)", n);
        Workspace w = find(n).orElseThrow();
        audit.record(actor, w.id(), "workspace.add", n, null);
        return w;
    }

    /** The workspace named {@code name}, created if it does not exist yet. */
    @Transactional
    public Workspace findOrCreate(String name, String actor) {
        return find(checkedName(name)).orElseGet(() -> create(name, actor));
    }

    public Optional<Workspace> find(String name) {
        return jdbc
                .query(
                        "SELECT w.id, w.name, w.created_at, (SELECT count(*) FROM workspace_member m"
                                + " WHERE m.workspace_id = w.id) FROM workspace w WHERE w.name = ?",
                        (rs, i) -> new Workspace(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getInt(4)),
                        name == null ? "" : name.strip())
                .stream()
                .findFirst();
    }

    public Workspace require(String name) {
        return find(name)
                .orElseThrow(() ->
                        new IllegalArgumentException("no workspace '" + name + "' (see 'microreach workspace list')"));
    }

    public Optional<Workspace> find(long id) {
        return jdbc.queryForList("SELECT name FROM workspace WHERE id = ?", String.class, id).stream()
                .findFirst()
                .flatMap(this::find);
    }

    /** The workspace's members with their roles, owners first. */
    public List<Member> members(long workspaceId) {
        return jdbc.query(
                "SELECT u.id, u.email, m.role, u.disabled, u.last_sign_in_at FROM workspace_member m"
                        + " JOIN app_user u ON u.id = m.user_id WHERE m.workspace_id = ?"
                        + " ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, u.email",
                (rs, i) -> new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        Role.of(rs.getString(3)),
                        rs.getBoolean(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
                workspaceId);
    }

    public List<Workspace> list() {
        return jdbc.query(
                "SELECT w.id, w.name, w.created_at, (SELECT count(*) FROM workspace_member m"
                        + " WHERE m.workspace_id = w.id) FROM workspace w ORDER BY w.name",
                (rs, i) -> new Workspace(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)));
    }
}
