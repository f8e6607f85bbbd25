package io.microreach.app.tracking;

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
 * Retention of the click log: with {@code microreach.retention.clicks} set (e.g. {@code 395d}: a year and a month,
 * enough to compare a campaign with last year's), clicks older than that are deleted every night ({@code
 * microreach.retention.cron}, default 03:30). Orders keep their attribution, which was decided at arrival; they only
 * lose the click times a later leak check would read. Off by default.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "microreach.retention.clicks")
public class ClickRetention {
    private static final Logger LOG = LoggerFactory.getLogger(ClickRetention.class);

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Duration keep;

    ClickRetention(JdbcTemplate jdbc, AuditLog audit, @Value("${microreach.retention.clicks}") Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("microreach.retention.clicks must be positive, e.g. 395d");
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.keep = keep;
    }

    @Scheduled(cron = "${microreach.retention.cron:0 30 3 * * *}")
    void nightly() {
        apply(Instant.now());
    }

    /** Deletes the clicks before {@code now} minus the retention; returns how many. */
    public long apply(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(keep));
        int deleted = jdbc.update("DELETE FROM campaign_click WHERE clicked_at < ?", cutoff);
        if (deleted > 0) {
            audit.record("retention", null, "retention.clicks", deleted + " rows", "clicked before " + cutoff);
            LOG.info("Retention: deleted {} clicks made before {}", deleted, cutoff);
        }
        return deleted;
    }
}
