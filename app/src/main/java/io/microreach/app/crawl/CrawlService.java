package io.microreach.app.crawl;

import static io.microreach.app.database.SqlColumns.instant;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.StopReason;
import io.microreach.ingest.Rejection;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs crawls, syncs and adds, and feeds what they fetch through the importer, the scorer and the search index, the
 * same path as a file import.
 *
 * <p>Durability: a run is a row in {@code crawl_run}; its checkpoints and fetched records are written together per
 * page by {@link CrawlStore}. The records are then imported (idempotent, so importing a batch twice after a crash
 * changes nothing) and deleted from the run. Starting the same request again resumes an unfinished run (killed,
 * stopped by its budget or quota, or stopped by the user) from its checkpoints. A PostgreSQL advisory lock per run,
 * held on its own connection while the run works, keeps two processes from working on one run and tells a killed
 * run (no lock holder) from a running one.
 *
 * <p>Scoring rescans the pool, which costs seconds, so it runs after each phase and at most every {@link
 * #SCORE_EVERY} during a long fetch, not after every account.
 */
@Service
public class CrawlService {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlService.class);
    private static final int LOCK_CLASS = 0x4D52_4352; // "MRCR"
    private static final int FETCH_CHUNK = 10;
    private static final int REFRESH_CHUNK = 100;
    private static final int MAX_PROBLEMS = 200;
    static final Duration SCORE_EVERY = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final Importer importer;
    private final Scorer scorer;
    private final ConnectorFactory connectors;
    private final SourceSettings settings;
    private final Path work;
    private final Map<Long, AtomicBoolean> stops = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "microreach-crawl");
        t.setDaemon(true);
        return t;
    });

    /** Told what a run is doing; the web page polls the run row instead. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (run, phase) -> {};

        void update(CrawlRunView run, String phase);
    }

    public CrawlService(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DataSource dataSource,
            Importer importer,
            Scorer scorer,
            ConnectorFactory connectors,
            SourceSettings settings,
            MicroreachHome home) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dataSource = dataSource;
        this.importer = importer;
        this.scorer = scorer;
        this.connectors = connectors;
        this.settings = settings;
        this.work = home.root().resolve("crawl");
    }

    /** Runs the request to its end (or its budget, quota or stop) in this thread; resumes an unfinished same run. */
    public CrawlRunView run(CrawlRequest request, Listener listener) {
        CreatorSource source = connectors.create(request.source(), request.baseUrl()); // fails early on a missing key
        long id = open(request);
        execute(id, request, source, listener);
        return find(id).orElseThrow();
    }

    /** Starts the request in the background and returns its run at once (for the web page). */
    public CrawlRunView start(CrawlRequest request) {
        CreatorSource source = connectors.create(request.source(), request.baseUrl());
        long id = open(request);
        if (lockHeld(id) || stops.putIfAbsent(id, new AtomicBoolean()) != null) {
            throw new SourceProblem("run", "run " + id + " of this crawl is already running");
        }
        background.submit(() -> {
            try {
                execute(id, request, source, Listener.NONE);
            } catch (RuntimeException e) {
                LOG.error("crawl run {} failed", id, e);
            }
        });
        return find(id).orElseThrow();
    }

    /** Asks a run in this process to stop after its current page; it can be resumed later. */
    public boolean stop(long runId) {
        AtomicBoolean flag = stops.get(runId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    public Optional<CrawlRunView> find(long id) {
        return runs("WHERE id = ?", id).stream().findFirst();
    }

    public List<CrawlRunView> recent(int limit) {
        return runs("ORDER BY id DESC LIMIT ?", limit);
    }

    public List<CrawlRunView> recent(Source source, int limit) {
        return runs("WHERE source = ? ORDER BY id DESC LIMIT ?", source.id(), limit);
    }

    private List<CrawlRunView> runs(String where, Object... args) {
        List<CrawlRunView> rows = jdbc.query(
                "SELECT id, source, kind, label, state, stop_reason, requests, records, accounts, problems,"
                        + " started_at, updated_at, finished_at FROM crawl_run " + where,
                (rs, i) -> new CrawlRunView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getInt(9),
                        List.of((String[]) rs.getArray(10).getArray()),
                        instant(rs, 11),
                        instant(rs, 12),
                        instant(rs, 13)),
                args);
        if (rows.stream().noneMatch(r -> r.state().equals("running"))) {
            return rows;
        }
        java.util.Set<Long> locked = new java.util.HashSet<>(jdbc.queryForList(
                "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::int::oid"
                        + " AND objsubid = 2 AND granted",
                Long.class,
                LOCK_CLASS));
        List<CrawlRunView> out = new ArrayList<>(rows.size());
        for (CrawlRunView r : rows) {
            // a run this process started holds its lock a moment later, on the crawl thread
            boolean alive = stops.containsKey(r.id()) || locked.contains(r.id());
            out.add(r.state().equals("running") && !alive ? withState(r, "interrupted") : r);
        }
        return out;
    }

    private static CrawlRunView withState(CrawlRunView r, String state) {
        return new CrawlRunView(
                r.id(),
                r.source(),
                r.kind(),
                r.request(),
                state,
                r.stopReason(),
                r.requests(),
                r.records(),
                r.accounts(),
                r.problems(),
                r.startedAt(),
                r.updatedAt(),
                r.finishedAt());
    }

    /** A checkpoint as {@code microreach sources --json} shows it. */
    public record TaskState(String task, String cursor, int pages, boolean finished) {}

    /** The run's tasks that still have pages to fetch, at most {@code limit}. */
    public List<TaskState> openTasks(long runId, int limit) {
        return jdbc.query(
                "SELECT task, cursor, pages, finished FROM crawl_checkpoint WHERE run_id = ? AND NOT finished"
                        + " ORDER BY task LIMIT ?",
                (rs, i) -> new TaskState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)),
                runId,
                limit);
    }

    /** An account a run fetched, for links from its page. */
    public record FetchedAccount(long id, String handle, long followers) {}

    /** Accounts of the run's source fetched since it started (at most 50, newest first). */
    public List<FetchedAccount> fetchedSince(CrawlRunView run) {
        return jdbc.query(
                "SELECT a.id, a.handle, a.followers FROM account_source s JOIN account a ON a.platform = s.platform"
                        + " AND a.platform_id = s.platform_id WHERE s.source = ? AND s.fetched_at >= ?"
                        + " ORDER BY s.fetched_at DESC, a.id LIMIT 50",
                (rs, i) -> new FetchedAccount(rs.getLong(1), rs.getString(2), rs.getLong(3)),
                run.source(),
                java.sql.Timestamp.from(run.startedAt()));
    }

    /** Source-wide state, such as quota units spent per day (the count is the task's cursor), newest first. */
    public List<TaskState> sourceState(Source source) {
        return jdbc.query(
                "SELECT task, cursor, pages, finished FROM crawl_source_state WHERE source = ? ORDER BY task DESC"
                        + " LIMIT 10",
                (rs, i) -> new TaskState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)),
                source.id());
    }

    /** The unfinished run of this request, or a new one.*/
    private long open(CrawlRequest request) {
        return tx.execute(status -> {
            List<Long> open = jdbc.queryForList(
                    "SELECT id FROM crawl_run WHERE source = ? AND kind = ? AND request = ?"
                            + " AND state IN ('running', 'stopped') ORDER BY id DESC LIMIT 1 FOR UPDATE",
                    Long.class,
                    request.source().id(),
                    request.kind().id(),
                    request.identity());
            if (!open.isEmpty()) {
                return open.get(0);
            }
            return jdbc.queryForObject(
                    "INSERT INTO crawl_run (source, kind, request, label, state) VALUES (?, ?, ?, ?, 'running')"
                            + " RETURNING id",
                    Long.class,
                    request.source().id(),
                    request.kind().id(),
                    request.identity(),
                    request.describe());
        });
    }

    private void execute(long id, CrawlRequest request, CreatorSource source, Listener listener) {
        AtomicBoolean stop = stops.computeIfAbsent(id, k -> new AtomicBoolean());
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, id)) {
                throw new SourceProblem("run", "run " + id + " of this crawl is already running in another process");
            }
            jdbc.update(
                    "UPDATE crawl_run SET state = 'running', stop_reason = NULL, finished_at = NULL,"
                            + " updated_at = now() WHERE id = ?",
                    id);
            try {
                new Execution(id, request, source, new CrawlStore(jdbc, tx, id, stop::get), listener).run();
            } finally {
                // the lock belongs to the pooled connection's session, which outlives this run
                try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                    ps.setInt(1, LOCK_CLASS);
                    ps.setInt(2, (int) id);
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock crawl run " + id + ": " + e.getMessage(), e);
        } finally {
            stops.remove(id);
        }
    }

    /** One invocation's work on a run. */
    private final class Execution {
        private final long id;
        private final CrawlRequest request;
        private final CreatorSource source;
        private final CrawlStore store;
        private final Listener listener;
        private final List<String> problems = new ArrayList<>();
        private long requests;
        private Instant lastScored = Instant.now();

        Execution(long id, CrawlRequest request, CreatorSource source, CrawlStore store, Listener listener) {
            this.id = id;
            this.request = request;
            this.source = source;
            this.store = store;
            this.listener = listener;
        }

        void run() {
            String state = "completed";
            String reason = StopReason.COMPLETED.name();
            try {
                importPending(); // what a killed run had fetched but not yet imported
                StopReason stopped = switch (request.kind()) {
                    case CRAWL -> crawl();
                    case ADD -> fetch(request.accounts());
                    case SYNC -> sync();
                };
                reason = stopped.name();
                if (stopped == StopReason.REQUEST_BUDGET || stopped == StopReason.QUOTA) {
                    state = "stopped";
                }
            } catch (CrawlStore.CrawlStopped e) {
                state = "stopped";
                reason = "STOPPED_BY_USER";
            } catch (RuntimeException e) {
                LOG.warn("crawl run {} failed", id, e);
                state = "failed";
                reason = "ERROR";
                problems.add("the run stopped: " + e.getMessage());
            } finally {
                try {
                    importPending();
                    score("scoring");
                } catch (RuntimeException e) {
                    LOG.warn("crawl run {}: import after the run failed", id, e);
                    state = "failed";
                    problems.add("importing the fetched records failed: " + e.getMessage());
                }
                finish(state, reason);
            }
        }

        private StopReason crawl() {
            List<String> accepted = accepted();
            if (accepted.isEmpty() || !discoveryFinished()) {
                listener.update(view(), "discovering");
                store.discovering(true);
                CrawlResult r;
                try {
                    r = source.discover(request.query(), request.options(left()), store, store);
                } finally {
                    store.discovering(false);
                }
                account(r);
                if (r.stopReason() == StopReason.REQUEST_BUDGET || r.stopReason() == StopReason.QUOTA) {
                    return r.stopReason();
                }
                jdbc.update(
                        "INSERT INTO crawl_checkpoint (run_id, task, finished, pages) VALUES (?, 'run:discovered',"
                                + " true, 0) ON CONFLICT (run_id, task) DO NOTHING",
                        id);
                importPending();
                accepted = accepted();
            }
            return fetch(accepted);
        }

        private boolean discoveryFinished() {
            return Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM crawl_checkpoint WHERE run_id = ? AND task = 'run:discovered')",
                    Boolean.class,
                    id));
        }

        private List<String> accepted() {
            return jdbc.queryForList(
                    "SELECT platform_id FROM crawl_account WHERE run_id = ? ORDER BY seq", String.class, id);
        }

        private StopReason fetch(List<String> accounts) {
            for (int from = 0; from < accounts.size(); from += FETCH_CHUNK) {
                List<String> chunk = accounts.subList(from, Math.min(accounts.size(), from + FETCH_CHUNK));
                listener.update(
                        view(),
                        "fetching accounts " + (from + 1) + "–" + (from + chunk.size()) + " of " + accounts.size());
                CrawlResult r = source.fetchCreators(chunk, request.options(left()), store, store);
                account(r);
                importPending();
                if (r.stopReason() != StopReason.COMPLETED) {
                    return r.stopReason();
                }
                if (Duration.between(lastScored, Instant.now()).compareTo(SCORE_EVERY) > 0) {
                    score("scoring the accounts fetched so far");
                }
            }
            return StopReason.COMPLETED;
        }

        private StopReason sync() {
            List<KnownAccount> known = known(request.source());
            for (int from = 0; from < known.size(); from += REFRESH_CHUNK) {
                List<KnownAccount> chunk = known.subList(from, Math.min(known.size(), from + REFRESH_CHUNK));
                listener.update(
                        view(),
                        "refreshing accounts " + (from + 1) + "–" + (from + chunk.size()) + " of " + known.size());
                CrawlResult r = refresh(chunk);
                account(r);
                importPending();
                if (r.stopReason() != StopReason.COMPLETED) {
                    return r.stopReason();
                }
            }
            settings.syncedNow(request.source());
            return StopReason.COMPLETED;
        }

        /**
         * Mastodon ids are per instance ({@code host:id}), so a Mastodon account is refreshed through the instance its
         * id names, unless the request names one address for all.
         */
        private CrawlResult refresh(List<KnownAccount> chunk) {
            if (request.source() != Source.MASTODON || request.baseUrl() != null) {
                return source.refresh(chunk, request.options(left()), store, store);
            }
            Map<String, List<KnownAccount>> byInstance = new java.util.TreeMap<>();
            for (KnownAccount k : chunk) {
                int colon = k.platformId().indexOf(':');
                String host = colon > 0 ? k.platformId().substring(0, colon) : "";
                byInstance.computeIfAbsent(host, h -> new ArrayList<>()).add(k);
            }
            long spent = 0;
            long records = 0;
            List<String> ids = new ArrayList<>();
            List<String> found = new ArrayList<>();
            StopReason reason = StopReason.COMPLETED;
            for (Map.Entry<String, List<KnownAccount>> group : byInstance.entrySet()) {
                CreatorSource instance = group.getKey().isEmpty()
                        ? source
                        : connectors.create(Source.MASTODON, "https://" + group.getKey());
                CrawlResult r = instance.refresh(group.getValue(), request.options(left() - spent), store, store);
                spent += r.requests();
                records += r.records();
                ids.addAll(r.accountIds());
                found.addAll(r.problems());
                if (r.stopReason() != StopReason.COMPLETED) {
                    reason = r.stopReason();
                    break;
                }
            }
            return new CrawlResult(ids, records, spent, reason, found);
        }

        private long left() {
            return request.maxRequests() - requests;
        }

        private void account(CrawlResult r) {
            requests += r.requests();
            problems.addAll(r.problems());
            jdbc.update(
                    "UPDATE crawl_run SET requests = requests + ?, updated_at = now() WHERE id = ?", r.requests(), id);
            flushProblems();
        }

        private void flushProblems() {
            if (problems.isEmpty()) {
                return;
            }
            jdbc.update(
                    "UPDATE crawl_run SET problems = (problems || ?::text[])[1:" + MAX_PROBLEMS + "] WHERE id = ?",
                    problems.toArray(String[]::new),
                    id);
            problems.clear();
        }

        private void importPending() {
            ImportReport report = CrawlService.this.importPending(id, request.source());
            if (report != null && report.rejected() > 0) {
                for (Rejection r : report.firstRejections()) {
                    problems.add("a fetched record was rejected: " + r.field() + ": " + r.reason());
                }
                flushProblems();
            }
        }

        private void score(String phase) {
            listener.update(view(), phase);
            scorer.scoreQueued(ScoringProgress.NONE);
            lastScored = Instant.now();
        }

        private void finish(String state, String reason) {
            flushProblems();
            jdbc.update(
                    "UPDATE crawl_run SET state = ?, stop_reason = ?, updated_at = now(),"
                            + " finished_at = CASE WHEN ? IN ('completed', 'failed') THEN now() END WHERE id = ?",
                    state,
                    reason,
                    state,
                    id);
            listener.update(view(), state);
        }

        private CrawlRunView view() {
            return find(id).orElseThrow();
        }
    }

    /** Imports the run's stored records, notes where each account came from, then forgets the records. */
    private ImportReport importPending(long runId, Source source) {
        List<Long> seqs = new ArrayList<>();
        Path file;
        try {
            Files.createDirectories(work);
            file = work.resolve("run-" + runId + ".jsonl");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                jdbc.query(
                        "SELECT seq, line FROM crawl_record WHERE run_id = ? ORDER BY seq",
                        (ResultSet rs) -> {
                            seqs.add(rs.getLong(1));
                            try {
                                out.write(rs.getString(2));
                                out.write('\n');
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        runId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fetched records under " + work + ": " + e.getMessage(), e);
        }
        if (seqs.isEmpty()) {
            deleteQuietly(file);
            return null;
        }
        ImportReport report;
        try {
            report = importer.importFile(file, ImportProgress.NONE);
        } catch (UnusableInputException e) {
            throw new IllegalStateException("fetched records could not be imported: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
        if (report.rejectionFile() != null) {
            deleteQuietly(report.rejectionFile());
        }
        long last = seqs.get(seqs.size() - 1);
        tx.executeWithoutResult(status -> {
            jdbc.update(
                    "INSERT INTO account_source (platform, platform_id, source, fetched_at)"
                            + " SELECT DISTINCT ?, account, ?, now() FROM crawl_record WHERE run_id = ? AND seq <= ?"
                            + " AND kind = 'account' ON CONFLICT (platform, platform_id) DO UPDATE SET"
                            + " source = excluded.source, fetched_at = excluded.fetched_at",
                    source.platform().id(),
                    source.id(),
                    runId,
                    last);
            jdbc.update(
                    "UPDATE account_source SET posts_at = now() WHERE platform = ? AND platform_id IN"
                            + " (SELECT account FROM crawl_record WHERE run_id = ? AND seq <= ? AND kind = 'post')",
                    source.platform().id(),
                    runId,
                    last);
            jdbc.update("DELETE FROM crawl_record WHERE run_id = ? AND seq <= ?", runId, last);
        });
        return report;
    }

    /** The source's crawled accounts with what a refresh needs to skip what it already has. */
    List<KnownAccount> known(Source source) {
        return jdbc.query(
                "SELECT a.platform_id, a.handle, a.posts_count, (SELECT max(p.published_at) FROM post p"
                        + " WHERE p.account_id = a.id) FROM account a JOIN account_source s ON s.platform = a.platform"
                        + " AND s.platform_id = a.platform_id WHERE s.source = ? AND a.platform = ? ORDER BY a.id",
                (rs, i) -> new KnownAccount(rs.getString(1), rs.getString(2), (Long) rs.getObject(3), instant(rs, 4)),
                source.id(),
                source.platform().id());
    }

    private static boolean tryLock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, (int) id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private boolean lockHeld(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::int::oid"
                        + " AND objid = ?::int::oid AND objsubid = 2 AND granted)",
                Boolean.class,
                LOCK_CLASS,
                (int) id));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
