package io.microreach.bench;

import io.microreach.app.scoring.ActivityLoader;
import io.microreach.app.scoring.ScoreStore;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringReport;
import io.microreach.signals.scorecard.PoolStatistics;
import io.microreach.signals.scorecard.SignalSuite;
import io.microreach.signals.trust.TrustWeights;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the scoring benchmark times, each phase after {@link BenchDatabase#settle} on a {@link PhaseClock}: the SQL
 * subset (the baseline), the read floor, the loader alone and the microreach score.
 */
final class ScoringPhases {
    private final DataSource dataSource;
    private final Path pgdata;
    private final PrintStream log;

    ScoringPhases(DataSource dataSource, Path pgdata, PrintStream log) {
        this.dataSource = dataSource;
        this.pgdata = pgdata;
        this.log = log;
    }

    /** The SQL subset; its count is the accounts in the result. */
    PhaseClock.Timed<Long> sqlSubset() throws Exception {
        return timed("SQL subset: median ER and reply rate per account ...", () -> sqlSubset(dataSource));
    }

    /** The read floor; its count is the bytes read. */
    PhaseClock.Timed<Long> readFloor() throws Exception {
        return timed(
                "read floor: every row the scorer reads, out of PostgreSQL by binary COPY ...",
                () -> readFloor(dataSource));
    }

    /** The loader alone; its count is the activity rows loaded. */
    PhaseClock.Timed<Long> loaderAlone() throws Exception {
        return timed("loader alone: the scorer's reads, nothing measured or stored ...", () -> loadOnly(dataSource));
    }

    /** Settles the database, announces the phase and runs it on the clock. */
    private PhaseClock.Timed<Long> timed(String announce, PhaseClock.Work<Long> work) throws Exception {
        BenchDatabase.settle(dataSource);
        log.println(announce);
        return PhaseClock.measure(pgdata, work);
    }

    /**
     * The microreach score phase and the heap it used.
     *
     * @param phaseSeconds wall time of each of the scorer's phases (measuring, storing), from its progress callbacks
     */
    record Score(
            ScoringReport report,
            PhaseClock.Measured measured,
            Map<String, Double> phaseSeconds,
            long maxHeapAfterGcMiB,
            long peakHeapMiB,
            long maxHeapMiB) {}

    /** {@link Scorer#scoreAll} over the whole pool. */
    Score score() throws Exception {
        BenchDatabase.settle(dataSource);
        log.println("microreach score ...");
        Scorer scorer = scorer(dataSource);
        HeapUsage.reset();
        ScorerPhaseTimes times = new ScorerPhaseTimes();
        PhaseClock.Timed<ScoringReport> scored = PhaseClock.measure(pgdata, () -> scorer.scoreAll(times::update));
        times.finish();
        return new Score(
                scored.value(),
                scored.measured(),
                times.seconds,
                HeapUsage.liveAfterGcMiB(),
                HeapUsage.peakMiB(),
                HeapUsage.maxMiB());
    }

    /** The scorer's phases' wall time, each from its first progress callback to the next phase's. */
    private static final class ScorerPhaseTimes {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        private String current;
        private long start = System.nanoTime();

        void update(long done, long total, String phase) {
            if (!phase.equals(current)) {
                long now = System.nanoTime();
                if (current != null) {
                    seconds.merge(current, (now - start) / 1e9, Double::sum);
                }
                current = phase;
                start = now;
            }
        }

        void finish() {
            if (current != null) {
                seconds.merge(current, (System.nanoTime() - start) / 1e9, Double::sum);
            }
        }
    }

    private static Scorer scorer(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new Scorer(
                jdbc,
                new ActivityLoader(new NamedParameterJdbcTemplate(jdbc)),
                new ScoreStore(jdbc, JsonMapper.builder().build()),
                new SignalSuite(),
                TrustWeights.DEFAULT,
                event -> {},
                PoolStatistics.DEFAULT_NICHE_MINIMUM_PEERS);
    }

    /**
     * The columns the scorer's loader reads, table by table: a lower bound on the time any scorer that reads its
     * inputs from PostgreSQL needs, before it computes anything. Keep in step with {@code ActivityLoader}'s queries.
     */
    static final List<String> READ_FLOOR = List.of(
            "SELECT a.id, a.platform, a.platform_id, a.handle, a.display_name, a.bio, a.country, a.language,"
                    + " a.followers, a.following, a.posts_count, a.verified, a.is_business, a.is_creator,"
                    + " a.external_url, a.contact_email, c.creator_key, a.observed_at"
                    + " FROM account a LEFT JOIN creator c ON c.id = a.creator_id",
            "SELECT account_id, platform_id, published_at, format, caption, hashtags, mentions, likes, comments,"
                    + " shares, saves, views, followers_at_post, paid_partnership, url, id FROM post",
            "SELECT post_id, platform_id, author_platform_id, author_handle, text, created_at, parent_platform_id,"
                    + " likes FROM comment",
            // Sampled followers, follow edges and daily counts: one pack per account (ActivityLoader says why).
            "SELECT account_id, version, data FROM follower_pack");

    /**
     * Loads every account's activity with the scorer's own loader, in the scorer's chunks, on one thread and without
     * measuring anything: what the loading costs the JVM and PostgreSQL apart from the signals. Returns the rows
     * loaded (posts, comments, sampled followers, edges and daily counts).
     */
    static long loadOnly(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ActivityLoader loader = new ActivityLoader(new NamedParameterJdbcTemplate(jdbc));
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        long rows = 0;
        for (int from = 0; from < ids.size(); from += Scorer.CHUNK) {
            for (var a : loader.load(ids.subList(from, Math.min(ids.size(), from + Scorer.CHUNK)))
                    .values()) {
                rows += a.posts().size()
                        + a.comments().size()
                        + a.followers().size()
                        + a.edges().size()
                        + a.history().size();
            }
        }
        return rows;
    }

    /**
     * Streams every row of {@link #READ_FLOOR} out of PostgreSQL in its cheapest form ({@code COPY ... TO STDOUT
     * (FORMAT binary)}, no text conversion) and throws the bytes away; returns the bytes read.
     */
    static long readFloor(DataSource dataSource) throws SQLException, IOException {
        long bytes = 0;
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String query : READ_FLOOR) {
                var counting = new OutputStream() {
                    long n;

                    @Override
                    public void write(int b) {
                        n++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        n += len;
                    }
                };
                copy.copyOut("COPY (" + query + ") TO STDOUT (FORMAT binary)", counting);
                bytes += counting.n;
            }
        }
        return bytes;
    }

    /**
     * The baseline: median ER per account over the window and the reply rate, as one SQL statement. Same definitions
     * as the signals (engagements = likes + comments + shares + saves over followers at posting time, else current;
     * a reply is the creator's comment whose parent is the top-level comment, within 7 days; comments younger than 7
     * days at observation are left out), simplified where the signals handle odd data (handles without ids, missing
     * parents). Returns the number of accounts in the result, all of whose rows are read.
     */
    static long sqlSubset(DataSource dataSource) throws SQLException {
        String sql = """
                WITH ranked AS (
                  SELECT p.id, p.account_id, p.published_at, a.platform_id AS creator_id, a.observed_at,
                         row_number() OVER w AS rn, max(p.published_at) OVER (PARTITION BY p.account_id) AS newest,
                         (coalesce(p.likes, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0) + coalesce(p.saves, 0))
                           ::float8 / nullif(coalesce(p.followers_at_post, a.followers), 0) AS er
                  FROM post p JOIN account a ON a.id = p.account_id
                  WINDOW w AS (PARTITION BY p.account_id ORDER BY p.published_at DESC, p.id DESC)),
                er AS (
                  SELECT account_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY er) AS median, count(er) AS posts
                  FROM ranked WHERE rn <= 30 AND published_at >= newest - interval '90 days' GROUP BY account_id),
                fan AS (
                  SELECT r.account_id, c.id, c.created_at, r.creator_id
                  FROM ranked r JOIN comment c ON c.post_id = r.id
                  WHERE r.rn <= 30 AND c.parent_id IS NULL AND c.author_platform_id IS DISTINCT FROM r.creator_id
                    AND c.created_at <= r.observed_at - interval '7 days'),
                replies AS (
                  SELECT f.account_id, count(*) AS comments,
                         count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM comment x WHERE x.parent_id = f.id AND x.author_platform_id = f.creator_id
                             AND x.created_at <= f.created_at + interval '7 days')) AS answered
                  FROM fan f GROUP BY f.account_id)
                SELECT coalesce(er.account_id, replies.account_id), er.median, er.posts,
                       replies.answered::float8 / nullif(replies.comments, 0)
                FROM er FULL JOIN replies ON replies.account_id = er.account_id
                """;
        long n = 0;
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    n++;
                }
            }
            c.commit();
        }
        return n;
    }
}
