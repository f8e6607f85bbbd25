package io.microreach.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.users.AuditLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FollowerSampleRetentionTest extends SpringAppTest {
    @Autowired
    Scorer scorer;

    @Autowired
    AuditLog audit;

    private void sample(String follower, Instant sampledAt) {
        jdbc.update(
                "INSERT INTO follower_sample (platform, account_platform_id, follower_platform_id, handle, sampled_at)"
                        + " VALUES ('instagram', 'retention-account', ?, ?, ?)",
                follower,
                follower,
                sampledAt == null ? null : Timestamp.from(sampledAt));
    }

    @Test
    void samplesOlderThanTheRetentionGoAndNewerOrUndatedOnesStay() {
        emptyPublicTables();
        Instant now = Instant.parse("2026-12-07T03:30:00Z");
        sample("old", now.minus(Duration.ofDays(181)));
        sample("recent", now.minus(Duration.ofDays(179)));
        sample("undated", null);
        FollowerSampleRetention retention = new FollowerSampleRetention(jdbc, scorer, audit, Duration.ofDays(180));

        assertThat(retention.apply(now)).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT handle FROM follower_sample WHERE account_platform_id = 'retention-account'"
                                + " ORDER BY handle",
                        String.class))
                .containsExactly("recent", "undated");
        assertThat(retention.apply(now)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'retention.follower-samples'", Long.class))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRetentionOfZeroIsRefused() {
        assertThatThrownBy(() -> new FollowerSampleRetention(jdbc, scorer, audit, Duration.ZERO))
                .hasMessageContaining("microreach.retention.follower-samples");
    }
}
