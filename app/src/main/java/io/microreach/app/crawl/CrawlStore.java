package io.microreach.app.crawl;

import io.microreach.connectors.CrawlCheckpoint;
import io.microreach.connectors.CrawlStateStore;
import io.microreach.connectors.RecordSink;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import io.microreach.ingest.JsonlRecordWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run's crawl state and record sink on PostgreSQL. Records a connector emits are held in memory until the
 * connector saves the checkpoint that follows them; then the records, the checkpoint and the run's counters are
 * written in one transaction. A process killed at any point therefore leaves the database at the end of a page: the
 * next run of the same request fetches that page's successor, or the page again when its checkpoint was not yet
 * written, and the checkpoint's emitted ids keep its records from being stored twice.
 *
 * <p>Tasks named {@code quota:...} hold source-wide state (quota units spent on a day) and outlive the run.
 *
 * <p>During a discovery, the platform ids of emitted accounts are also remembered as the run's accepted accounts,
 * in the same transaction, so the fetch phase after a restart knows every account the discovery accepted.
 */
final class CrawlStore implements CrawlStateStore, RecordSink {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final long runId;
    private final BooleanSupplier stopRequested;
    private final List<Object[]> pendingLines = new ArrayList<>();
    private final List<String> pendingAccounts = new ArrayList<>();
    private boolean discovering;
    private long nextSeq;
    private int nextAccountSeq;

    CrawlStore(JdbcTemplate jdbc, TransactionTemplate tx, long runId, BooleanSupplier stopRequested) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.runId = runId;
        this.stopRequested = stopRequested;
        // every record ever stored for the run counted once, in the same transaction as its row
        this.nextSeq = jdbc.queryForObject("SELECT records FROM crawl_run WHERE id = ?", Long.class, runId);
        Integer accounts =
                jdbc.queryForObject("SELECT max(seq) FROM crawl_account WHERE run_id = ?", Integer.class, runId);
        this.nextAccountSeq = accounts == null ? 0 : accounts + 1;
    }

    /** While set, every emitted account is remembered as accepted by the run's discovery. */
    void discovering(boolean value) {
        this.discovering = value;
    }

    @Override
    public void accept(DataRecord record) {
        if (stopRequested.getAsBoolean()) {
            throw new CrawlStopped();
        }
        StringWriter line = new StringWriter(512);
        try (JsonlRecordWriter writer = new JsonlRecordWriter(line)) {
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pendingLines.add(new Object[] {
            record.type().id(), accountOf(record), line.toString().strip()
        });
        if (discovering && record instanceof Account a) {
            pendingAccounts.add(a.platformId());
        }
    }

    @Override
    public Optional<CrawlCheckpoint> load(String source, String task) {
        List<CrawlCheckpoint> found = sourceWide(task)
                ? jdbc.query(
                        "SELECT cursor, finished, pages, emitted FROM crawl_source_state WHERE source = ? AND task = ?",
                        (rs, i) -> checkpoint(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getArray(4)),
                        source,
                        task)
                : jdbc.query(
                        "SELECT cursor, finished, pages, emitted FROM crawl_checkpoint WHERE run_id = ? AND task = ?",
                        (rs, i) -> checkpoint(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getArray(4)),
                        runId,
                        task);
        return found.stream().findFirst();
    }

    @Override
    public void save(String source, String task, CrawlCheckpoint cp) {
        if (stopRequested.getAsBoolean()) {
            throw new CrawlStopped();
        }
        List<Object[]> lines = List.copyOf(pendingLines);
        List<String> accounts = List.copyOf(pendingAccounts);
        tx.executeWithoutResult(status -> {
            long seq = nextSeq;
            if (!lines.isEmpty()) {
                List<Object[]> rows = new ArrayList<>(lines.size());
                for (Object[] line : lines) {
                    rows.add(new Object[] {runId, seq++, line[0], line[1], line[2]});
                }
                jdbc.batchUpdate(
                        "INSERT INTO crawl_record (run_id, seq, kind, account, line) VALUES (?, ?, ?, ?, ?)", rows);
            }
            int accountSeq = nextAccountSeq;
            for (String id : accounts) {
                accountSeq += jdbc.update(
                        "INSERT INTO crawl_account (run_id, seq, platform_id) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        runId,
                        accountSeq,
                        id);
            }
            String[] emitted = cp.emitted().toArray(String[]::new);
            if (sourceWide(task)) {
                jdbc.update(
                        "INSERT INTO crawl_source_state (source, task, cursor, finished, pages, emitted)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, task) DO UPDATE SET"
                                + " cursor = excluded.cursor, finished = excluded.finished, pages = excluded.pages,"
                                + " emitted = excluded.emitted",
                        source,
                        task,
                        cp.cursor(),
                        cp.finished(),
                        cp.pages(),
                        emitted);
            } else {
                jdbc.update(
                        "INSERT INTO crawl_checkpoint (run_id, task, cursor, finished, pages, emitted)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, task) DO UPDATE SET"
                                + " cursor = excluded.cursor, finished = excluded.finished, pages = excluded.pages,"
                                + " emitted = excluded.emitted",
                        runId,
                        task,
                        cp.cursor(),
                        cp.finished(),
                        cp.pages(),
                        emitted);
            }
            jdbc.update(
                    "UPDATE crawl_run SET records = records + ?, accounts = accounts + ?, updated_at = now()"
                            + " WHERE id = ?",
                    lines.size(),
                    accountSeq - nextAccountSeq,
                    runId);
            nextSeq = seq;
            nextAccountSeq = accountSeq;
        });
        pendingLines.clear();
        pendingAccounts.clear();
    }

    /** The account a record belongs to, kept beside the line so the source of every account can be recorded. */
    private static String accountOf(DataRecord record) {
        if (record instanceof Account a) {
            return a.platformId();
        } else if (record instanceof Post p) {
            return p.accountPlatformId();
        } else if (record instanceof FollowerSample f) {
            return f.accountPlatformId();
        } else if (record instanceof FollowEdge e) {
            return e.accountPlatformId();
        } else if (record instanceof FollowerCount f) {
            return f.accountPlatformId();
        }
        return ""; // a comment names its post, not its account
    }

    private static boolean sourceWide(String task) {
        return task.startsWith("quota:");
    }

    private static CrawlCheckpoint checkpoint(String cursor, boolean finished, int pages, Array emitted)
            throws java.sql.SQLException {
        String[] ids = (String[]) emitted.getArray();
        return new CrawlCheckpoint(cursor, finished, pages, List.of(ids));
    }

    /** Unwinds a crawl whose stop was requested; nothing after the last checkpoint is kept. */
    static final class CrawlStopped extends RuntimeException {
        CrawlStopped() {
            super("stop requested", null, false, false);
        }
    }
}
