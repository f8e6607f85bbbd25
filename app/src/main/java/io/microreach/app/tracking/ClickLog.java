package io.microreach.app.tracking;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The click log's write buffer. A redirect only appends its click to memory and answers; a background writer stores
 * everything buffered every {@code microreach.clicks.flush-interval} (default 200 ms, at most 1 s) in one statement
 * per batch ({@code INSERT … SELECT FROM unnest(arrays)}: one round trip whatever the batch size), and on shutdown it
 * writes what is left. So a {@code kill -9} of the server loses at most the clicks of the last interval (under one
 * second), and a clean stop loses none. Clicks not yet written are visible to attribution through {@link
 * #unwritten(String)}, so an order that arrives right behind its click still finds it.
 *
 * <p>When the database refuses a batch (down, full), the clicks stay buffered and the next round tries again; past
 * {@link #MAX_BUFFERED} clicks the newest are refused (logged), so an outage cannot exhaust the heap.
 */
@Component
class ClickLog {
    private static final Logger LOG = LoggerFactory.getLogger(ClickLog.class);
    static final int MAX_BUFFERED = 1_000_000;
    private static final int BATCH = 20_000;
    private static final String INSERT = "INSERT INTO campaign_click"
            + " (workspace_id, campaign_creator_id, click_id, clicked_at, visitor_hash, kind)"
            + " SELECT u.w, u.c, u.id, u.at::timestamptz, decode(u.h, 'hex'), u.k"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(w, c, id, at, h, k)"
            // A creator removed since the redirect looked it up: its clicks go with it.
            + " JOIN campaign_creator cc ON cc.id = u.c"
            + " ON CONFLICT (click_id) DO NOTHING";

    private final JdbcTemplate jdbc;
    private final ConcurrentLinkedQueue<PendingClick> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, PendingClick> unwritten = new ConcurrentHashMap<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final ScheduledExecutorService writer;
    private final List<PendingClick> retry = new ArrayList<>();

    ClickLog(JdbcTemplate jdbc, @Value("${microreach.clicks.flush-interval:200ms}") Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException(
                    "microreach.clicks.flush-interval must lie between 1 ms and 1 s, got " + interval);
        }
        this.jdbc = jdbc;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "click-log-writer");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        writer.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Buffers a click; false when the buffer is full (the database has been refusing writes for a while). */
    boolean record(PendingClick click) {
        if (buffered.incrementAndGet() > MAX_BUFFERED) {
            buffered.decrementAndGet();
            LOG.error("Click log buffer full ({} clicks): the database refuses writes; dropping a click", MAX_BUFFERED);
            return false;
        }
        unwritten.put(click.clickId(), click);
        queue.add(click);
        return true;
    }

    /** A click still in memory, not yet in the database. */
    Optional<PendingClick> unwritten(String clickId) {
        return Optional.ofNullable(unwritten.get(clickId));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Click log: writing buffered clicks failed, will retry: {}", e.getMessage());
        }
    }

    /** Writes every buffered click now; returns how many were written. */
    synchronized int flush() {
        List<PendingClick> batch = new ArrayList<>(retry);
        retry.clear();
        int written = 0;
        try {
            while (true) {
                for (PendingClick c; batch.size() < BATCH && (c = queue.poll()) != null; ) {
                    batch.add(c);
                }
                if (batch.isEmpty()) {
                    return written;
                }
                write(batch);
                for (PendingClick c : batch) {
                    unwritten.remove(c.clickId());
                }
                buffered.addAndGet(-batch.size());
                written += batch.size();
                batch.clear();
            }
        } catch (RuntimeException e) {
            retry.addAll(batch);
            throw e;
        }
    }

    private void write(List<PendingClick> batch) {
        int n = batch.size();
        Long[] workspaces = new Long[n];
        Long[] creators = new Long[n];
        String[] ids = new String[n];
        String[] ats = new String[n];
        String[] hashes = new String[n];
        String[] kinds = new String[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            PendingClick c = batch.get(i);
            workspaces[i] = c.workspaceId();
            creators[i] = c.creatorId();
            ids[i] = c.clickId();
            ats[i] = c.at().toString();
            hashes[i] = hex.formatHex(c.visitorHash());
            kinds[i] = c.kind().dbValue();
        }
        jdbc.execute((java.sql.Connection con) -> {
            try (var st = con.prepareStatement(INSERT)) {
                st.setArray(1, con.createArrayOf("bigint", workspaces));
                st.setArray(2, con.createArrayOf("bigint", creators));
                st.setArray(3, con.createArrayOf("text", ids));
                st.setArray(4, con.createArrayOf("text", ats));
                st.setArray(5, con.createArrayOf("text", hashes));
                st.setArray(6, con.createArrayOf("text", kinds));
                return st.executeUpdate();
            }
        });
    }

    /** Stops the writer and writes what is left: a clean stop loses no click. */
    @PreDestroy
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
