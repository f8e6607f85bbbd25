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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Scores accounts in two passes: measure every account's signals on its own (in parallel, a chunk of accounts
 * loaded at a time), summarise the pool for peer comparisons, then assemble and store each scorecard. Only the
 * measured signals of the accounts being scored stay in memory, never their posts or comments.
 *
 * <p>{@link #scoreQueued} is the incremental path after an import: it measures only the accounts whose data
 * changed, and rebuilds the pool summary from the stored headline numbers of all other accounts, so the peers of a
 * changed account are current while unchanged accounts keep their stored scorecards until the next full run.
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

    public Scorer(
            JdbcTemplate jdbc,
            ActivityLoader loader,
            ScoreStore store,
            SignalSuite suite,
            TrustWeights weights,
            ApplicationEventPublisher events) {
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
        List<Measured> measured = measure(ids, progress);
        PoolStatistics.Builder pool = PoolStatistics.builder();
        measured.forEach(m -> pool.add(m.signals()));
        ScoringReport report = assembleAndStore(measured, pool.build(), started, progress);
        jdbc.update("DELETE FROM score_queue WHERE queued_at <= ?", java.sql.Timestamp.from(started));
        events.publishEvent(new AccountsRescored(ids, true));
        return report;
    }

    /** Rescores the accounts queued by imports since they were last scored. */
    public ScoringReport scoreQueued(ScoringProgress progress) {
        Instant started = Instant.now();
        List<Long> ids = jdbc.queryForList("SELECT account_id FROM score_queue ORDER BY account_id", Long.class);
        if (ids.isEmpty()) {
            return new ScoringReport(0, 0, 0, Duration.ZERO);
        }
        List<Measured> measured = measure(ids, progress);
        PoolStatistics.Builder pool = PoolStatistics.builder();
        store.storedPeerRows(new HashSet<>(ids)).forEach(pool::add);
        measured.forEach(m -> pool.add(m.signals()));
        ScoringReport report = assembleAndStore(measured, pool.build(), started, progress);
        jdbc.batchUpdate(
                "DELETE FROM score_queue WHERE account_id = ? AND queued_at <= ?",
                ids.stream()
                        .map(id -> new Object[] {id, java.sql.Timestamp.from(started)})
                        .toList());
        events.publishEvent(new AccountsRescored(ids, false));
        return report;
    }

    private List<Measured> measure(List<Long> ids, ScoringProgress progress) {
        List<Measured> measured = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, AccountActivity> activities = loader.load(chunk);
            measured.addAll(activities.entrySet().parallelStream()
                    .map(e -> new Measured(e.getKey(), suite.measure(e.getValue())))
                    .toList());
            progress.update(measured.size(), ids.size() * 2L, "measuring");
        }
        return measured;
    }

    private ScoringReport assembleAndStore(
            List<Measured> measured, PoolStatistics pool, Instant started, ScoringProgress progress) {
        long withTrust = 0;
        for (int from = 0; from < measured.size(); from += CHUNK) {
            List<ScoreStore.Scored> scored =
                    measured.subList(from, Math.min(measured.size(), from + CHUNK)).parallelStream()
                            .map(m -> new ScoreStore.Scored(
                                    m.accountId(),
                                    assembler.assemble(m.signals(), pool, started),
                                    PeerRow.of(m.signals())))
                            .toList();
            store.save(scored);
            withTrust +=
                    scored.stream().filter(s -> s.card().trustScore() != null).count();
            progress.update(measured.size() + from + scored.size(), measured.size() * 2L, "storing");
        }
        return new ScoringReport(measured.size(), withTrust, pool.accounts(), Duration.between(started, Instant.now()));
    }
}
