package io.microreach.app.scoring;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.signals.scorecard.PeerRow;
import io.microreach.signals.scorecard.Scorecard;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores scorecards (headline columns plus the full JSON) and reads them back. */
@Repository
public class ScoreStore {
    private static final String UPSERT = "INSERT INTO account_score (account_id, computed_at, tier, trust_score,"
            + " engagement_rate, engagement_rate_pct, suspicious_share, suspicious_low, suspicious_high,"
            + " suspicious_sample, reply_rate, reply_delay_hours, sponsored_share, cohesion, inviting_share,"
            + " likes_per_comment, anomaly_count, scorecard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?::jsonb) ON CONFLICT (account_id) DO UPDATE SET computed_at = EXCLUDED.computed_at,"
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

    public void save(List<Scored> scored) {
        List<Object[]> rows = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            Scorecard c = s.card();
            var sus = c.suspiciousShare();
            rows.add(new Object[] {
                s.accountId(),
                Timestamp.from(c.computedAt()),
                c.tier(),
                c.trustScore(),
                c.engagementRate(),
                c.engagementRatePercentile(),
                sus == null ? null : sus.estimate(),
                sus == null ? null : sus.low(),
                sus == null ? null : sus.high(),
                sus == null ? null : sus.sampleSize(),
                c.replyRate(),
                c.replyDelayHours(),
                c.sponsoredShare(),
                c.cohesion(),
                s.peers().invitingShare(),
                s.peers().likesPerComment(),
                c.anomalies().count(),
                json.writeValueAsString(c)
            });
        }
        jdbc.batchUpdate(UPSERT, rows);
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
