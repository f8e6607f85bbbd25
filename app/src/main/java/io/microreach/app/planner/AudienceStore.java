package io.microreach.app.planner;

import io.microreach.app.niches.NicheCorrected;
import io.microreach.app.scoring.AccountsRescored;
import io.microreach.audience.AudienceSketch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds and stores one audience sketch per account from its sampled followers' ids and its commenters' ids
 * (platform id, else the handle), with the follower count as the audience the sketch stands for.
 */
@Component
public class AudienceStore {
    private static final int BATCH = 2_000;
    private final JdbcTemplate jdbc;

    public AudienceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(30)
    public void onRescored(AccountsRescored event) {
        if (event.wholePool()) {
            refreshAll();
        } else {
            refresh(event.measured());
        }
    }

    /** Refreshed after a niche correction too, as after a rescore of that one account. */
    @EventListener
    @Order(30)
    public void onCorrected(NicheCorrected event) {
        refresh(List.of(event.accountId()));
    }

    public void refreshAll() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        for (int i = 0; i < ids.size(); i += BATCH) {
            refresh(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
    }

    @Transactional
    public void refresh(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        Long[] ids = accountIds.toArray(Long[]::new);
        Map<Long, AudienceSketch.Builder> builders = new LinkedHashMap<>();
        Map<Long, Long> followers = new HashMap<>();
        jdbc.query(
                "SELECT id, followers FROM account WHERE id = ANY(?)",
                rs -> {
                    builders.put(rs.getLong(1), AudienceSketch.builder(AudienceSketch.DEFAULT_LG_K));
                    followers.put(rs.getLong(1), rs.getLong(2));
                },
                (Object) ids);
        jdbc.query(
                "SELECT account_id, follower_platform_id FROM follower_sample WHERE account_id = ANY(?)",
                rs -> {
                    builders.get(rs.getLong(1)).add(rs.getString(2));
                },
                (Object) ids);
        // Commenters other than the creator itself.
        jdbc.query(
                "SELECT p.account_id, coalesce(c.author_platform_id, '@' || lower(c.author_handle))"
                        + " FROM comment c JOIN post p ON p.id = c.post_id JOIN account a ON a.id = p.account_id"
                        + " WHERE p.account_id = ANY(?)"
                        + " AND coalesce(c.author_platform_id, '') <> a.platform_id"
                        + " AND lower(c.author_handle) <> lower(a.handle)",
                rs -> {
                    builders.get(rs.getLong(1)).add(rs.getString(2));
                },
                (Object) ids);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        builders.forEach((id, b) -> {
            AudienceSketch s = b.build(followers.get(id));
            rows.add(new Object[] {id, AudienceSketch.FORMAT_VERSION, s.sampleSize(), s.audienceSize(), s.toBytes(), now
            });
        });
        jdbc.batchUpdate(
                "INSERT INTO audience_sketch (account_id, format_version, sample_size, audience_size, sketch,"
                        + " computed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
                        + " format_version = excluded.format_version, sample_size = excluded.sample_size,"
                        + " audience_size = excluded.audience_size, sketch = excluded.sketch,"
                        + " computed_at = excluded.computed_at",
                rows);
    }

    /** Stored sketches by account id (accounts without one are absent). */
    public Map<Long, AudienceSketch> load(List<Long> accountIds) {
        Map<Long, AudienceSketch> out = new HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "SELECT account_id, sketch FROM audience_sketch WHERE account_id = ANY(?)",
                rs -> {
                    out.put(rs.getLong(1), AudienceSketch.fromBytes(rs.getBytes(2)));
                },
                (Object) accountIds.toArray(Long[]::new));
        return out;
    }
}
