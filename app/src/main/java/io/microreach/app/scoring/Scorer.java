package io.microreach.app.scoring;

import io.microreach.signals.AccountActivity;
import io.microreach.signals.scorecard.AccountSignals;
import io.microreach.signals.scorecard.HeadlineInputs;
import io.microreach.signals.scorecard.PoolStatistics;
import io.microreach.signals.scorecard.ScorecardAssembler;
import io.microreach.signals.scorecard.SignalSuite;
import io.microreach.signals.trust.TrustWeights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Scores accounts in two passes:
 *
 * <ol>
 *   <li><b>measure</b> the accounts to score, each on its own (in parallel, a chunk of activity loaded at a time):
 *       their signals are packed and stored in {@code account_signals} at once by a writer thread, and only their
 *       {@link HeadlineInputs} (a few dozen numbers each, no evidence) stay in memory;
 *   <li><b>assemble</b>: once the pool summary is built from those inputs, each measured account's headline (trust
 *       score, ER percentile, anomaly count) is assembled against it from the inputs kept in memory and stored with
 *       the other headline numbers in {@code account_score}.
 * </ol>
 *
 * <p>{@link #scoreAll} measures everyone; {@link #scoreQueued}, the incremental path after an import, measures only
 * the accounts whose data changed (and, once, any account scored before signals were kept) and takes everyone
 * else's peer rows from their stored headline numbers, so all percentiles and trust scores are current without
 * measuring unchanged accounts again; it then walks the stored signals of the accounts it did not measure, in pages,
 * to assemble their headlines against the new pool (their inputs are not in memory). Full scorecards are not stored:
 * {@link ScorecardReader} assembles one from the stored signals when it is read, against the same pool.
 */
@Service
public class Scorer {
    /** Accounts loaded, measured and stored together. */
    public static final int CHUNK = 500;

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

    /** Rescores every account. */
    public ScoringReport scoreAll(ScoringProgress progress) {
        Instant started = Instant.now();
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        Map<Long, List<String>> niches = store.primaryNiches();
        long total = ids.size() * 2L;
        List<Kept> measured = measure(ids, niches, started, progress, total);
        PoolStatistics.Builder pool = PoolStatistics.builder().nicheMinimumPeers(nicheMinimumPeers);
        measured.forEach(k -> pool.add(k.inputs().peers()));
        Assembled assembled = assembleKept(measured, pool.build(), started, progress, ids.size(), total);
        jdbc.update("DELETE FROM score_queue WHERE queued_at <= ?", java.sql.Timestamp.from(started));
        events.publishEvent(new AccountsRescored(ids, true));
        return new ScoringReport(
                measured.size(), assembled.withTrust(), measured.size(), 0, Duration.between(started, Instant.now()));
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
        Map<Long, List<String>> niches = store.primaryNiches();
        PoolStatistics.Builder builder = PoolStatistics.builder().nicheMinimumPeers(nicheMinimumPeers);
        int others = store.addStoredPeers(builder, niches, toMeasure);
        long total = ids.size() + (long) ids.size() + others;
        List<Kept> measured = measure(ids, niches, started, progress, total);
        measured.forEach(k -> builder.add(k.inputs().peers()));
        PoolStatistics pool = builder.build();
        Assembled fresh = assembleKept(measured, pool, started, progress, ids.size(), total);
        Assembled assembled = assembleStored(niches, pool, toMeasure, fresh, started, progress, ids.size() * 2L, total);
        jdbc.batchUpdate(
                "DELETE FROM score_queue WHERE account_id = ? AND queued_at <= ?",
                queued.stream()
                        .map(id -> new Object[] {id, java.sql.Timestamp.from(started)})
                        .toList());
        // Listeners refresh what derives from an account's own data (niches, audience sketches) for the measured
        // accounts only, and the search index for those and the others whose headline numbers moved with the pool:
        // re-deriving all 5,494 demo accounts after a 5-line import took most of its 24 s.
        List<Long> changed = new ArrayList<>(ids);
        assembled.changed().stream()
                .filter(id -> !toMeasure.contains(id))
                .sorted()
                .forEach(changed::add);
        events.publishEvent(new AccountsRescored(changed, false, ids));
        long refreshed = assembled.accountIds().size() - (long) ids.size();
        return new ScoringReport(
                ids.size(),
                assembled.withTrustAmong(toMeasure),
                pool.accounts(),
                refreshed,
                Duration.between(started, Instant.now()));
    }

    /**
     * Measures the accounts a chunk at a time and returns their headline inputs. A loader thread fetches the next chunk
     * from the database while the common pool measures and packs the current one, and a writer thread stores the
     * previous chunk's signals, so PostgreSQL and the JVM work at the same time; at most three chunks are in memory.
     */
    private List<Kept> measure(
            List<Long> ids, Map<Long, List<String>> niches, Instant measuredAt, ScoringProgress progress, long total) {
        List<List<Long>> chunks = chunks(ids);
        List<Kept> kept = new ArrayList<>(ids.size());
        ExecutorService io = singleThread("microreach-score-loader");
        ExecutorService writer = singleThread("microreach-score-writer");
        try {
            Future<Map<Long, AccountActivity>> next =
                    chunks.isEmpty() ? null : io.submit(() -> loader.load(chunks.get(0)));
            Future<?> storing = null;
            for (int i = 0; i < chunks.size(); i++) {
                Map<Long, AccountActivity> activities = await(next);
                int following = i + 1;
                next = following < chunks.size() ? io.submit(() -> loader.load(chunks.get(following))) : null;
                List<Measured> measured = activities.entrySet().parallelStream()
                        .map(e -> {
                            AccountSignals signals =
                                    suite.measure(e.getValue(), niches.getOrDefault(e.getKey(), List.of()));
                            return new Measured(
                                    new Kept(e.getKey(), HeadlineInputs.of(signals)),
                                    store.pack(e.getKey(), measuredAt, signals));
                        })
                        .toList();
                measured.forEach(m -> kept.add(m.kept()));
                await(storing);
                storing = writer.submit(() -> store.saveSignals(
                        measured.stream().map(Measured::packed).toList()));
                progress.update(kept.size(), total, "measuring");
            }
            await(storing);
        } finally {
            io.shutdownNow();
            writer.shutdownNow();
        }
        return kept;
    }

    /** What the assembling pass needs of a measured account: its id and headline inputs, not its evidence. */
    private record Kept(long accountId, HeadlineInputs inputs) {}

    private record Measured(Kept kept, ScoreStore.PackedSignals packed) {}

    /** What the assembling pass stored, and the accounts whose headline numbers changed. */
    private record Assembled(List<Long> accountIds, Set<Long> withTrustScore, Set<Long> changed) {
        long withTrust() {
            return withTrustScore.size();
        }

        long withTrustAmong(Set<Long> ids) {
            return ids.stream().filter(withTrustScore::contains).count();
        }
    }

    /**
     * Assembles the headline of every account measured in this run against {@code pool} from the inputs kept in
     * memory (a chunk assembled in parallel and stored while the next is assembled); their signals are not read
     * back.
     */
    private Assembled assembleKept(
            List<Kept> measured,
            PoolStatistics pool,
            Instant computedAt,
            ScoringProgress progress,
            long done,
            long total) {
        Iterator<List<Kept>> chunks = chunks(measured).iterator();
        return assemble(
                () -> chunks.hasNext() ? chunks.next() : null,
                k -> new ScoreStore.Scored(k.accountId(), computedAt, k.inputs(), assembler.headline(k.inputs(), pool)),
                new Assembled(new ArrayList<>(), new HashSet<>(), new HashSet<>()),
                progress,
                done,
                total);
    }

    /**
     * Assembles the headline of every account with stored signals but those in {@code except} against {@code pool}
     * (pages of signals read and assembled in parallel, each stored while the next page is read), adding to {@code
     * so far}: an incremental rescore refreshes the percentiles and trust scores of accounts it did not measure.
     */
    private Assembled assembleStored(
            Map<Long, List<String>> niches,
            PoolStatistics pool,
            Set<Long> except,
            Assembled soFar,
            Instant computedAt,
            ScoringProgress progress,
            long done,
            long total) {
        long[] after = {0};
        return assemble(
                () -> {
                    if (after[0] < 0) {
                        return null;
                    }
                    ScoreStore.SignalsPage page = store.storedSignals(after[0], CHUNK, except);
                    after[0] = page.lastId();
                    return page.rows();
                },
                r -> {
                    // Niches may have changed since the account was measured: the current ones decide.
                    HeadlineInputs inputs =
                            HeadlineInputs.of(r.signals()).withNiches(niches.getOrDefault(r.accountId(), List.of()));
                    return new ScoreStore.Scored(r.accountId(), computedAt, inputs, assembler.headline(inputs, pool));
                },
                soFar,
                progress,
                done,
                total);
    }

    /**
     * Stores the headlines of batches from {@code next} (until it returns {@code null}), each batch assembled in
     * parallel and stored by a writer thread while the next one is fetched and assembled.
     */
    private <T> Assembled assemble(
            Supplier<List<T>> next,
            Function<T, ScoreStore.Scored> headline,
            Assembled into,
            ScoringProgress progress,
            long done,
            long total) {
        ExecutorService io = singleThread("microreach-score-writer");
        long stored = 0;
        try {
            Future<List<Long>> storing = null;
            for (List<T> batch = next.get(); batch != null; batch = next.get()) {
                List<ScoreStore.Scored> scored =
                        batch.parallelStream().map(headline).toList();
                for (ScoreStore.Scored s : scored) {
                    into.accountIds().add(s.accountId());
                    if (s.headline().trustScore() != null) {
                        into.withTrustScore().add(s.accountId());
                    }
                }
                stored += scored.size();
                addChanged(into, await(storing));
                storing = scored.isEmpty() ? null : io.submit(() -> store.save(scored));
                progress.update(done + stored, Math.max(total, done + stored), "assembling");
            }
            addChanged(into, await(storing));
        } finally {
            io.shutdownNow();
        }
        return into;
    }

    private static void addChanged(Assembled into, List<Long> changed) {
        if (changed != null) {
            into.changed().addAll(changed);
        }
    }

    private static <T> List<List<T>> chunks(List<T> ids) {
        List<List<T>> chunks = new ArrayList<>();
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
