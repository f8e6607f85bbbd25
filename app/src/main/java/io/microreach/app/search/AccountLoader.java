package io.microreach.app.search;

import io.microreach.domain.TierBands;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what the index needs about a chunk of accounts in five set-based queries (accounts with their scorecard's
 * headline numbers, niches, embeddings, recent captions and hashtags, price estimates), never one query per account.
 */
@Component
class AccountLoader {
    /** Captions per account that feed the keyword index: the same window the engagement signals read. */
    static final int RECENT_POSTS = 30;

    private final JdbcTemplate jdbc;
    private final Supplier<PriceEstimates> prices;

    @Autowired
    AccountLoader(JdbcTemplate jdbc, ObjectProvider<PriceEstimates> prices) {
        this(jdbc, prices::getIfUnique);
    }

    AccountLoader(JdbcTemplate jdbc, Supplier<PriceEstimates> prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    List<Long> allIds() {
        return jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
    }

    /** The embedding model and dimensions most vectors use, or null when there are none. */
    VectorSpace dominantVectorSpace() {
        List<VectorSpace> spaces = jdbc.query(
                "SELECT model, dims FROM account_embedding GROUP BY model, dims ORDER BY count(*) DESC, model LIMIT 1",
                (rs, i) -> new VectorSpace(rs.getString(1), rs.getInt(2)));
        return spaces.isEmpty() ? null : spaces.get(0);
    }

    /** Embedding model and vector length; vectors of another space are not comparable and are not indexed. */
    record VectorSpace(String model, int dims) {}

    /** The accounts among {@code ids} that still exist; vectors outside {@code space} are left out. */
    List<IndexedAccount> load(List<Long> ids, VectorSpace space) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] idArray = ids.toArray(Long[]::new);
        Map<Long, List<NicheScore>> niches = new HashMap<>();
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("SELECT account_id, niche_id, confidence FROM account_niche"
                            + " WHERE account_id = ANY(?) ORDER BY account_id, confidence DESC, niche_id");
                    ps.setArray(1, con.createArrayOf("bigint", idArray));
                    return ps;
                },
                rs -> {
                    niches.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new NicheScore(rs.getString(2), rs.getDouble(3)));
                });
        Map<Long, float[]> vectors = new HashMap<>();
        if (space != null) {
            jdbc.query(
                    con -> {
                        var ps = con.prepareStatement("SELECT account_id, vector FROM account_embedding"
                                + " WHERE account_id = ANY(?) AND model = ? AND dims = ?");
                        ps.setArray(1, con.createArrayOf("bigint", idArray));
                        ps.setString(2, space.model());
                        ps.setInt(3, space.dims());
                        return ps;
                    },
                    rs -> {
                        vectors.put(rs.getLong(1), decode(rs.getBytes(2)));
                    });
        }
        Map<Long, List<String>> captions = new HashMap<>();
        Map<Long, List<String>> hashtags = new HashMap<>();
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("SELECT account_id, caption, hashtags FROM (SELECT account_id,"
                            + " caption, hashtags, row_number() OVER (PARTITION BY account_id ORDER BY published_at"
                            + " DESC, id DESC) AS rn FROM post WHERE account_id = ANY(?)) r WHERE rn <= "
                            + RECENT_POSTS);
                    ps.setArray(1, con.createArrayOf("bigint", idArray));
                    return ps;
                },
                rs -> {
                    long id = rs.getLong(1);
                    String caption = rs.getString(2);
                    if (caption != null && !caption.isBlank()) {
                        captions.computeIfAbsent(id, k -> new ArrayList<>()).add(caption);
                    }
                    hashtags.computeIfAbsent(id, k -> new ArrayList<>()).addAll(strings(rs.getArray(3)));
                });
        PriceEstimates estimator = prices.get();
        Map<Long, PriceEstimates.PriceRange> priced = estimator == null ? Map.of() : estimator.estimates(ids);
        return jdbc.query(
                con -> {
                    var ps = con.prepareStatement("SELECT a.id, a.platform, a.handle, a.display_name, s.tier,"
                            + " a.followers, a.following, a.posts_count, a.last_seen, a.verified, a.country,"
                            + " a.language, (coalesce(a.contact_email, '') <> '' OR coalesce(a.external_url, '') <>"
                            + " ''), s.engagement_rate, s.engagement_rate_pct, s.trust_score, s.suspicious_share,"
                            + " s.reply_rate, a.bio, a.is_demo, (s.scorecard->>'trustCoveredWeight')::float8"
                            + " FROM account a LEFT JOIN account_score s ON s.account_id = a.id"
                            + " WHERE a.id = ANY(?) ORDER BY a.id");
                    ps.setArray(1, con.createArrayOf("bigint", idArray));
                    return ps;
                },
                (rs, i) -> {
                    long id = rs.getLong(1);
                    long followers = rs.getLong(6);
                    String tier = rs.getString(5);
                    return new IndexedAccount(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            tier != null
                                    ? tier
                                    : TierBands.DEFAULT.tierOf(followers).id(),
                            followers,
                            nullableLong(rs, 7),
                            nullableLong(rs, 8),
                            rs.getTimestamp(9).getTime(),
                            rs.getBoolean(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getBoolean(13),
                            rs.getBoolean(20),
                            nullableDouble(rs, 14),
                            nullableDouble(rs, 15),
                            nullableDouble(rs, 16),
                            nullableDouble(rs, 21),
                            nullableDouble(rs, 17),
                            nullableDouble(rs, 18),
                            priced.get(id),
                            niches.getOrDefault(id, List.of()),
                            rs.getString(19),
                            captions.getOrDefault(id, List.of()),
                            hashtags.getOrDefault(id, List.of()),
                            vectors.get(id));
                });
    }

    /** float32 little-endian, as V3__discovery.sql defines account_embedding.vector. */
    static float[] decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        buffer.asFloatBuffer().get(v);
        return v;
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            if (v != null) {
                out.add(v.toString());
            }
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
