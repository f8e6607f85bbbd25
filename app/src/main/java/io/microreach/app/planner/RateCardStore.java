package io.microreach.app.planner;

import io.microreach.pricing.Deliverable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Rate cards (table {@code negotiated_price}) of the workspace named 'default'; the newest valid_from wins. */
@Component
public class RateCardStore {
    /** One rate-card entry. */
    public record RateCardEntry(String deliverable, BigDecimal amount, String currency) {}

    private final JdbcTemplate jdbc;

    public RateCardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RateCardEntry> read(long accountId) {
        return jdbc.query(
                "SELECT DISTINCT ON (deliverable) deliverable, amount, currency FROM negotiated_price"
                        + " WHERE workspace_id = (SELECT id FROM workspace WHERE name = 'default') AND account_id = ?"
                        + " ORDER BY deliverable, valid_from DESC NULLS LAST, created_at DESC",
                (rs, i) -> new RateCardEntry(
                        rs.getString(1), rs.getBigDecimal(2), rs.getString(3).trim()),
                accountId);
    }

    /** Sets the undated price of one deliverable (replacing the previous undated one). */
    public void upsert(long accountId, Deliverable deliverable, BigDecimal amount, String currency) {
        jdbc.update(
                "DELETE FROM negotiated_price WHERE workspace_id = (SELECT id FROM workspace WHERE name = 'default')"
                        + " AND account_id = ? AND deliverable = ? AND valid_from IS NULL",
                accountId,
                deliverable.id());
        jdbc.update(
                "INSERT INTO negotiated_price (workspace_id, account_id, deliverable, amount, currency)"
                        + " VALUES ((SELECT id FROM workspace WHERE name = 'default'), ?, ?, ?, ?)",
                accountId,
                deliverable.id(),
                amount,
                currency);
    }

    public List<RateCardEntry> readAll(long accountId) {
        return new ArrayList<>(read(accountId));
    }
}
