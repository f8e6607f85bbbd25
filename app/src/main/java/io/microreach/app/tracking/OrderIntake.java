package io.microreach.app.tracking;

import io.microreach.campaigns.Attribution;
import io.microreach.campaigns.AttributionRules;
import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.OrderEvent;
import io.microreach.campaigns.TrackedClick;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Stores orders exactly once per (workspace, shop order id), credited at arrival by the core's {@link
 * AttributionRules}: a promo code of one of the workspace's campaign creators (case-insensitive) wins; else the
 * order's click id, when it is a person's click (kind {@code click}) on a link of this workspace within the window of
 * that creator's campaign; else nobody. Clicks still in the click log's write buffer count.
 *
 * <p>Exactly once: one {@code INSERT … ON CONFLICT (workspace_id, order_id) DO UPDATE … WHERE stored.updated_at <
 * new.updated_at}, so PostgreSQL serialises concurrent deliveries of one order; a repeat or an older version (an
 * out-of-order delivery) changes nothing, a newer one replaces the row and its attribution.
 */
@Service
public class OrderIntake {
    private static final String UPSERT = "INSERT INTO campaign_order (workspace_id, order_id, created_at, updated_at,"
            + " total, currency, promo_code, click_id, line_items, source, campaign_creator_id, attribution_basis,"
            + " attribution_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
            + " ON CONFLICT (workspace_id, order_id) DO UPDATE SET created_at = EXCLUDED.created_at,"
            + " updated_at = EXCLUDED.updated_at, total = EXCLUDED.total, currency = EXCLUDED.currency,"
            + " promo_code = EXCLUDED.promo_code, click_id = EXCLUDED.click_id, line_items = EXCLUDED.line_items,"
            + " source = EXCLUDED.source, campaign_creator_id = EXCLUDED.campaign_creator_id,"
            + " attribution_basis = EXCLUDED.attribution_basis, attribution_reason = EXCLUDED.attribution_reason,"
            + " received_at = now()"
            + " WHERE campaign_order.updated_at < EXCLUDED.updated_at"
            + " RETURNING (xmax = 0)";

    private final JdbcTemplate jdbc;
    private final ClickLog clicks;

    OrderIntake(JdbcTemplate jdbc, ClickLog clicks) {
        this.jdbc = jdbc;
        this.clicks = clicks;
    }

    /** A click with its campaign's attribution window. */
    private record WindowedClick(TrackedClick click, int windowDays) {}

    /** Stores (or updates, or ignores) one order of the workspace. */
    public IngestOutcome ingest(long workspaceId, OrderSource source, IncomingOrder order) {
        OrderEvent event = withKnownCode(workspaceId, order);
        Attribution a = attribute(workspaceId, event);
        List<Boolean> inserted = jdbc.query(
                UPSERT,
                (rs, i) -> rs.getBoolean(1),
                workspaceId,
                event.orderId(),
                Timestamp.from(event.createdAt()),
                Timestamp.from(order.updatedAt()),
                event.total(),
                event.currency(),
                event.promoCode(),
                event.clickId(),
                order.lineItemsJson(),
                source.dbValue(),
                a.creatorId(),
                a.basis().name().toLowerCase(Locale.ROOT),
                a.reason());
        if (inserted.isEmpty()) {
            return IngestOutcome.UNCHANGED;
        }
        return inserted.get(0) ? IngestOutcome.STORED : IngestOutcome.UPDATED;
    }

    /** Credits an order of the workspace as it would be stored now (nothing is written). */
    public Attribution attribute(long workspaceId, OrderEvent event) {
        Optional<WindowedClick> click =
                event.clickId() == null ? Optional.empty() : click(workspaceId, event.clickId());
        Duration window = click.map(c -> Duration.ofDays(c.windowDays())).orElse(AttributionRules.DEFAULT_WINDOW);
        return new AttributionRules(window)
                .attribute(event, code -> creatorByCode(workspaceId, code), id -> click.map(WindowedClick::click));
    }

    /** Of several discount codes, the first that belongs to a creator (else the first). */
    private OrderEvent withKnownCode(long workspaceId, IncomingOrder order) {
        OrderEvent e = order.event();
        if (order.promoCodes().size() < 2) {
            return e;
        }
        for (String code : order.promoCodes()) {
            if (creatorByCode(workspaceId, code).isPresent()) {
                return new OrderEvent(e.orderId(), e.createdAt(), e.total(), e.currency(), code, e.clickId());
            }
        }
        return e;
    }

    private OptionalLong creatorByCode(long workspaceId, String code) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM campaign_creator WHERE workspace_id = ? AND upper(promo_code) = upper(?)",
                Long.class,
                workspaceId,
                code);
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }

    private Optional<WindowedClick> click(long workspaceId, String clickId) {
        Optional<PendingClick> pending = clicks.unwritten(clickId);
        if (pending.isPresent()) {
            PendingClick p = pending.get();
            if (p.workspaceId() != workspaceId || p.kind() != ClickKind.CLICK) {
                return Optional.empty();
            }
            List<Integer> window = jdbc.queryForList(
                    "SELECT c.attribution_window_days FROM campaign_creator cc JOIN campaign c ON c.id = cc.campaign_id"
                            + " WHERE cc.id = ?",
                    Integer.class,
                    p.creatorId());
            return window.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new WindowedClick(new TrackedClick(clickId, p.creatorId(), p.at()), window.get(0)));
        }
        return jdbc
                .query(
                        "SELECT k.campaign_creator_id, k.clicked_at, c.attribution_window_days FROM campaign_click k"
                                + " JOIN campaign_creator cc ON cc.id = k.campaign_creator_id"
                                + " JOIN campaign c ON c.id = cc.campaign_id"
                                + " WHERE k.click_id = ? AND k.workspace_id = ? AND k.kind = 'click'",
                        (rs, i) -> new WindowedClick(
                                new TrackedClick(
                                        clickId,
                                        rs.getLong(1),
                                        rs.getTimestamp(2).toInstant()),
                                rs.getInt(3)),
                        clickId,
                        workspaceId)
                .stream()
                .findFirst();
    }
}
