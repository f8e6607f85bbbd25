package io.microreach.app.search;

import io.microreach.domain.TierBands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeded random accounts (with scorecard numbers, niches, embeddings and captions) inserted with SQL, plus a few
 * planted ones with known answers, kept in memory as the reference that search results are checked against.
 */
final class SearchFixture {
    static final List<String> NICHES = List.of("fitness", "clean-beauty", "gaming", "travel", "personal-development");
    static final List<String> PLATFORMS = List.of("instagram", "tiktok", "youtube", "bluesky", "twitter");
    static final String[] COUNTRIES = {"DE", "US", "FR", "ES", null};
    static final String[] LANGUAGES = {"en", "de", "es", "fr", "it", "pt", "nl", null};
    static final Map<String, String> VOCABULARY = Map.of(
            "fitness", "workout squat gym protein cardio",
            "clean-beauty", "skincare serum organic vegan cosmetics",
            "gaming", "stream console speedrun esports controller",
            "travel", "backpacking flights hostel island itinerary",
            "personal-development", "mindset habits journaling productivity goals");

    record Acc(
            long id,
            String platform,
            String handle,
            String displayName,
            long followers,
            String tier,
            boolean scored,
            Double trust,
            Double er,
            Double erPct,
            Double suspicious,
            Double reply,
            String country,
            String language,
            boolean contact,
            Map<String, Double> niches,
            String text) {}

    final List<Acc> accounts = new ArrayList<>();

    static SearchFixture insert(JdbcTemplate jdbc, HashingEmbedder embedder, int randomAccounts, long seed) {
        SearchFixture f = new SearchFixture();
        Random r = new Random(seed);
        for (int i = 0; i < randomAccounts; i++) {
            Map<String, Double> niches = new LinkedHashMap<>();
            int n = 1 + r.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < n; k++) {
                String niche = NICHES.get(r.nextInt(NICHES.size()));
                niches.put(niche, Math.round(r.nextDouble() * 100) / 100.0);
                text.append(VOCABULARY.get(niche)).append(' ');
            }
            boolean scored = r.nextDouble() < 0.8;
            f.add(
                    jdbc,
                    embedder,
                    PLATFORMS.get(r.nextInt(PLATFORMS.size())),
                    "acc" + i,
                    500 + r.nextInt(200_000),
                    scored,
                    scored ? Math.round(r.nextDouble() * 1000) / 10.0 : null,
                    scored ? r.nextDouble() * 0.1 : null,
                    scored ? r.nextDouble() * 100 : null,
                    scored ? r.nextDouble() * 0.5 : null,
                    scored ? r.nextDouble() * 0.6 : null,
                    COUNTRIES[r.nextInt(COUNTRIES.length)],
                    LANGUAGES[r.nextInt(LANGUAGES.length)],
                    r.nextDouble() < 0.3,
                    niches,
                    text.toString().strip());
        }
        return f;
    }

    Acc add(
            JdbcTemplate jdbc,
            HashingEmbedder embedder,
            String platform,
            String handle,
            long followers,
            boolean scored,
            Double trust,
            Double er,
            Double erPct,
            Double suspicious,
            Double reply,
            String country,
            String language,
            boolean contact,
            Map<String, Double> niches,
            String text) {
        long id = jdbc.queryForObject(
                "INSERT INTO account (platform, platform_id, handle, display_name, followers, country, language,"
                        + " contact_email, bio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                Long.class,
                platform,
                "pid-" + handle,
                handle,
                "Name " + handle,
                followers,
                country,
                language,
                contact ? handle + "@example.org" : null,
                "bio of " + handle);
        String tier = TierBands.DEFAULT.tierOf(followers).id();
        if (scored) {
            jdbc.update(
                    "INSERT INTO account_score (account_id, computed_at, tier, trust_score, engagement_rate,"
                            + " engagement_rate_pct, suspicious_share, reply_rate, scorecard)"
                            + " VALUES (?, now(), ?, ?, ?, ?, ?, ?, '{}'::jsonb)",
                    id,
                    tier,
                    trust,
                    er,
                    erPct,
                    suspicious,
                    reply);
        }
        niches.forEach((niche, confidence) -> jdbc.update(
                "INSERT INTO account_niche (account_id, niche_id, confidence, source, computed_at)"
                        + " VALUES (?, ?, ?, 'model', now())",
                id,
                niche,
                confidence));
        float[] vector = embedder.embed("bio of " + handle + " " + text);
        jdbc.update(
                "INSERT INTO account_embedding (account_id, model, dims, content_hash, vector, computed_at)"
                        + " VALUES (?, ?, ?, '\\x00'::bytea, ?, now())",
                id,
                embedder.modelId(),
                HashingEmbedder.DIMS,
                AccountLoader.encode(vector));
        jdbc.update(
                "INSERT INTO post (platform, platform_id, account_platform_id, account_id, published_at, format,"
                        + " caption, hashtags) VALUES (?, ?, ?, ?, now(), 'photo', ?, ?::text[])",
                platform,
                "post-" + handle,
                "pid-" + handle,
                id,
                text,
                "{tag" + handle + "}");
        Acc a = new Acc(
                id,
                platform,
                handle,
                "Name " + handle,
                followers,
                tier,
                scored,
                trust,
                er,
                erPct,
                suspicious,
                reply,
                country,
                language,
                contact,
                niches,
                text);
        accounts.add(a);
        return a;
    }
}
