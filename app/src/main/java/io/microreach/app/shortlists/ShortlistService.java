package io.microreach.app.shortlists;

import static io.microreach.app.database.SqlColumns.instant;

import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import io.microreach.domain.TierBands;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's shortlists: create, rename and delete lists, add and remove accounts, read the entries with their
 * key metrics. Every statement is scoped to the workspace, so a list id of another workspace reads as unknown.
 * Adding an account twice keeps one entry (the primary key makes it idempotent, which is also what makes a double
 * click harmless).
 */
@Service
public class ShortlistService {
    /** Longest list name we accept; long enough for "Spring launch — vegan skincare, EU (v2)". */
    public static final int MAX_NAME_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final CurrentWorkspace workspace;
    private final AuditLog audit;

    public ShortlistService(JdbcTemplate jdbc, CurrentWorkspace workspace, AuditLog audit) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.audit = audit;
    }

    /** Every list of the workspace, by name. */
    public List<Shortlist> lists() {
        return jdbc.query(
                "SELECT s.id, s.name, (SELECT count(*) FROM shortlist_entry e WHERE e.workspace_id = s.workspace_id"
                        + " AND e.shortlist_id = s.id), s.created_at FROM shortlist s WHERE s.workspace_id = ?"
                        + " ORDER BY lower(s.name), s.id",
                (rs, i) -> new Shortlist(rs.getLong(1), rs.getString(2), rs.getInt(3), instant(rs, 4)),
                workspace());
    }

    public Optional<Shortlist> find(long listId) {
        return lists().stream().filter(s -> s.id() == listId).findFirst();
    }

    /** The list, or a NOT_FOUND problem naming {@code field}. */
    public Shortlist get(long listId) {
        return find(listId)
                .orElseThrow(() -> new ShortlistProblem(
                        ShortlistProblem.Kind.NOT_FOUND, "shortlistId", "no shortlist with id " + listId));
    }

    /** The lists holding the account, by name. */
    public List<Shortlist> listsContaining(long accountId) {
        return jdbc.query(
                "SELECT s.id, s.name, (SELECT count(*) FROM shortlist_entry x WHERE x.workspace_id = s.workspace_id"
                        + " AND x.shortlist_id = s.id), s.created_at FROM shortlist s JOIN shortlist_entry e"
                        + " ON e.workspace_id = s.workspace_id AND e.shortlist_id = s.id"
                        + " WHERE s.workspace_id = ? AND e.account_id = ? ORDER BY lower(s.name), s.id",
                (rs, i) -> new Shortlist(rs.getLong(1), rs.getString(2), rs.getInt(3), instant(rs, 4)),
                workspace(),
                accountId);
    }

    @Transactional
    public Shortlist create(String name) {
        String clean = validName(name);
        requireFreeName(clean, -1);
        try {
            Long id = jdbc.queryForObject(
                    "INSERT INTO shortlist (workspace_id, name) VALUES (?, ?) RETURNING id",
                    Long.class,
                    workspace(),
                    clean);
            audit("shortlist.create", clean, null);
            return get(id);
        } catch (DuplicateKeyException e) {
            throw duplicate(clean);
        }
    }

    @Transactional
    public Shortlist rename(long listId, String name) {
        String clean = validName(name);
        get(listId);
        requireFreeName(clean, listId);
        try {
            int n = jdbc.update(
                    "UPDATE shortlist SET name = ? WHERE workspace_id = ? AND id = ?", clean, workspace(), listId);
            if (n == 0) {
                throw notFound(listId);
            }
            audit("shortlist.rename", String.valueOf(listId), clean);
        } catch (DuplicateKeyException e) {
            throw duplicate(clean);
        }
        return get(listId);
    }

    /** Deletes the list and its entries (not the accounts). */
    @Transactional
    public void delete(long listId) {
        String name = get(listId).name();
        if (jdbc.update("DELETE FROM shortlist WHERE workspace_id = ? AND id = ?", workspace(), listId) == 0) {
            throw notFound(listId);
        }
        audit("shortlist.delete", name, null);
    }

    /** Adds the account; {@code false} when it was already on the list. */
    @Transactional
    public boolean add(long listId, long accountId) {
        get(listId);
        Integer exists = jdbc.queryForObject("SELECT count(*) FROM account WHERE id = ?", Integer.class, accountId);
        if (exists == null || exists == 0) {
            throw new ShortlistProblem(ShortlistProblem.Kind.NOT_FOUND, "accountId", "no account with id " + accountId);
        }
        boolean added = jdbc.update(
                        "INSERT INTO shortlist_entry (workspace_id, shortlist_id, account_id) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        workspace(),
                        listId,
                        accountId)
                == 1;
        if (added) {
            audit("shortlist.add", String.valueOf(listId), "account " + accountId);
        }
        return added;
    }

    /** The list an "add to shortlist" went to, and whether the account was new on it. */
    public record Addition(Shortlist target, boolean added) {}

    /**
     * "Add to shortlist" as the pages offer it: to a new list named {@code newName} (or the existing list of that name,
     * ignoring case) when a name is given, else to the list {@code listId}.
     */
    @Transactional
    public Addition addToListOrNew(long accountId, Long listId, String newName) {
        Shortlist target;
        if (newName != null && !newName.isBlank()) {
            target = lists().stream()
                    .filter(s -> s.name().equalsIgnoreCase(newName.strip()))
                    .findFirst()
                    .orElseGet(() -> create(newName));
        } else if (listId != null) {
            target = get(listId);
        } else {
            throw new ShortlistProblem(
                    ShortlistProblem.Kind.INVALID, "list", "choose a shortlist or type a name for a new one");
        }
        boolean added = add(target.id(), accountId);
        return new Addition(get(target.id()), added);
    }

    /** Removes the account; {@code false} when it was not on the list. */
    @Transactional
    public boolean remove(long listId, long accountId) {
        get(listId);
        boolean removed = jdbc.update(
                        "DELETE FROM shortlist_entry WHERE workspace_id = ? AND shortlist_id = ? AND account_id = ?",
                        workspace(),
                        listId,
                        accountId)
                == 1;
        if (removed) {
            audit("shortlist.remove", String.valueOf(listId), "account " + accountId);
        }
        return removed;
    }

    private void audit(String action, String target, String details) {
        audit.record(workspace.actor(), workspace(), action, target, details);
    }

    /** The list's accounts with their key metrics, most recently added first. */
    public List<ShortlistEntry> entries(long listId) {
        get(listId);
        return jdbc.query(
                "SELECT a.id, a.platform, a.handle, a.display_name, a.followers, s.trust_score, s.engagement_rate,"
                        + " s.engagement_rate_pct, s.suspicious_share, s.reply_rate, e.added_at"
                        + " FROM shortlist_entry e JOIN account a ON a.id = e.account_id"
                        + " LEFT JOIN account_score s ON s.account_id = a.id"
                        + " WHERE e.workspace_id = ? AND e.shortlist_id = ? ORDER BY e.added_at DESC, a.id",
                (rs, i) -> new ShortlistEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        TierBands.DEFAULT.tierOf(rs.getLong(5)).id(),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        (Double) rs.getObject(8),
                        (Double) rs.getObject(9),
                        (Double) rs.getObject(10),
                        instant(rs, 11)),
                workspace(),
                listId);
    }

    private long workspace() {
        return workspace.id();
    }

    private static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ShortlistProblem(ShortlistProblem.Kind.INVALID, "name", "a shortlist needs a name");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new ShortlistProblem(
                    ShortlistProblem.Kind.INVALID,
                    "name",
                    "at most " + MAX_NAME_LENGTH + " characters, got " + clean.length());
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new ShortlistProblem(ShortlistProblem.Kind.INVALID, "name", "control characters are not allowed");
        }
        return clean;
    }

    /** Names are unique ignoring case, so "Launch" and "launch" cannot both exist and confuse the picker. */
    private void requireFreeName(String name, long exceptId) {
        Integer taken = jdbc.queryForObject(
                "SELECT count(*) FROM shortlist WHERE workspace_id = ? AND lower(name) = lower(?) AND id <> ?",
                Integer.class,
                workspace(),
                name,
                exceptId);
        if (taken != null && taken > 0) {
            throw duplicate(name);
        }
    }

    private static ShortlistProblem notFound(long listId) {
        return new ShortlistProblem(ShortlistProblem.Kind.NOT_FOUND, "shortlistId", "no shortlist with id " + listId);
    }

    private static ShortlistProblem duplicate(String name) {
        return new ShortlistProblem(
                ShortlistProblem.Kind.CONFLICT, "name", "a shortlist named '" + name + "' already exists");
    }
}
