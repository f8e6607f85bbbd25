package io.microreach.app.tracking;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group commit for orders. Every delivery must be durable before the webhook answers 200 (a shop does not send an
 * acknowledged order again), and with {@code synchronous_commit} on each commit waits for a WAL flush; one commit per
 * delivery makes that flush, plus a round trip, the price of every order. So concurrent deliveries are queued and one
 * writer thread stores whatever has gathered in one statement (one round trip, one commit); each delivery's thread
 * waits for its batch and answers with its own outcome. Under light load a batch is a single order and nothing is
 * delayed; under heavy load the batches grow and the cost per order falls. This is the classic group commit of
 * database logs (Gawlick and Kinkade, "Varieties of concurrency control in IMS/VS Fast Path", 1985), done one level
 * up because PostgreSQL's own {@code commit_delay} still costs a statement and a commit per order.
 *
 * <p>One statement may not update a row twice, so a batch holding several versions of one order keeps the newest
 * (the first of equals) and the others are answered {@link IngestOutcome#UNCHANGED}, which is what they would have
 * been one after another. When a batch fails (the database away, a value it refuses), each of its orders is tried
 * alone, so one bad order does not fail the others.
 */
final class OrderWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OrderWriter.class);
    private static final int MAX_BATCH = 500;
    private static final int MAX_QUEUED = 20_000;
    private static final long WAIT_SECONDS = 30;

    private static final String UPSERT = "INSERT INTO campaign_order (workspace_id, order_id, created_at, updated_at,"
            + " total, currency, promo_code, click_id, line_items, source, campaign_creator_id, attribution_basis,"
            + " attribution_reason)"
            + " SELECT v.ws, v.oid, v.cat::timestamptz, v.uat::timestamptz, v.tot::numeric, v.cur, v.pc, v.ck,"
            + " v.li::jsonb, v.src, cc.id, v.basis, v.reason"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])"
            + " AS v(ws, oid, cat, uat, tot, cur, pc, ck, li, src, cc, basis, reason)"
            // A creator removed since the attribution was decided: the order keeps its basis and loses the creator,
            // as it would have had it arrived a moment earlier (the column is ON DELETE SET NULL).
            + " LEFT JOIN campaign_creator cc ON cc.id = v.cc"
            + " ON CONFLICT (workspace_id, order_id) DO UPDATE SET created_at = EXCLUDED.created_at,"
            + " updated_at = EXCLUDED.updated_at, total = EXCLUDED.total, currency = EXCLUDED.currency,"
            + " promo_code = EXCLUDED.promo_code, click_id = EXCLUDED.click_id, line_items = EXCLUDED.line_items,"
            + " source = EXCLUDED.source, campaign_creator_id = EXCLUDED.campaign_creator_id,"
            + " attribution_basis = EXCLUDED.attribution_basis, attribution_reason = EXCLUDED.attribution_reason,"
            + " received_at = now()"
            + " WHERE campaign_order.updated_at < EXCLUDED.updated_at"
            + " RETURNING workspace_id, order_id, (xmax = 0)";

    /** One order ready to store: its attribution is decided. */
    record Row(
            long workspaceId,
            String orderId,
            Instant createdAt,
            Instant updatedAt,
            BigDecimal total,
            String currency,
            String promoCode,
            String clickId,
            String lineItemsJson,
            OrderSource source,
            Long creatorId,
            String basis,
            String reason) {}

    /** A delivery as it arrived: attribution is decided in its batch. */
    record Submitted(long workspaceId, OrderSource source, IncomingOrder order) {}

    private record Pending(Submitted order, CompletableFuture<IngestOutcome> done) {}

    private record Key(long workspaceId, String orderId) {}

    private final JdbcTemplate jdbc;
    private final Function<List<Submitted>, List<Row>> attribution;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param attribution decides the credit of a batch's orders, in their order (a few queries for the whole batch)
     */
    OrderWriter(JdbcTemplate jdbc, Function<List<Submitted>, List<Row>> attribution) {
        this.jdbc = jdbc;
        this.attribution = attribution;
        this.writer = new Thread(this::run, "order-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Credits and stores one order in the next batch and waits until that batch is committed. */
    IngestOutcome write(Submitted order) {
        if (closed) {
            return writeAll(List.of(order)).get(0);
        }
        CompletableFuture<IngestOutcome> done = new CompletableFuture<>();
        try {
            if (!queue.offer(new Pending(order, done), WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new DataAccessResourceFailureException(
                        "orders arrive faster than the database stores them: " + MAX_QUEUED + " waiting");
            }
            return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while storing an order", e);
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("storing an order took over " + WAIT_SECONDS + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stores the orders in one statement, now, in the caller's thread (an import's chunk); the outcomes are in the
     * rows' order. When the statement fails, each order is tried alone and the first failure is thrown after the
     * others were stored.
     */
    List<IngestOutcome> writeAll(List<Submitted> orders) {
        List<Row> rows = attribution.apply(orders);
        try {
            return upsert(rows);
        } catch (RuntimeException batchFailed) {
            if (rows.size() == 1) {
                throw batchFailed;
            }
            List<IngestOutcome> outcomes = new ArrayList<>(rows.size());
            RuntimeException first = null;
            for (Row r : rows) {
                try {
                    outcomes.add(upsert(List.of(r)).get(0));
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                    outcomes.add(null);
                }
            }
            if (first != null) {
                throw first;
            }
            return outcomes;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                closed = true;
            } catch (RuntimeException e) {
                LOG.error("Order writer: unexpected failure", e);
            } finally {
                for (Pending p : batch) {
                    p.done().completeExceptionally(new IllegalStateException("the order writer stopped"));
                }
                batch.clear();
            }
        }
    }

    /** Writes a batch from the queue and answers each waiting delivery. */
    private void store(List<Pending> batch) {
        List<Submitted> orders = new ArrayList<>(batch.size());
        batch.forEach(p -> orders.add(p.order()));
        try {
            List<Row> rows = attribution.apply(orders);
            List<IngestOutcome> outcomes = upsert(rows);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(outcomes.get(i));
            }
        } catch (RuntimeException batchFailed) {
            for (Pending p : batch) {
                try {
                    p.done()
                            .complete(upsert(attribution.apply(List.of(p.order())))
                                    .get(0));
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(e);
                }
            }
        }
    }

    /** One statement for the rows, newest version per order; outcomes in the rows' order. */
    private List<IngestOutcome> upsert(List<Row> rows) {
        Map<Key, Integer> newest = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            newest.merge(
                    new Key(r.workspaceId(), r.orderId()),
                    i,
                    (a, b) -> rows.get(b).updatedAt().isAfter(rows.get(a).updatedAt()) ? b : a);
        }
        List<Row> written = new ArrayList<>(newest.size());
        for (int i = 0; i < rows.size(); i++) {
            if (newest.get(new Key(rows.get(i).workspaceId(), rows.get(i).orderId())) == i) {
                written.add(rows.get(i));
            }
        }
        Map<Key, Boolean> changed = jdbc.execute((Connection con) -> execute(con, written));
        List<IngestOutcome> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Key k = new Key(rows.get(i).workspaceId(), rows.get(i).orderId());
            Boolean inserted = newest.get(k) == i ? changed.get(k) : null;
            outcomes.add(
                    inserted == null
                            ? IngestOutcome.UNCHANGED
                            : inserted ? IngestOutcome.STORED : IngestOutcome.UPDATED);
        }
        return outcomes;
    }

    private static Map<Key, Boolean> execute(Connection con, List<Row> rows) throws SQLException {
        int n = rows.size();
        Long[] workspaces = new Long[n];
        Long[] creators = new Long[n];
        String[][] text = new String[11][n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            workspaces[i] = r.workspaceId();
            creators[i] = r.creatorId();
            String[] row = {
                r.orderId(),
                r.createdAt().toString(),
                r.updatedAt().toString(),
                r.total().toPlainString(),
                r.currency(),
                r.promoCode(),
                r.clickId(),
                r.lineItemsJson(),
                r.source().dbValue(),
                r.basis(),
                r.reason()
            };
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
        }
        Map<Key, Boolean> changed = new HashMap<>();
        try (PreparedStatement st = con.prepareStatement(UPSERT)) {
            st.setArray(1, con.createArrayOf("bigint", workspaces));
            for (int c = 0; c < 9; c++) {
                st.setArray(c + 2, con.createArrayOf("text", text[c]));
            }
            st.setArray(11, con.createArrayOf("bigint", creators));
            st.setArray(12, con.createArrayOf("text", text[9]));
            st.setArray(13, con.createArrayOf("text", text[10]));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    changed.put(new Key(rs.getLong(1), rs.getString(2)), rs.getBoolean(3));
                }
            }
        }
        return changed;
    }

    /** Stores what is queued, then stops; later writes go straight to the database. */
    void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A delivery queued as the writer stopped is stored here rather than left to time out.
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            store(left);
        }
    }
}
