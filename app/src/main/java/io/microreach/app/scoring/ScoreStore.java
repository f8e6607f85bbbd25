package io.microreach.app.scoring;

import io.microreach.app.importer.CopyRows;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.signals.scorecard.AccountSignals;
import io.microreach.signals.scorecard.PeerRow;
import io.microreach.signals.scorecard.Scorecard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Stores scorecards (headline columns plus the full JSON) and reads them back. */
@Repository
public class ScoreStore {
    private static final String COLUMNS = "account_id, computed_at, tier, trust_score, engagement_rate,"
            + " engagement_rate_pct, suspicious_share, suspicious_low, suspicious_high, suspicious_sample, reply_rate,"
            + " reply_delay_hours, sponsored_share, cohesion, inviting_share, likes_per_comment, anomaly_count, scorecard";
    // Scorecards are written with COPY into a session-local staging table and one upsert per batch: one statement
    // instead of one per row, and the JSON travels as CSV text, not as bound parameters.
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
            + " scorecard = EXCLUDED.scorecard";

    private static final String SIGNALS_STAGE = "CREATE TEMP TABLE IF NOT EXISTS account_signals_stage"
            + " (LIKE account_signals INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    private static final String SIGNALS_UPSERT = "INSERT INTO account_signals (account_id, measured_at, signals)"
            + " SELECT account_id, measured_at, signals FROM account_signals_stage ON CONFLICT (account_id) DO UPDATE"
            + " SET measured_at = EXCLUDED.measured_at, signals = EXCLUDED.signals";

    /**
     * One scorecard to store, with the peer numbers that are not headline fields of the scorecard.
     *
     * @param signals the freshly measured signals to keep for later re-assembly; {@code null} when the scorecard was
     *     re-assembled from the stored ones (they stay as they are)
     */
    public record Scored(long accountId, Scorecard card, PeerRow peers, AccountSignals signals) {}

    /** Stored signals of one account. */
    public record StoredSignals(long accountId, AccountSignals signals) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public ScoreStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the scorecards in one transaction (the JSON is written on the calling thread). */
    public void save(List<Scored> scored) {
        CopyRows rows = new CopyRows();
        for (Scored s : scored) {
            Scorecard c = s.card();
            var sus = c.suspiciousShare();
            rows.number(s.accountId())
                    .time(c.computedAt())
                    .text(c.tier())
                    .decimal(c.trustScore())
                    .decimal(c.engagementRate())
                    .decimal(c.engagementRatePercentile())
                    .decimal(sus == null ? null : sus.estimate())
                    .decimal(sus == null ? null : sus.low())
                    .decimal(sus == null ? null : sus.high())
                    .number(sus == null ? null : sus.sampleSize())
                    .decimal(c.replyRate())
                    .decimal(c.replyDelayHours())
                    .decimal(c.sponsoredShare())
                    .decimal(c.cohesion())
                    .decimal(s.peers().invitingShare())
                    .decimal(s.peers().likesPerComment())
                    .number(c.anomalies().count())
                    .text(json.writeValueAsString(c))
                    .endRow();
        }
        CopyRows signals = new CopyRows();
        for (Scored s : scored) {
            if (s.signals() != null) {
                signals.number(s.accountId())
                        .time(s.card().computedAt())
                        .text(json.writeValueAsString(s.signals()))
                        .endRow();
            }
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute(STAGE);
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("COPY account_score_stage (" + COLUMNS + ") FROM STDIN (FORMAT csv)", rows.reader());
                st.executeUpdate(UPSERT);
                if (signals.rows() > 0) {
                    st.execute(SIGNALS_STAGE);
                    copy.copyIn(
                            "COPY account_signals_stage (account_id, measured_at, signals) FROM STDIN (FORMAT csv)",
                            signals.reader());
                    st.executeUpdate(SIGNALS_UPSERT);
                }
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
            return null;
        });
    }

    /** The stored scorecard JSON of one account, found by platform and handle (case-insensitive). */
    public Optional<String> scorecardJson(Platform platform, String handle) {
        return jdbc
                .query(
                        "SELECT s.scorecard::text FROM account_score s JOIN account a ON a.id = s.account_id"
                                + " WHERE a.platform = ? AND lower(a.handle) = lower(?) ORDER BY a.id LIMIT 1",
                        (rs, i) -> rs.getString(1),
                        platform.id(),
                        handle.startsWith("@") ? handle.substring(1) : handle)
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
                "SELECT account_id, signals FROM account_signals WHERE account_id > ? ORDER BY account_id LIMIT ?",
                rs -> {
                    long id = rs.getLong(1);
                    last[0] = id;
                    read[0]++;
                    if (!except.contains(id)) {
                        out.add(new StoredSignals(id, readSignals(rs.getString(2))));
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

    AccountSignals readSignals(String text) {
        return json.readerFor(AccountSignals.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(text);
    }

    /** A stored account's peer row. */
    public record StoredPeerRow(long accountId, PeerRow row) {}

    /** Peer rows of every scored account except the given ones, rebuilt from the stored columns (without niches). */
    public List<StoredPeerRow> storedPeerRows(java.util.Set<Long> except) {
        List<StoredPeerRow> rows = new ArrayList<>();
        jdbc.query(
                "SELECT s.account_id, a.platform, s.tier, a.followers, s.engagement_rate, s.suspicious_share,"
                        + " s.reply_rate, s.cohesion, s.inviting_share, s.sponsored_share, s.likes_per_comment"
                        + " FROM account_score s JOIN account a ON a.id = s.account_id",
                rs -> {
                    if (except.contains(rs.getLong(1))) {
                        return;
                    }
                    rows.add(new StoredPeerRow(
                            rs.getLong(1),
                            new PeerRow(
                                    Platform.fromId(rs.getString(2)).orElseThrow(),
                                    Tier.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                                    List.of(),
                                    rs.getLong(4),
                                    (Double) rs.getObject(5),
                                    (Double) rs.getObject(6),
                                    (Double) rs.getObject(7),
                                    (Double) rs.getObject(8),
                                    (Double) rs.getObject(9),
                                    (Double) rs.getObject(10),
                                    (Double) rs.getObject(11))));
                });
        return rows;
    }
}
