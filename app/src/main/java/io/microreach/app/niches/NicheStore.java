package io.microreach.app.niches;

import io.microreach.niches.ContentText;
import io.microreach.niches.NicheScore;
import io.microreach.niches.NicheScores;
import io.microreach.niches.Vectors;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads accounts' content and writes embeddings, niches and corrections (tables of V3__discovery.sql). */
@Repository
class NicheStore {
    /** Model rows below this confidence are not stored (except the best niche of an account that is not unclear). */
    static final double STORE_FLOOR = 0.2;

    private final JdbcTemplate jdbc;

    NicheStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record StoredEmbedding(String model, byte[] contentHash, float[] vector) {}

    record Embedded(long accountId, String model, byte[] contentHash, float[] vector) {}

    record Classified(long accountId, List<NicheScore> niches) {}

    /** The content text of each account (see {@link ContentText}), in id order. */
    Map<Long, String> contentTexts(List<Long> ids) {
        Map<Long, String> bios = new LinkedHashMap<>();
        Map<Long, List<String>> captions = new HashMap<>();
        Map<Long, List<String>> tags = new HashMap<>();
        Long[] boxed = ids.toArray(Long[]::new);
        jdbc.query(
                "SELECT id, bio FROM account WHERE id = ANY(?) ORDER BY id",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", boxed)),
                rs -> {
                    bios.put(rs.getLong(1), rs.getString(2));
                });
        jdbc.query(
                "SELECT a.id, p.caption, p.hashtags FROM unnest(?::bigint[]) AS a(id) CROSS JOIN LATERAL"
                        + " (SELECT id, published_at, caption, hashtags FROM post WHERE account_id = a.id"
                        + " ORDER BY published_at DESC, id DESC LIMIT " + ContentText.RECENT_POSTS + ") p"
                        + " ORDER BY a.id, p.published_at DESC, p.id DESC",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", boxed)),
                rs -> {
                    long id = rs.getLong(1);
                    captions.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(2));
                    Array a = rs.getArray(3);
                    if (a != null) {
                        for (Object t : (Object[]) a.getArray()) {
                            tags.computeIfAbsent(id, k -> new ArrayList<>()).add((String) t);
                        }
                    }
                });
        Map<Long, String> out = new LinkedHashMap<>();
        bios.forEach((id, bio) -> out.put(
                id, ContentText.of(bio, captions.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()))));
        return out;
    }

    Map<Long, StoredEmbedding> embeddings(List<Long> ids) {
        Map<Long, StoredEmbedding> out = new HashMap<>();
        Long[] boxed = ids.toArray(Long[]::new);
        jdbc.query(
                "SELECT account_id, model, content_hash, vector FROM account_embedding WHERE account_id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", boxed)),
                rs -> {
                    out.put(
                            rs.getLong(1),
                            new StoredEmbedding(rs.getString(2), rs.getBytes(3), Vectors.fromBytes(rs.getBytes(4))));
                });
        return out;
    }

    /** Vectors of the accounts that have an embedding by {@code model}. */
    Map<Long, float[]> vectors(List<Long> ids, String model) {
        Map<Long, float[]> out = new HashMap<>();
        embeddings(ids).forEach((id, e) -> {
            if (e.model().equals(model)) {
                out.put(id, e.vector());
            }
        });
        return out;
    }

    void saveEmbeddings(List<Embedded> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate(
                "INSERT INTO account_embedding (account_id, model, dims, content_hash, vector, computed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET model = EXCLUDED.model,"
                        + " dims = EXCLUDED.dims, content_hash = EXCLUDED.content_hash, vector = EXCLUDED.vector,"
                        + " computed_at = EXCLUDED.computed_at",
                rows.stream()
                        .map(r -> new Object[] {
                            r.accountId(),
                            r.model(),
                            r.vector().length,
                            r.contentHash(),
                            Vectors.toBytes(r.vector()),
                            at
                        })
                        .toList());
    }

    /**
     * Replaces the model rows of these accounts. Corrections win: a corrected niche gets no model row (an assigned
     * correction has its own row with confidence 1, an unassigned one no row at all).
     */
    void replaceModelNiches(List<Classified> rows, Map<Long, Map<String, Boolean>> corrections, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        Long[] ids = rows.stream().map(Classified::accountId).toArray(Long[]::new);
        jdbc.update(
                "DELETE FROM account_niche WHERE source = 'model' AND account_id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
        Timestamp at = Timestamp.from(now);
        List<Object[]> model = new ArrayList<>();
        List<Object[]> corrected = new ArrayList<>();
        for (Classified c : rows) {
            Map<String, Boolean> byUser = corrections.getOrDefault(c.accountId(), Map.of());
            // An unclear account (best niche below NicheScores.UNCLEAR_BELOW) gets no model rows at all, so search,
            // scorecards and the planner see it as an account without a niche rather than a low-confidence guess.
            boolean unclear = c.niches().isEmpty() || c.niches().get(0).confidence() < NicheScores.UNCLEAR_BELOW;
            for (int i = 0; i < c.niches().size() && !unclear; i++) {
                NicheScore s = c.niches().get(i);
                boolean keep = s.confidence() >= STORE_FLOOR || i == 0;
                if (keep && !byUser.containsKey(s.nicheId())) {
                    model.add(new Object[] {c.accountId(), s.nicheId(), s.confidence(), at});
                }
            }
            byUser.forEach((niche, assigned) -> {
                if (assigned) {
                    corrected.add(new Object[] {c.accountId(), niche, at});
                }
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO account_niche (account_id, niche_id, confidence, source, computed_at)"
                        + " VALUES (?, ?, ?, 'model', ?) ON CONFLICT (account_id, niche_id) DO NOTHING",
                model);
        jdbc.batchUpdate(UPSERT_CORRECTION, corrected);
    }

    private static final String UPSERT_CORRECTION =
            "INSERT INTO account_niche (account_id, niche_id, confidence, source, computed_at)"
                    + " VALUES (?, ?, 1, 'correction', ?) ON CONFLICT (account_id, niche_id) DO UPDATE SET"
                    + " confidence = 1, source = 'correction', computed_at = EXCLUDED.computed_at";

    /** Corrections of these accounts: account → niche → assigned. */
    Map<Long, Map<String, Boolean>> corrections(List<Long> ids) {
        Map<Long, Map<String, Boolean>> out = new HashMap<>();
        Long[] boxed = ids.toArray(Long[]::new);
        jdbc.query(
                "SELECT account_id, niche_id, assigned FROM niche_correction WHERE account_id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", boxed)),
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                });
        return out;
    }

    /** Every correction: account → niche → assigned (the supervised layer's training data). */
    Map<Long, Map<String, Boolean>> allCorrections() {
        Map<Long, Map<String, Boolean>> out = new HashMap<>();
        jdbc.query("SELECT account_id, niche_id, assigned FROM niche_correction", rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
        });
        return out;
    }

    /** Changes whenever a correction is added, changed or removed. */
    String correctionsVersion() {
        return jdbc.queryForObject(
                "SELECT count(*) || ':' || coalesce(max(corrected_at)::text, '-') FROM niche_correction", String.class);
    }

    void saveCorrections(long accountId, Map<String, Boolean> corrections) {
        jdbc.batchUpdate(
                "INSERT INTO niche_correction (account_id, niche_id, assigned, corrected_at) VALUES (?, ?, ?, now())"
                        + " ON CONFLICT (account_id, niche_id) DO UPDATE SET assigned = EXCLUDED.assigned,"
                        + " corrected_at = EXCLUDED.corrected_at",
                corrections.entrySet().stream()
                        .map(e -> new Object[] {accountId, e.getKey(), e.getValue()})
                        .toList());
        for (Map.Entry<String, Boolean> e : corrections.entrySet()) {
            if (e.getValue()) {
                jdbc.update(UPSERT_CORRECTION, accountId, e.getKey(), Timestamp.from(Instant.now()));
            } else {
                jdbc.update("DELETE FROM account_niche WHERE account_id = ? AND niche_id = ?", accountId, e.getKey());
            }
        }
    }

    record NicheRow(String nicheId, double confidence, String source) {}

    List<NicheRow> niches(long accountId) {
        return jdbc.query(
                "SELECT niche_id, confidence, source FROM account_niche WHERE account_id = ?"
                        + " ORDER BY confidence DESC, niche_id",
                (rs, i) -> new NicheRow(rs.getString(1), rs.getDouble(2), rs.getString(3)),
                accountId);
    }

    java.util.Optional<Long> accountId(String platform, String handle) {
        return jdbc
                .query(
                        "SELECT id FROM account WHERE platform = ? AND lower(handle) = lower(?) ORDER BY id LIMIT 1",
                        (rs, i) -> rs.getLong(1),
                        platform,
                        handle)
                .stream()
                .findFirst();
    }

    List<Long> allAccountIds() {
        return jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
    }
}
