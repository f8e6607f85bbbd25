package io.microreach.app.crawl;

import static io.microreach.app.database.SqlColumns.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Where an account's numbers came from and how fresh each is, for the creator page: the source that fetched the
 * profile (or a file import), when the profile and follower count were fetched, the newest day of the follower
 * history, when the posts were fetched and the newest post, when the followers were sampled; and what the source
 * cannot see, so those metrics read "unavailable from this source" instead of looking like zero.
 */
@Service
public class AccountProvenance {
    private final JdbcTemplate jdbc;

    public AccountProvenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param source the crawling source, or {@code null} for data from a file import
     * @param profileAt when the profile was fetched (a crawl) or observed (as the import said, else its last import)
     */
    public record Provenance(
            Source source,
            Instant profileAt,
            LocalDate followerHistoryDay,
            Instant postsAt,
            Instant newestPost,
            Instant followersSampledAt) {

        public String label() {
            return source == null ? "imported file" : source.label() + " API";
        }

        public String cannotMeasure() {
            return source == null ? null : source.cannotMeasure();
        }
    }

    public Optional<Provenance> forAccount(long accountId) {
        return jdbc
                .query(
                        "SELECT s.source, coalesce(s.fetched_at, a.observed_at, a.last_seen),"
                                + " (SELECT max(day) FROM follower_count f WHERE f.account_id = a.id), s.posts_at,"
                                + " (SELECT max(published_at) FROM post p WHERE p.account_id = a.id),"
                                + " (SELECT max(sampled_at) FROM follower_sample x WHERE x.account_id = a.id)"
                                + " FROM account a LEFT JOIN account_source s ON s.platform = a.platform"
                                + " AND s.platform_id = a.platform_id WHERE a.id = ?",
                        (rs, i) -> new Provenance(
                                Source.fromId(rs.getString(1)).orElse(null),
                                instant(rs, 2),
                                rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                                instant(rs, 4),
                                instant(rs, 5),
                                instant(rs, 6)),
                        accountId)
                .stream()
                .findFirst();
    }
}
