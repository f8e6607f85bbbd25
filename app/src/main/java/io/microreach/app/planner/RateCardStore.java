package io.microreach.app.planner;

import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import io.microreach.pricing.AgreedPrice;
import io.microreach.pricing.Deliverable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rate cards and negotiated prices (table {@code negotiated_price}) of the caller's workspace ({@link CurrentWorkspace}). For each
 * deliverable the price in force today wins: the newest valid_from that is not in the future (an undated one counts
 * from when it was entered), and on the same day a negotiated price beats the rate card.
 */
@Component
public class RateCardStore {
    /** One stored price. */
    public record RateCardEntry(
            String deliverable,
            BigDecimal amount,
            String currency,
            String kind,
            LocalDate validFrom,
            LocalDate entered) {
        AgreedPrice agreed() {
            return new AgreedPrice(amount.doubleValue(), currency, "negotiated".equals(kind), validFrom, entered);
        }
    }

    private static final String IN_FORCE = "SELECT DISTINCT ON (account_id, deliverable) account_id, deliverable,"
            + " amount, currency, kind, valid_from, created_at::date FROM negotiated_price WHERE workspace_id = ?"
            + " AND account_id = ANY(?) AND (valid_from IS NULL OR valid_from <= current_date)"
            + " ORDER BY account_id, deliverable, coalesce(valid_from, created_at::date) DESC,"
            + " (kind = 'negotiated') DESC, created_at DESC";

    private final JdbcTemplate jdbc;

    private final CurrentWorkspace workspace;
    private final AuditLog audit;

    public RateCardStore(JdbcTemplate jdbc, CurrentWorkspace workspace, AuditLog audit) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.audit = audit;
    }

    /** The prices in force today of one account, one per deliverable. */
    public List<RateCardEntry> read(long accountId) {
        return jdbc.query(IN_FORCE, (rs, i) -> entry(rs), workspace.id(), new Long[] {accountId});
    }

    /** The prices in force today of the given accounts: account → deliverable id → price. */
    Map<Long, Map<String, AgreedPrice>> inForce(Collection<Long> accountIds) {
        Map<Long, Map<String, AgreedPrice>> out = new HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                IN_FORCE,
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), x -> new HashMap<>())
                            .put(rs.getString(2), entry(rs).agreed());
                },
                workspace.id(),
                accountIds.toArray(Long[]::new));
        return out;
    }

    /** Every stored price of one account, newest first (including future and replaced ones). */
    public List<RateCardEntry> history(long accountId) {
        return jdbc.query(
                "SELECT account_id, deliverable, amount, currency, kind, valid_from, created_at::date"
                        + " FROM negotiated_price WHERE workspace_id = ? AND account_id = ?"
                        + " ORDER BY coalesce(valid_from, created_at::date) DESC, created_at DESC",
                (rs, i) -> entry(rs),
                workspace.id(),
                accountId);
    }

    private static RateCardEntry entry(ResultSet rs) throws SQLException {
        Date from = rs.getDate(6);
        Date entered = rs.getDate(7);
        return new RateCardEntry(
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getString(4).trim(),
                rs.getString(5),
                from == null ? null : from.toLocalDate(),
                entered == null ? null : entered.toLocalDate());
    }

    /** Sets the undated rate-card price of one deliverable (replacing the previous undated one). */
    public void upsert(long accountId, Deliverable deliverable, BigDecimal amount, String currency) {
        upsert(accountId, deliverable, amount, currency, false, null);
    }

    /** Sets the price of one deliverable, kind and start day, replacing the one with the same kind and start day. */
    public void upsert(
            long accountId,
            Deliverable deliverable,
            BigDecimal amount,
            String currency,
            boolean negotiated,
            LocalDate validFrom) {
        String kind = negotiated ? "negotiated" : "rate_card";
        jdbc.update(
                "DELETE FROM negotiated_price WHERE workspace_id = ? AND account_id = ?"
                        + " AND deliverable = ? AND kind = ? AND valid_from IS NOT DISTINCT FROM CAST(? AS date)",
                workspace.id(),
                accountId,
                deliverable.id(),
                kind,
                validFrom == null ? null : Date.valueOf(validFrom));
        jdbc.update(
                "INSERT INTO negotiated_price (workspace_id, account_id, deliverable, amount, currency, kind,"
                        + " valid_from) VALUES (?, ?, ?, ?, ?, ?, ?)",
                workspace.id(),
                accountId,
                deliverable.id(),
                amount,
                currency,
                kind,
                validFrom == null ? null : Date.valueOf(validFrom));
        audit.record(
                workspace.actor(),
                workspace.id(),
                "price.set",
                "account " + accountId,
                kind + " " + deliverable.id() + " " + amount.toPlainString() + " " + currency
                        + (validFrom == null ? "" : " from " + validFrom));
    }
}
