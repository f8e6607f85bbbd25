package io.microreach.app.scoring;

import io.microreach.app.database.BinaryCopyWriter;
import io.microreach.app.database.CopyRows;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.signals.followers.ShareEstimate;
import io.microreach.signals.scorecard.AccountSignals;
import io.microreach.signals.scorecard.Headline;
import io.microreach.signals.scorecard.HeadlineInputs;
import io.microreach.signals.scorecard.PeerRow;
import io.microreach.signals.scorecard.PoolStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what scoring produces: each account's headline scorecard numbers ({@code account_score}, what search, lists
 * and the planner filter on) and its measured signals ({@code account_signals}, packed by {@link SignalsCodec}), and
 * reads them back. Full scorecards are not stored: {@link ScorecardReader} assembles them from the signals.
 */
@Repository
public class ScoreStore {
    private static final String COLUMNS = "account_id, computed_at, tier, trust_score, engagement_rate,"
            + " engagement_rate_pct, suspicious_share, suspicious_low, suspicious_high, suspicious_sample, reply_rate,"
            + " reply_delay_hours, sponsored_share, cohesion, inviting_share, likes_per_comment, anomaly_count";
    // Written with COPY into a session-local staging table and one upsert per batch: one statement instead of one
    // per row. The scorecard JSON of older versions is cleared: the reader assembles it from the signals now.
    private static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS account_score_stage"
            + " (LIKE account_score INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    private static final String UPSERT = "INSERT INTO account_score (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM account_score_stage ON CONFLICT (account_id) DO UPDATE SET computed_at = EXCLUDED.computed_at,"
            + " tier = EXCLUDED.tier, trust_score = EXCLUDED.trust_score, engagement_rate = EXCLUDED.engagement_rate,"
            + " engagement_rate_pct = EXCLUDED.engagement_rate_pct, suspicious_share = EXCLUDED.suspicious_share,"
            + " suspicious_low = EXCLUDED.suspicious_low, suspicious_high = EXCLUDED.suspicious_high,"
            + " suspicious_sample = EXCLUDED.suspicious_sample, reply_rate = EXCLUDED.reply_rate,"
            + " reply_delay_hours = EXCLUDED.reply_delay_hours, sponsored_share = EXCLUDED.sponsored_share,"
            + " cohesion = EXCLUDED.cohesion, inviting_share = EXCLUDED.inviting_share,"
            + " likes_per_comment = EXCLUDED.likes_per_comment, anomaly_count = EXCLUDED.anomaly_count,"
            + " scorecard = NULL";

    // The accounts of a batch whose headline numbers that search shows and ranks by are new or differ from the stored
    // ones (computed_at and the other columns aside): an incremental rescore re-indexes only those.
    private static final String CHANGED = "SELECT s.account_id FROM account_score_stage s LEFT JOIN account_score t"
            + " ON t.account_id = s.account_id WHERE t.account_id IS NULL OR ROW(t.tier, t.trust_score,"
            + " t.engagement_rate, t.engagement_rate_pct, t.suspicious_share, t.reply_rate, t.anomaly_count)"
            + " IS DISTINCT FROM ROW(s.tier, s.trust_score, s.engagement_rate, s.engagement_rate_pct,"
            + " s.suspicious_share, s.reply_rate, s.anomaly_count)";

    private static final String SIGNALS_STAGE = "CREATE TEMP TABLE IF NOT EXISTS account_signals_stage"
            + " (account_id bigint, measured_at timestamptz, packed bytea) ON COMMIT DELETE ROWS";
    private static final String SIGNALS_UPSERT = "INSERT INTO account_signals (account_id, measured_at, packed)"
            + " SELECT account_id, measured_at, packed FROM account_signals_stage ON CONFLICT (account_id) DO UPDATE"
            + " SET measured_at = EXCLUDED.measured_at, packed = EXCLUDED.packed, signals = NULL";

    /** The headline numbers of one account to store: its pool-independent inputs and what the pool added. */
    public record Scored(long accountId, Instant computedAt, HeadlineInputs inputs, Headline headline) {}

    /** One account's freshly measured signals, packed for storage. */
    record PackedSignals(long accountId, Instant measuredAt, byte[] packed) {}

    /** Stored signals of one account. */
    public record StoredSignals(long accountId, AccountSignals signals) {}

    private final JdbcTemplate jdbc;
    private final SignalsCodec codec;

    public ScoreStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.codec = new SignalsCodec(json);
    }

    /** Packs signals for {@link #saveSignals}; thread-safe, meant to run on the scoring threads. */
    PackedSignals pack(long accountId, Instant measuredAt, AccountSignals signals) {
        return new PackedSignals(accountId, measuredAt, codec.pack(signals));
    }

    /** Stores the headline numbers of the scorecards in one transaction. */
    /**
     * Stores the headline numbers of these accounts and returns those whose numbers that search shows and ranks by
     * (tier, trust score, engagement rate and its percentile, suspicious share, reply rate, anomaly count) are new or
     * changed.
     */
    public List<Long> save(List<Scored> scored) {
        CopyRows rows = new CopyRows();
        for (Scored s : scored) {
            PeerRow p = s.inputs().peers();
            ShareEstimate sus = s.inputs().suspicious();
            rows.number(s.accountId())
                    .time(s.computedAt())
                    .text(p.tier().id())
                    .decimal(s.headline().trustScore())
                    .decimal(p.engagementRate())
                    .decimal(s.headline().engagementRatePercentile())
                    .decimal(sus == null ? null : sus.share())
                    .decimal(sus == null ? null : sus.low())
                    .decimal(sus == null ? null : sus.high())
                    .number(sus == null ? null : s.inputs().suspiciousSample())
                    .decimal(p.replyRate())
                    .decimal(s.inputs().replyDelayHours())
                    .decimal(p.sponsoredShare())
                    .decimal(p.cohesion())
                    .decimal(p.invitingShare())
                    .decimal(p.likesPerComment())
                    .number(s.headline().anomalyCount())
                    .endRow();
        }
        return copyAndUpsert(
                STAGE, "COPY account_score_stage (" + COLUMNS + ") FROM STDIN (FORMAT csv)", rows, CHANGED, UPSERT);
    }

    /** Stores measured signals in one transaction. */
    void saveSignals(List<PackedSignals> signals) {
        int bytes = 0;
        for (PackedSignals s : signals) {
            bytes += 2 + 12 + 12 + 4 + s.packed().length;
        }
        BinaryCopyWriter rows = new BinaryCopyWriter(bytes);
        for (PackedSignals s : signals) {
            rows.row(3).int8(s.accountId()).timestamp(s.measuredAt()).bytes(s.packed());
        }
        String copySql = "COPY account_signals_stage (account_id, measured_at, packed) FROM STDIN (FORMAT binary)";
        copyAndUpsert(SIGNALS_STAGE, rows.rows(), copy -> copy.copyIn(copySql, rows.body()), null, SIGNALS_UPSERT);
    }

    /** Sends the rows of a {@code COPY … FROM STDIN}. */
    @FunctionalInterface
    private interface CopyIn {
        void send(CopyManager copy) throws SQLException, IOException;
    }

    private List<Long> copyAndUpsert(String stage, String copySql, CopyRows rows, String changed, String upsert) {
        return copyAndUpsert(stage, rows.rows(), copy -> copy.copyIn(copySql, rows.reader()), changed, upsert);
    }

    /** Copies the rows into the stage and upserts them; returns the ids {@code changed} (if any) finds first. */
    private List<Long> copyAndUpsert(String stage, int rows, CopyIn copyIn, String changed, String upsert) {
        if (rows == 0) {
            return List.of();
        }
        return jdbc.execute((ConnectionCallback<List<Long>>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            try (Statement st = connection.createStatement()) {
                st.execute(stage);
                copyIn.send(connection.unwrap(PGConnection.class).getCopyAPI());
                if (changed != null) {
                    try (ResultSet rs = st.executeQuery(changed)) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                st.executeUpdate(upsert);
                connection.commit();
            } catch (IOException e) {
                connection.rollback();
                throw new UncheckedIOException(e);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return ids;
        });
    }

    /** The stored signals of one account, if it has been measured. */
    public Optional<StoredSignals> signals(long accountId) {
        return jdbc
                .query(
                        "SELECT account_id, packed, signals FROM account_signals WHERE account_id = ?",
                        (rs, i) -> new StoredSignals(rs.getLong(1), readSignals(rs.getBytes(2), rs.getString(3))),
                        accountId)
                .stream()
                .findFirst();
    }

    /**
     * The scorecard JSON stored by a version before V7 for an account whose signals were never kept (it is cleared
     * when the account is scored again).
     */
    Optional<String> legacyScorecardJson(long accountId) {
        return jdbc
                .query(
                        "SELECT scorecard::text FROM account_score WHERE account_id = ? AND scorecard IS NOT NULL",
                        (rs, i) -> rs.getString(1),
                        accountId)
                .stream()
                .findFirst();
    }

    /** One page of stored signals; {@code lastId} is where the next page starts, {@code -1} after the last page. */
    public record SignalsPage(List<StoredSignals> rows, long lastId) {}

    /**
     * Stored signals of accounts with ids above {@code afterId}, in id order, at most {@code limit} rows read; rows
     * of {@code except} are read but left out (one page of a walk over all accounts).
     */
    public SignalsPage storedSignals(long afterId, int limit, Set<Long> except) {
        List<StoredSignals> out = new ArrayList<>();
        long[] last = {-1};
        int[] read = {0};
        jdbc.query(
                "SELECT account_id, packed, signals FROM account_signals WHERE account_id > ? ORDER BY account_id"
                        + " LIMIT ?",
                rs -> {
                    long id = rs.getLong(1);
                    last[0] = id;
                    read[0]++;
                    if (!except.contains(id)) {
                        out.add(new StoredSignals(id, readSignals(rs.getBytes(2), rs.getString(3))));
                    }
                },
                afterId,
                limit);
        return new SignalsPage(out, read[0] < limit ? -1 : last[0]);
    }

    /** Scored accounts whose signals are not stored (scored before signals were kept): they need measuring. */
    public List<Long> scoredWithoutSignals() {
        return jdbc.queryForList(
                "SELECT s.account_id FROM account_score s WHERE NOT EXISTS"
                        + " (SELECT 1 FROM account_signals g WHERE g.account_id = s.account_id) ORDER BY s.account_id",
                Long.class);
    }

    private AccountSignals readSignals(byte[] packed, String text) {
        return packed != null ? codec.unpack(packed) : codec.fromText(text);
    }

    /**
     * Adds the peer row of every scored account except {@code except} to {@code pool}, rebuilt from the stored
     * headline columns with the given niches (the pool of an incremental rescore, and of the scorecard reader);
     * returns how many were added.
     */
    int addStoredPeers(PoolStatistics.Builder pool, Map<Long, List<String>> niches, Set<Long> except) {
        int[] added = {0};
        jdbc.query(
                "SELECT s.account_id, a.platform, s.tier, a.followers, s.engagement_rate, s.suspicious_share,"
                        + " s.reply_rate, s.cohesion, s.inviting_share, s.sponsored_share, s.likes_per_comment"
                        + " FROM account_score s JOIN account a ON a.id = s.account_id",
                rs -> {
                    long accountId = rs.getLong(1);
                    if (except.contains(accountId)) {
                        return;
                    }
                    pool.add(new PeerRow(
                            Platform.fromId(rs.getString(2)).orElseThrow(),
                            Tier.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                            niches.getOrDefault(accountId, List.of()),
                            rs.getLong(4),
                            (Double) rs.getObject(5),
                            (Double) rs.getObject(6),
                            (Double) rs.getObject(7),
                            (Double) rs.getObject(8),
                            (Double) rs.getObject(9),
                            (Double) rs.getObject(10),
                            (Double) rs.getObject(11)));
                    added[0]++;
                });
        return added[0];
    }

    /**
     * Each account's primary niche (its highest-confidence row in {@code account_niche}, ties by niche id) as a
     * one-element list; accounts without niches are absent.
     */
    public Map<Long, List<String>> primaryNiches() {
        Map<Long, List<String>> niches = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT ON (account_id) account_id, niche_id FROM account_niche"
                        + " ORDER BY account_id, confidence DESC, niche_id",
                rs -> {
                    niches.put(rs.getLong(1), List.of(rs.getString(2)));
                });
        return niches;
    }
}
