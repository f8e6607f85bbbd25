package io.microreach.app.scoring;

import io.microreach.signals.AccountActivity;
import io.microreach.signals.scorecard.AccountSignals;
import io.microreach.signals.scorecard.PeerRow;
import io.microreach.signals.scorecard.PoolStatistics;
import io.microreach.signals.scorecard.ScorecardAssembler;
import io.microreach.signals.scorecard.SignalSuite;
import io.microreach.signals.trust.TrustWeights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Scores accounts in two passes: measure every account's signals on its own (in parallel, a chunk of accounts
 * loaded at a time), summarise the pool for peer comparisons, then assemble and store each scorecard. Only the
 * measured signals of the accounts being scored stay in memory, never their posts or comments.
 *
 * <p>{@link #scoreQueued} is the incremental path after an import: it measures only the accounts whose data
 * changed, rebuilds the pool summary from the stored headline numbers of all other accounts, and then re-assembles
 * every other account's scorecard from its stored signals ({@code account_signals}) against the new pool, so all
 * percentiles and trust scores are current without measuring unchanged accounts again. Accounts scored before
 * signals were kept are measured once.
 */
@Service
public class Scorer {
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final ActivityLoader loader;
    private final ScoreStore store;
    private final SignalSuite suite;
    private final ScorecardAssembler assembler;
    private final ApplicationEventPublisher events;
    private final int nicheMinimumPeers;

    public Scorer(
            JdbcTemplate jdbc,
            ActivityLoader loader,
            ScoreStore store,
            SignalSuite suite,
            TrustWeights weights,
            ApplicationEventPublisher events,
            @Value("${microreach.scoring.niche-minimum-peers:" + PoolStatistics.DEFAULT_NICHE_MINIMUM_PEERS + "}")
                    int nicheMinimumPeers) {
        if (nicheMinimumPeers < 1) {
            throw new IllegalArgumentException(
                    "microreach.scoring.niche-minimum-peers must be at least 1, got " + nicheMinimumPeers);
        }
        this.nicheMinimumPeers = nicheMinimumPeers;
        this.jdbc = jdbc;
        this.events = events;
        this.loader = loader;
        this.store = store;
        this.suite = suite;
        this.assembler = new ScorecardAssembler(weights, suite.anomalyDetector());
    }

    private record Measured(long accountId, AccountSignals signals) {}

    /** Rescores every account. */
    public ScoringReport scoreAll(ScoringProgress progress) {
        Instant started = Instant.now();
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        Map<Long, List<String>> niches = primaryNiches();
        List<Measured> measured = measure(ids, niches, progress);
        PoolStatistics.Builder pool = PoolStatistics.builder().nicheMinimumPeers(nicheMinimumPeers);
        measured.forEach(m -> pool.add(m.signals()));
        ScoringReport report = assembleAndStore(measured, pool.build(), started, progress);
        jdbc.update("DELETE FROM score_queue WHERE queued_at <= ?", java.sql.Timestamp.from(started));
        events.publishEvent(new AccountsRescored(ids, true));
        return report;
    }

    /** Rescores the accounts queued by imports since they were last scored, and refreshes everyone's peers. */
    public ScoringReport scoreQueued(ScoringProgress progress) {
        Instant started = Instant.now();
        List<Long> queued = jdbc.queryForList("SELECT account_id FROM score_queue ORDER BY account_id", Long.class);
        if (queued.isEmpty()) {
            return new ScoringReport(0, 0, 0, 0, Duration.ZERO);
        }
        TreeSet<Long> toMeasure = new TreeSet<>(queued);
        toMeasure.addAll(store.scoredWithoutSignals());
        List<Long> ids = List.copyOf(toMeasure);
        Map<Long, List<String>> niches = primaryNiches();
        List<Measured> measured = measure(ids, niches, progress);
        PoolStatistics.Builder builder = PoolStatistics.builder().nicheMinimumPeers(nicheMinimumPeers);
        store.storedPeerRows(toMeasure)
                .forEach(r -> builder.add(r.row().withNiches(niches.getOrDefault(r.accountId(), List.of()))));
        measured.forEach(m -> builder.add(m.signals()));
        PoolStatistics pool = builder.build();
        ScoringReport report = assembleAndStore(measured, pool, started, progress);
        List<Long> refreshed = refreshOthers(toMeasure, niches, pool, started);
        jdbc.batchUpdate(
                "DELETE FROM score_queue WHERE account_id = ? AND queued_at <= ?",
                queued.stream()
                        .map(id -> new Object[] {id, java.sql.Timestamp.from(started)})
                        .toList());
        List<Long> stored = new ArrayList<>(ids);
        stored.addAll(refreshed);
        events.publishEvent(new AccountsRescored(stored, false));
        return new ScoringReport(
                report.accounts(),
                report.withTrustScore(),
                report.poolSize(),
                refreshed.size(),
                Duration.between(started, Instant.now()));
    }

    /**
     * Re-assembles the scorecards of every account not in {@code measured} from its stored signals against {@code
     * pool}, a page at a time; returns their ids.
     */
    private List<Long> refreshOthers(
            Set<Long> measured, Map<Long, List<String>> niches, PoolStatistics pool, Instant computedAt) {
        List<Long> refreshed = new ArrayList<>();
        long after = 0;
        while (after >= 0) {
            ScoreStore.SignalsPage page = store.storedSignals(after, CHUNK, measured);
            List<ScoreStore.Scored> scored = page.rows().parallelStream()
                    .map(r -> {
                        // Niches may have changed since the account was measured: the current ones decide.
                        AccountSignals signals = r.signals().withNiches(niches.getOrDefault(r.accountId(), List.of()));
                        return new ScoreStore.Scored(
                                r.accountId(),
                                assembler.assemble(signals, pool, computedAt),
                                PeerRow.of(signals),
                                null);
                    })
                    .toList();
            if (!scored.isEmpty()) {
                store.save(scored);
            }
            scored.forEach(s -> refreshed.add(s.accountId()));
            after = page.lastId();
        }
        return refreshed;
    }

    /**
     * Measures the accounts a chunk at a time. A loader thread fetches the next chunk from the database while the
     * common pool measures the current one, so PostgreSQL and the JVM work at the same time; at most two chunks of
     * activity are in memory.
     */
    private List<Measured> measure(List<Long> ids, Map<Long, List<String>> niches, ScoringProgress progress) {
        List<List<Long>> chunks = chunks(ids);
        List<Measured> measured = new ArrayList<>(ids.size());
        ExecutorService io = singleThread("microreach-score-loader");
        try {
            Future<Map<Long, AccountActivity>> next =
                    chunks.isEmpty() ? null : io.submit(() -> loader.load(chunks.get(0)));
            for (int i = 0; i < chunks.size(); i++) {
                Map<Long, AccountActivity> activities = await(next);
                int following = i + 1;
                next = following < chunks.size() ? io.submit(() -> loader.load(chunks.get(following))) : null;
                measured.addAll(activities.entrySet().parallelStream()
                        .map(e -> new Measured(
                                e.getKey(), suite.measure(e.getValue(), niches.getOrDefault(e.getKey(), List.of()))))
                        .toList());
                progress.update(measured.size(), ids.size() * 2L, "measuring");
            }
        } finally {
            io.shutdownNow();
        }
        return measured;
    }

    /**
     * Assembles a chunk's scorecards in parallel while a writer thread stores the previous chunk (at most one chunk
     * in flight, stored in order).
     */
    private ScoringReport assembleAndStore(
            List<Measured> measured, PoolStatistics pool, Instant started, ScoringProgress progress) {
        long withTrust = 0;
        ExecutorService io = singleThread("microreach-score-writer");
        try {
            Future<?> storing = null;
            for (int from = 0; from < measured.size(); from += CHUNK) {
                List<ScoreStore.Scored> scored =
                        measured.subList(from, Math.min(measured.size(), from + CHUNK)).parallelStream()
                                .map(m -> new ScoreStore.Scored(
                                        m.accountId(),
                                        assembler.assemble(m.signals(), pool, started),
                                        PeerRow.of(m.signals()),
                                        m.signals()))
                                .toList();
                withTrust += scored.stream()
                        .filter(s -> s.card().trustScore() != null)
                        .count();
                await(storing);
                storing = io.submit(() -> store.save(scored));
                progress.update(measured.size() + from + scored.size(), measured.size() * 2L, "storing");
            }
            await(storing);
        } finally {
            io.shutdownNow();
        }
        return new ScoringReport(
                measured.size(), withTrust, pool.accounts(), 0, Duration.between(started, Instant.now()));
    }

    /**
     * Each account's primary niche (its highest-confidence row in {@code account_niche}, ties by niche id) as a
     * one-element list; accounts without niches are absent.
     */
    private Map<Long, List<String>> primaryNiches() {
        Map<Long, List<String>> niches = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT ON (account_id) account_id, niche_id FROM account_niche"
                        + " ORDER BY account_id, confidence DESC, niche_id",
                rs -> {
                    niches.put(rs.getLong(1), List.of(rs.getString(2)));
                });
        return niches;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static <T> T await(Future<T> future) {
        if (future == null) {
            return null;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
