package io.microreach.app.scoring;

import io.microreach.domain.Platform;
import io.microreach.signals.scorecard.AccountSignals;
import io.microreach.signals.scorecard.PoolStatistics;
import io.microreach.signals.scorecard.Scorecard;
import io.microreach.signals.scorecard.ScorecardAssembler;
import io.microreach.signals.scorecard.SignalSuite;
import io.microreach.signals.trust.TrustWeights;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an account's full scorecard. Scorecards are not stored (a 16 KB JSON per account that every rescore of the
 * pool replaced); they are a function of the account's stored signals, the pool's peer rows and the current niches,
 * so they are assembled here exactly as the scorer assembles them when it stores the headline numbers.
 *
 * <p>The pool summary is cached and rebuilt when the stored pool changes: a cheap fingerprint query (the latest
 * {@code computed_at} of the scores and of the niches, and the corrections) is compared on every read, so a read after
 * a rescore, an import's incremental rescore, a re-classification or a niche correction sees the new pool. Accounts scored by a version before V7
 * whose signals were never kept are served their stored scorecard JSON until they are scored again.
 */
@Service
public class ScorecardReader {
    // Index lookups (V8) and the small corrections table, cheap enough for every read: every scoring stamps every
    // account's computed_at, every classification and correction writes niche rows or a correction with the time.
    private static final String FINGERPRINT = "SELECT coalesce((SELECT max(computed_at)::text FROM account_score), '-')"
            + " || '/' || coalesce((SELECT max(computed_at)::text FROM account_niche), '-') || '/' || (SELECT count(*)"
            + " || ':' || coalesce(max(corrected_at)::text, '-') FROM niche_correction)";

    private final JdbcTemplate jdbc;
    private final ScoreStore store;
    private final ScorecardAssembler assembler;
    private final JsonMapper json;
    private final int nicheMinimumPeers;

    private record CachedPool(String fingerprint, PoolStatistics pool, Map<Long, List<String>> niches) {}

    private volatile CachedPool cached;

    public ScorecardReader(
            JdbcTemplate jdbc,
            ScoreStore store,
            SignalSuite suite,
            TrustWeights weights,
            JsonMapper json,
            @Value("${microreach.scoring.niche-minimum-peers:" + PoolStatistics.DEFAULT_NICHE_MINIMUM_PEERS + "}")
                    int nicheMinimumPeers) {
        this.jdbc = jdbc;
        this.store = store;
        this.assembler = new ScorecardAssembler(weights, suite.anomalyDetector());
        this.json = json;
        this.nicheMinimumPeers = nicheMinimumPeers;
    }

    /** The account's scorecard, if it has been scored. */
    public Optional<Scorecard> scorecard(long accountId) {
        Optional<Instant> computedAt = computedAt(accountId);
        if (computedAt.isEmpty()) {
            return Optional.empty();
        }
        return store.signals(accountId).map(stored -> assemble(pool(), stored.signals(), accountId, computedAt.get()));
    }

    /** The account's scorecard as JSON (the REST API's and {@code scorecard --json}'s form), if it has been scored. */
    public Optional<String> json(long accountId) {
        Optional<Scorecard> card = scorecard(accountId);
        if (card.isPresent()) {
            return Optional.of(json.writeValueAsString(card.get()));
        }
        return store.legacyScorecardJson(accountId);
    }

    /** The scorecard JSON of the account with this platform and handle (case-insensitive, leading @ ignored). */
    public Optional<String> json(Platform platform, String handle) {
        return jdbc
                .queryForList(
                        "SELECT id FROM account WHERE platform = ? AND lower(handle) = lower(?) ORDER BY id LIMIT 1",
                        Long.class,
                        platform.id(),
                        handle.startsWith("@") ? handle.substring(1) : handle)
                .stream()
                .findFirst()
                .flatMap(this::json);
    }

    /**
     * Every scored account's scorecard JSON, a page of stored signals at a time against one pool (for evaluations
     * over the whole pool); accounts without stored signals are left out.
     */
    /**
     * Every stored scorecard as JSON, named {@code "platform:platform_id"} as generated ground truth names accounts
     * ({@code microreach eval planted}).
     */
    public void forEachJsonByPlatformId(BiConsumer<String, String> action) {
        Map<Long, String> keys = new HashMap<>();
        jdbc.query("SELECT id, platform, platform_id FROM account", rs -> {
            keys.put(rs.getLong(1), rs.getString(2) + ":" + rs.getString(3));
        });
        forEachJson((accountId, card) -> action.accept(keys.get(accountId), card));
    }

    public void forEachJson(BiConsumer<Long, String> action) {
        CachedPool pool = pool();
        Map<Long, Instant> computed = new HashMap<>();
        jdbc.query("SELECT account_id, computed_at FROM account_score", rs -> {
            computed.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
        });
        long after = 0;
        while (after >= 0) {
            ScoreStore.SignalsPage page = store.storedSignals(after, Scorer.CHUNK, Set.of());
            for (ScoreStore.StoredSignals s : page.rows()) {
                Instant at = computed.get(s.accountId());
                if (at != null) {
                    action.accept(
                            s.accountId(), json.writeValueAsString(assemble(pool, s.signals(), s.accountId(), at)));
                }
            }
            after = page.lastId();
        }
    }

    private Scorecard assemble(CachedPool pool, AccountSignals signals, long accountId, Instant computedAt) {
        return assembler.assemble(
                signals.withNiches(pool.niches().getOrDefault(accountId, List.of())), pool.pool(), computedAt);
    }

    private Optional<Instant> computedAt(long accountId) {
        return jdbc
                .query(
                        "SELECT computed_at FROM account_score WHERE account_id = ?",
                        (rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant(),
                        accountId)
                .stream()
                .findFirst();
    }

    private CachedPool pool() {
        String fingerprint = jdbc.queryForObject(FINGERPRINT, String.class);
        CachedPool current = cached;
        if (current != null && current.fingerprint().equals(fingerprint)) {
            return current;
        }
        synchronized (this) {
            current = cached;
            if (current != null && current.fingerprint().equals(fingerprint)) {
                return current;
            }
            Map<Long, List<String>> niches = store.primaryNiches();
            PoolStatistics.Builder builder = PoolStatistics.builder().nicheMinimumPeers(nicheMinimumPeers);
            store.addStoredPeers(builder, niches, Set.of());
            current = new CachedPool(fingerprint, builder.build(), niches);
            cached = current;
            return current;
        }
    }
}
