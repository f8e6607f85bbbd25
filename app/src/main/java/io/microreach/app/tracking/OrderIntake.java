package io.microreach.app.tracking;

import io.microreach.campaigns.Attribution;
import io.microreach.campaigns.AttributionRules;
import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.OrderEvent;
import io.microreach.campaigns.TrackedClick;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores orders exactly once per (workspace, shop order id), credited at arrival by the core's {@link
 * AttributionRules}: a promo code of one of the workspace's campaign creators (case-insensitive) wins; else the
 * order's click id, when it is a person's click (kind {@code click}) on a link of this workspace within the window of
 * that creator's campaign; else nobody. Clicks still in the click log's write buffer count.
 *
 * <p>Exactly once: one {@code INSERT … ON CONFLICT (workspace_id, order_id) DO UPDATE … WHERE stored.updated_at <
 * new.updated_at}, so PostgreSQL serialises concurrent deliveries of one order; a repeat or an older version (an
 * out-of-order delivery) changes nothing, a newer one replaces the row and its attribution. Deliveries arriving
 * together are credited and stored together ({@link OrderWriter}): one query for all their promo codes, one for all
 * their click ids, one statement and one commit, whatever the batch size.
 */
@Service
public class OrderIntake {
    private final JdbcTemplate jdbc;
    private final ClickLog clicks;
    private final OrderWriter writer;

    OrderIntake(JdbcTemplate jdbc, ClickLog clicks) {
        this.jdbc = jdbc;
        this.clicks = clicks;
        this.writer = new OrderWriter(jdbc, this::credit);
    }

    /** A click with its campaign's attribution window. */
    private record WindowedClick(TrackedClick click, int windowDays) {}

    /** Stores (or updates, or ignores) one order of the workspace. */
    public IngestOutcome ingest(long workspaceId, OrderSource source, IncomingOrder order) {
        OrderWriter.Submitted submitted = new OrderWriter.Submitted(workspaceId, source, order);
        // Inside the caller's transaction the order must be written with it (its creators may not be committed
        // yet, and a rollback must take the order too); only a delivery on its own joins the shared batches.
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? writer.writeAll(List.of(submitted)).get(0)
                : writer.write(submitted);
    }

    /** Stores the orders of one import chunk in one statement; the outcomes are in the orders' order. */
    public List<IngestOutcome> ingestAll(long workspaceId, OrderSource source, List<IncomingOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<OrderWriter.Submitted> submitted = new ArrayList<>(orders.size());
        for (IncomingOrder o : orders) {
            submitted.add(new OrderWriter.Submitted(workspaceId, source, o));
        }
        return writer.writeAll(submitted);
    }

    /** Credits a batch: the lookups are made once per workspace for all its orders. */
    private List<OrderWriter.Row> credit(List<OrderWriter.Submitted> batch) {
        Map<Long, List<OrderWriter.Submitted>> byWorkspace = new LinkedHashMap<>();
        for (OrderWriter.Submitted s : batch) {
            byWorkspace.computeIfAbsent(s.workspaceId(), w -> new ArrayList<>()).add(s);
        }
        Map<Long, Map<String, Long>> codes = new HashMap<>();
        Map<Long, Map<String, WindowedClick>> found = new HashMap<>();
        byWorkspace.forEach((ws, orders) -> {
            Set<String> wanted = new LinkedHashSet<>();
            Set<String> clickIds = new LinkedHashSet<>();
            for (OrderWriter.Submitted s : orders) {
                s.order().promoCodes().forEach(c -> wanted.add(c.toUpperCase(Locale.ROOT)));
                if (s.order().event().clickId() != null) {
                    clickIds.add(s.order().event().clickId());
                }
            }
            codes.put(ws, creatorsByCode(ws, wanted));
            found.put(ws, clicks(ws, clickIds));
        });
        List<OrderWriter.Row> rows = new ArrayList<>(batch.size());
        for (OrderWriter.Submitted s : batch) {
            Map<String, Long> known = codes.get(s.workspaceId());
            Map<String, WindowedClick> windowed = found.get(s.workspaceId());
            OrderEvent event = withKnownCode(s.order(), known);
            Optional<WindowedClick> click =
                    event.clickId() == null ? Optional.empty() : Optional.ofNullable(windowed.get(event.clickId()));
            Duration window = click.map(c -> Duration.ofDays(c.windowDays())).orElse(AttributionRules.DEFAULT_WINDOW);
            Attribution a = new AttributionRules(window)
                    .attribute(
                            event,
                            code -> {
                                Long id = known.get(code.toUpperCase(Locale.ROOT));
                                return id == null ? OptionalLong.empty() : OptionalLong.of(id);
                            },
                            id -> click.map(WindowedClick::click));
            rows.add(new OrderWriter.Row(
                    s.workspaceId(),
                    event.orderId(),
                    event.createdAt(),
                    s.order().updatedAt(),
                    event.total(),
                    event.currency(),
                    event.promoCode(),
                    event.clickId(),
                    s.order().lineItemsJson(),
                    s.source(),
                    a.creatorId(),
                    a.basis().name().toLowerCase(Locale.ROOT),
                    a.reason()));
        }
        return rows;
    }

    /** Of several discount codes, the first that belongs to a creator (else the first). */
    private static OrderEvent withKnownCode(IncomingOrder order, Map<String, Long> known) {
        OrderEvent e = order.event();
        if (order.promoCodes().size() < 2) {
            return e;
        }
        for (String code : order.promoCodes()) {
            if (known.containsKey(code.toUpperCase(Locale.ROOT))) {
                return new OrderEvent(e.orderId(), e.createdAt(), e.total(), e.currency(), code, e.clickId());
            }
        }
        return e;
    }

    /** The creators owning these promo codes (upper case) in the workspace. */
    private Map<String, Long> creatorsByCode(long workspaceId, Set<String> upperCodes) {
        Map<String, Long> byCode = new HashMap<>();
        if (upperCodes.isEmpty()) {
            return byCode;
        }
        jdbc.query(
                (Connection con) -> {
                    var st = con.prepareStatement("SELECT upper(promo_code), id FROM campaign_creator"
                            + " WHERE workspace_id = ? AND upper(promo_code) = ANY(?)");
                    st.setLong(1, workspaceId);
                    st.setArray(2, con.createArrayOf("text", upperCodes.toArray(String[]::new)));
                    return st;
                },
                rs -> {
                    byCode.put(rs.getString(1), rs.getLong(2));
                });
        return byCode;
    }

    /** The people's clicks (not robots') of the workspace among these ids, buffered ones included. */
    private Map<String, WindowedClick> clicks(long workspaceId, Set<String> clickIds) {
        Map<String, WindowedClick> out = new HashMap<>();
        if (clickIds.isEmpty()) {
            return out;
        }
        List<String> stored = new ArrayList<>();
        Map<Long, List<PendingClick>> pendingByCreator = new HashMap<>();
        for (String id : clickIds) {
            Optional<PendingClick> pending = clicks.unwritten(id);
            if (pending.isEmpty()) {
                stored.add(id);
            } else if (pending.get().workspaceId() == workspaceId
                    && pending.get().kind() == ClickKind.CLICK) {
                pendingByCreator
                        .computeIfAbsent(pending.get().creatorId(), c -> new ArrayList<>())
                        .add(pending.get());
            }
        }
        if (!pendingByCreator.isEmpty()) {
            jdbc.query(
                    (Connection con) -> {
                        var st = con.prepareStatement("SELECT cc.id, c.attribution_window_days FROM campaign_creator cc"
                                + " JOIN campaign c ON c.id = cc.campaign_id WHERE cc.id = ANY(?)");
                        st.setArray(
                                1,
                                con.createArrayOf(
                                        "bigint", pendingByCreator.keySet().toArray(Long[]::new)));
                        return st;
                    },
                    rs -> {
                        for (PendingClick p : pendingByCreator.get(rs.getLong(1))) {
                            out.put(
                                    p.clickId(),
                                    new WindowedClick(
                                            new TrackedClick(p.clickId(), p.creatorId(), p.at()), rs.getInt(2)));
                        }
                    });
        }
        if (!stored.isEmpty()) {
            jdbc.query(
                    (Connection con) -> {
                        var st = con.prepareStatement("SELECT k.click_id, k.campaign_creator_id, k.clicked_at,"
                                + " c.attribution_window_days FROM campaign_click k"
                                + " JOIN campaign_creator cc ON cc.id = k.campaign_creator_id"
                                + " JOIN campaign c ON c.id = cc.campaign_id"
                                + " WHERE k.click_id = ANY(?) AND k.workspace_id = ? AND k.kind = 'click'");
                        st.setArray(1, con.createArrayOf("text", stored.toArray(String[]::new)));
                        st.setLong(2, workspaceId);
                        return st;
                    },
                    rs -> {
                        String id = rs.getString(1);
                        out.put(
                                id,
                                new WindowedClick(
                                        new TrackedClick(
                                                id,
                                                rs.getLong(2),
                                                rs.getTimestamp(3).toInstant()),
                                        rs.getInt(4)));
                    });
        }
        return out;
    }

    /** Stores what is queued, then stops the writer. */
    @PreDestroy
    void close() {
        writer.close();
    }
}
