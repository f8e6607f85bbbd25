package io.microreach.app.privacy;

import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.users.AuditLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Data retention for follower samples: profiles of people who are not creators, kept only as evidence for the
 * suspicious-follower score. With {@code microreach.retention.follower-samples} set (e.g. {@code 180d}), samples taken
 * longer ago are deleted every night ({@code microreach.retention.cron}, default 03:30) and the accounts they belonged
 * to are rescored, so no score rests on deleted evidence. Samples without a date are kept: their age is unknown.
 * Off by default, because the score needs a sample; click logs get their own setting with campaigns.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "microreach.retention.follower-samples")
public class FollowerSampleRetention {
    private static final Logger LOG = LoggerFactory.getLogger(FollowerSampleRetention.class);

    private final JdbcTemplate jdbc;
    private final Scorer scorer;
    private final AuditLog audit;
    private final Duration keep;

    FollowerSampleRetention(
            JdbcTemplate jdbc,
            Scorer scorer,
            AuditLog audit,
            @Value("${microreach.retention.follower-samples}") Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("microreach.retention.follower-samples must be positive, e.g. 180d");
        }
        this.jdbc = jdbc;
        this.scorer = scorer;
        this.audit = audit;
        this.keep = keep;
    }

    @Scheduled(cron = "${microreach.retention.cron:0 30 3 * * *}")
    void nightly() {
        apply(Instant.now());
    }

    /** Deletes the samples taken before {@code now} minus the retention; returns how many. */
    public long apply(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(keep));
        int deleted = jdbc.update("DELETE FROM follower_sample WHERE sampled_at < ?", cutoff);
        if (deleted > 0) {
            scorer.scoreAll(ScoringProgress.NONE);
            audit.record("retention", null, "retention.follower-samples", deleted + " rows", "taken before " + cutoff);
            LOG.info("Retention: deleted {} follower samples taken before {}", deleted, cutoff);
        }
        return deleted;
    }
}
