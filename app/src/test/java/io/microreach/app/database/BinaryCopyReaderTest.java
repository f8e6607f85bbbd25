package io.microreach.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.ActivityLoader;
import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.SampledFollower;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;

/** The binary COPY decoder against PgJDBC's own reading of the same values, and the loader built on it. */
class BinaryCopyReaderTest extends SpringAppTest {
    @Autowired
    Importer importer;

    @Autowired
    ActivityLoader loader;

    @TempDir
    Path dir;

    private static final String VALUES = "SELECT * FROM (VALUES"
            + " (1::bigint, 'plain'::text, true, timestamptz '2026-11-26 13:45:07.123456+00', date '2026-11-26',"
            + "  ARRAY['a','bé']::text[], 7::integer),"
            + " ('-9223372036854775808'::bigint, 'Grüße 😀 \"q\" \\ tab\t', false, timestamptz '1969-07-20 20:17:40.5+00',"
            + "  date '1970-01-01', ARRAY[]::text[], -1::integer),"
            + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " (9223372036854775807, '', true, timestamptz '1999-12-31 23:59:59.999999+00', date '1999-12-31',"
            + "  ARRAY['', 'x y']::text[], 0))"
            + " v(n, t, b, ts, d, arr, i)";

    private record Row(Long n, String t, Boolean b, Instant ts, LocalDate d, List<String> arr, Long i) {}

    @Test
    void decodesEveryTypeLikeJdbc() {
        List<Row> expected = jdbc.query(
                VALUES,
                (rs, k) -> new Row(
                        (Long) rs.getObject(1),
                        rs.getString(2),
                        (Boolean) rs.getObject(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getObject(5, LocalDate.class),
                        strings(rs, 6),
                        rs.getObject(7) == null ? null : ((Integer) rs.getObject(7)).longValue()));
        List<Row> copied = copy(
                VALUES,
                r -> new Row(
                        r.nullableLong(),
                        r.text(),
                        r.bool(),
                        r.timestamp(),
                        r.date(),
                        r.textArray(),
                        r.nullableLong()));
        assertThat(copied).hasSize(4).isEqualTo(expected);
        assertThat(copied.get(0).ts()).isEqualTo(Instant.parse("2026-11-26T13:45:07.123456Z"));
        assertThat(copied.get(1).ts()).isEqualTo(Instant.parse("1969-07-20T20:17:40.500Z"));
    }

    @Test
    void decodesByteaLikeJdbc() {
        String query = "SELECT * FROM (VALUES ('\\x00ff10'::bytea), (''::bytea), (NULL)) v(b)";
        List<byte[]> expected = jdbc.query(query, (rs, k) -> rs.getBytes(1));
        List<byte[]> copied = copy(query, r -> r.bytes());
        assertThat(copied).hasSize(3);
        assertThat(copied.get(0)).containsExactly(0, 0xff, 0x10).isEqualTo(expected.get(0));
        assertThat(copied.get(1)).isEmpty();
        assertThat(copied.get(2)).isNull();
    }

    @Test
    void aRowReadPartlyIsAnError() {
        assertThatThrownBy(() -> copy("SELECT 1::bigint, 2::bigint", r -> r.longValue()))
                .hasMessageContaining("field(s) of the previous row not read");
    }

    @Test
    void writerRowsArriveAsWritten() {
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        List<Object[]> rows = List.of(
                new Object[] {1L, Instant.parse("2026-11-26T13:45:07.123456789Z"), new byte[] {0, 1, (byte) 0xff}},
                new Object[] {Long.MIN_VALUE, Instant.parse("1969-07-20T20:17:40.5Z"), new byte[0]},
                new Object[] {Long.MAX_VALUE, Instant.parse("1999-12-31T23:59:59.999999Z"), null},
                new Object[] {42L, Instant.parse("2000-01-01T00:00:00Z"), big});
        BinaryCopyWriter writer = new BinaryCopyWriter(16);
        for (Object[] r : rows) {
            writer.row(3).int8((Long) r[0]).timestamp((Instant) r[1]).bytes((byte[]) r[2]);
        }
        List<Object[]> read = jdbc.execute((ConnectionCallback<List<Object[]>>) connection -> {
            try (var st = connection.createStatement()) {
                st.execute("CREATE TEMP TABLE copy_check (n bigint, t timestamptz, b bytea)");
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY copy_check FROM STDIN (FORMAT binary)", writer.body());
                List<Object[]> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT n, t, b FROM copy_check")) {
                    while (rs.next()) {
                        out.add(new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3)});
                    }
                }
                st.execute("DROP TABLE copy_check");
                return out;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(read).hasSize(4);
        assertThat(read.get(0)[1])
                .as("rounded to microseconds")
                .isEqualTo(Instant.parse("2026-11-26T13:45:07.123457Z"));
        for (int i = 1; i < 4; i++) {
            assertThat(read.get(i)).isEqualTo(rows.get(i));
        }
        assertThat(read.get(0)[0]).isEqualTo(1L);
        assertThat((byte[]) read.get(0)[2]).containsExactly(0, 1, 0xff);
    }

    /** The loader reads through COPY; every field must be what the tables hold. */
    @Test
    void loaderReadsWhatTheTablesHold() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(12, 5)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        // The first load reads the followers from their rows (the packs are stale after an import) and stores the
        // packs; the second reads the packs. Both must be what the tables hold.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_pack WHERE data IS NULL", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(DISTINCT account_id) FROM follower_sample", Integer.class))
                .isPositive();
        Map<Long, AccountActivity> fromRows = loader.load(ids);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_pack WHERE data IS NULL", Integer.class))
                .isZero();
        Map<Long, AccountActivity> loaded = loader.load(ids);
        assertThat(loaded).isEqualTo(fromRows);
        assertThat(loaded.keySet()).containsExactlyElementsOf(ids);
        int posts = 0;
        int comments = 0;
        int followers = 0;
        for (long id : ids) {
            AccountActivity a = loaded.get(id);
            for (Post p : a.posts()) {
                Map<String, Object> row = jdbc.queryForMap(
                        "SELECT published_at, format, caption, array_to_string(hashtags, '|') tags, likes, comments,"
                                + " views, followers_at_post, paid_partnership, url FROM post"
                                + " WHERE account_id = ? AND platform_id = ?",
                        id,
                        p.platformId());
                assertThat(p.publishedAt()).isEqualTo(((java.sql.Timestamp) row.get("published_at")).toInstant());
                assertThat(p.format().id()).isEqualTo(row.get("format"));
                assertThat(p.caption()).isEqualTo(row.get("caption"));
                assertThat(String.join("|", p.hashtags())).isEqualTo(row.get("tags"));
                assertThat(p.likes()).isEqualTo(row.get("likes"));
                assertThat(p.comments()).isEqualTo(row.get("comments"));
                assertThat(p.views()).isEqualTo(row.get("views"));
                assertThat(p.followersAtPost()).isEqualTo(row.get("followers_at_post"));
                assertThat(p.paidPartnership()).isEqualTo(row.get("paid_partnership"));
                assertThat(p.url()).isEqualTo(row.get("url"));
                posts++;
            }
            for (Comment c : a.comments()) {
                Map<String, Object> row = jdbc.queryForMap(
                        "SELECT author_platform_id, author_handle, text, created_at, parent_platform_id, likes"
                                + " FROM comment WHERE platform_id = ?",
                        c.platformId());
                assertThat(c.authorPlatformId()).isEqualTo(row.get("author_platform_id"));
                assertThat(c.authorHandle()).isEqualTo(row.get("author_handle"));
                assertThat(c.text()).isEqualTo(row.get("text"));
                assertThat(c.createdAt()).isEqualTo(((java.sql.Timestamp) row.get("created_at")).toInstant());
                assertThat(c.parentPlatformId()).isEqualTo(row.get("parent_platform_id"));
                assertThat(c.likes()).isEqualTo(row.get("likes"));
                comments++;
            }
            List<String> sampleIds = jdbc.queryForList(
                    "SELECT follower_platform_id FROM follower_sample WHERE account_id = ? ORDER BY id",
                    String.class,
                    id);
            assertThat(a.followers())
                    .extracting(SampledFollower::followerPlatformId)
                    .isEqualTo(sampleIds);
            for (SampledFollower f : a.followers()) {
                Map<String, Object> row = jdbc.queryForMap(
                        "SELECT handle, full_name, bio, followers, following, posts_count, has_profile_pic,"
                                + " is_private, external_url FROM follower_sample"
                                + " WHERE account_id = ? AND follower_platform_id = ?",
                        id,
                        f.followerPlatformId());
                // What the signals read of the row: the same reduction as from an imported sample.
                assertThat(f)
                        .isEqualTo(SampledFollower.of(
                                a.account().platform(),
                                f.followerPlatformId(),
                                (String) row.get("handle"),
                                (String) row.get("full_name"),
                                (String) row.get("bio"),
                                (Long) row.get("followers"),
                                (Long) row.get("following"),
                                (Long) row.get("posts_count"),
                                (Boolean) row.get("has_profile_pic"),
                                (Boolean) row.get("is_private"),
                                row.get("external_url") != null));
                followers++;
            }
            assertThat(a.history())
                    .extracting(h -> h.date())
                    .isEqualTo(jdbc.queryForList(
                            "SELECT day FROM follower_count WHERE account_id = ? ORDER BY day", LocalDate.class, id));
            assertThat(a.edges())
                    .hasSize(jdbc.queryForObject(
                            "SELECT count(*) FROM follow_edge WHERE account_id = ?", Integer.class, id));
        }
        assertThat(posts).isGreaterThan(100);
        assertThat(comments).isGreaterThan(100);
        assertThat(followers).isGreaterThan(100);
    }

    private interface RowMapper<T> {
        T map(BinaryCopyReader row) throws IOException;
    }

    private <T> List<T> copy(String query, RowMapper<T> mapper) {
        return jdbc.execute((ConnectionCallback<List<T>>) connection -> {
            List<T> out = new ArrayList<>();
            try (PGCopyInputStream in = new PGCopyInputStream(
                    connection.unwrap(PGConnection.class), "COPY (" + query + ") TO STDOUT (FORMAT binary)")) {
                BinaryCopyReader reader = new BinaryCopyReader(in);
                while (reader.next()) {
                    out.add(mapper.map(reader));
                }
                reader.end();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
