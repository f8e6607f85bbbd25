package io.microreach.app.scoring;

import io.microreach.app.importer.CopyRows;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
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
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
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

    /** One scorecard to store, with the peer numbers that are not headline fields of the scorecard. */
    public record Scored(long accountId, Scorecard card, PeerRow peers) {}

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
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute(STAGE);
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY account_score_stage (" + COLUMNS + ") FROM STDIN (FORMAT csv)", rows.reader());
                st.executeUpdate(UPSERT);
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

    /** Peer rows of every scored account except the given ones, rebuilt from the stored columns. */
    public List<PeerRow> storedPeerRows(java.util.Set<Long> except) {
        List<PeerRow> rows = new ArrayList<>();
        jdbc.query(
                "SELECT s.account_id, a.platform, s.tier, a.followers, s.engagement_rate, s.suspicious_share,"
                        + " s.reply_rate, s.cohesion, s.inviting_share, s.sponsored_share, s.likes_per_comment"
                        + " FROM account_score s JOIN account a ON a.id = s.account_id",
                rs -> {
                    if (except.contains(rs.getLong(1))) {
                        return;
                    }
                    rows.add(new PeerRow(
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
                            (Double) rs.getObject(11)));
                });
        return rows;
    }
}
