package io.microreach.bench;

import io.microreach.domain.TierBands;
import io.microreach.niches.TextEmbedder;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The search benchmark's data set: accounts, their vectors, the brief embedder and the three query kinds (each as the
 * app's query and as PostgreSQL's SQL), and loading the accounts into the app's tables with COPY. Every value is a
 * pure function of (seed, index); the two modes ({@link TextDataSet}, {@link IsotropicDataSet}) differ in the texts,
 * niches and vectors, and share the scorecard numbers and the queries' shapes.
 */
abstract class SearchDataSet {
    /** Dimensions of the synthetic (isotropic) vectors; the text data set uses its embedder's own. */
    static final int DIMS = 384;

    static final String[] COUNTRIES = {"DE", "US", "FR", "ES", "IT", "GB", "BR", "NL"};
    static final String[] LANGUAGES = {"en", "de", "es", "fr", "it", "pt", "nl"};
    static final String[] PLATFORMS = {"instagram", "tiktok", "youtube", "bluesky", "twitter"};
    /** Hits per query on both sides. */
    static final int TOP = 20;

    private static final int COPY_CHUNK = 20_000;

    final long seed;

    SearchDataSet(long seed) {
        this.seed = seed;
    }

    /** The data set of {@code --vectors} ({@code text} or {@code isotropic}); text mode caches in {@code work}. */
    static SearchDataSet of(String vectors, long seed, int n, Path work, PrintStream out) throws Exception {
        return vectors.equals("text") ? new TextDataSet(seed, n, work, out) : new IsotropicDataSet(seed);
    }

    abstract Row row(int a);

    abstract float[] vector(int a);

    abstract TextEmbedder embedder();

    abstract String briefText(int i);

    abstract String randomNiche(Random r);

    /** Two keyword query words for query i (drawn with {@code r}). */
    abstract String[] keywordWords(Random r);

    /** One generated account's row values. */
    record Row(
            String platform,
            long followers,
            String country,
            String language,
            boolean contact,
            double trust,
            double er,
            double erPct,
            double suspicious,
            double reply,
            String niche,
            double nicheConfidence,
            String second,
            double secondConfidence,
            String bio) {}

    /**
     * One query as the app takes it: free text, brief and filters in the app's parameter syntax (what the web UI and
     * the CLI send); {@link AppSearch} turns it into the app's request.
     */
    record SearchQuery(String query, String brief, Map<String, String> filters) {}

    /** A query kind: its name and query i on each side. */
    record QueryKind(String name, IntFunction<SearchQuery> lucene, IntFunction<String> sql) {}

    List<QueryKind> kinds() {
        return List.of(
                new QueryKind("filters only", this::filtersOnly, this::filtersOnlySql),
                new QueryKind("keywords + filters", this::keywords, this::keywordsSql),
                new QueryKind("brief (semantic) + filters", this::brief, this::briefSql));
    }

    /** The brief's words as PostgreSQL full text can use them (letters only). */
    List<String> briefWords(int i) {
        return words(briefText(i), 4).stream().distinct().limit(8).toList();
    }

    float[] briefVector(int i) {
        return embedder().embed(briefText(i));
    }

    /** The scorecard part of a row, shared by both modes. */
    Row row(Random r, String language, String niche, String second, double secondConfidence, String bio) {
        return new Row(
                PLATFORMS[r.nextInt(PLATFORMS.length)],
                (long) Math.exp(Math.log(1_000) + r.nextDouble() * (Math.log(500_000) - Math.log(1_000))),
                COUNTRIES[r.nextInt(COUNTRIES.length)],
                language,
                r.nextDouble() < 0.4,
                Math.round(r.nextDouble() * 1000) / 10.0,
                r.nextDouble() * 0.1,
                r.nextDouble() * 100,
                r.nextDouble() * 0.5,
                r.nextDouble() * 0.6,
                niche,
                0.5 + r.nextDouble() * 0.5,
                second,
                secondConfidence,
                bio);
    }

    // Query 1: micro creators in one country, trust ≥ 60, in a niche; relevance = niche + trust.
    SearchQuery filtersOnly(int i) {
        Random r = new Random(seed * 11 + i);
        return new SearchQuery(
                null,
                null,
                Map.of(
                        "tier",
                        "micro",
                        "country",
                        COUNTRIES[r.nextInt(COUNTRIES.length)],
                        "trust_min",
                        "60",
                        "niche",
                        randomNiche(r)));
    }

    String filtersOnlySql(int i) {
        Random r = new Random(seed * 11 + i);
        String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
        String niche = randomNiche(r);
        return "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id JOIN account_niche n ON"
                + " n.account_id = a.id AND n.niche_id = '" + niche + "' AND n.confidence >= 0.3"
                + " WHERE s.tier = 'micro' AND a.country = '" + country + "' AND s.trust_score >= 60"
                + " ORDER BY 0.5 * n.confidence + 0.3 * s.trust_score / 100 DESC, a.id LIMIT 20";
    }

    // Query 2: two words on one platform, 5k–50k followers; BM25 (PostgreSQL: ts_rank).
    SearchQuery keywords(int i) {
        Random r = new Random(seed * 13 + i);
        String[] w = keywordWords(r);
        return new SearchQuery(
                w[0] + " " + w[1],
                null,
                Map.of(
                        "platform",
                        PLATFORMS[r.nextInt(PLATFORMS.length)],
                        "followers_min",
                        "5000",
                        "followers_max",
                        "50000"));
    }

    String keywordsSql(int i) {
        Random r = new Random(seed * 13 + i);
        String[] w = keywordWords(r);
        String platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
        return "SELECT a.id FROM account a, to_tsquery('simple', '" + w[0] + " | " + w[1] + "') q WHERE a.tsv @@ q"
                + " AND a.platform = '" + platform + "' AND a.followers BETWEEN 5000 AND 50000"
                + " ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT 20";
    }

    // Query 3: a brief for micro/mid creators with trust ≥ 40.
    SearchQuery brief(int i) {
        return new SearchQuery(null, briefText(i), Map.of("tier", "micro,mid", "trust_min", "40"));
    }

    String briefSql(int i) {
        String q = String.join(" | ", briefWords(i));
        return "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id,"
                + " to_tsquery('simple', '" + q + "') q WHERE a.tsv @@ q AND s.tier IN ('micro', 'mid')"
                + " AND s.trust_score >= 40 ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT 20";
    }

    /** Lower-cased words of only letters, at least {@code min} long (safe in a tsquery, one Lucene token each). */
    static List<String> words(String text, int min) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= min) {
                out.add(w);
            }
        }
        return out;
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /**
     * COPY accounts 1..n into account, account_score, account_niche and account_embedding, {@value #COPY_CHUNK} at a
     * time; account i + 1 is row i.
     */
    void copyInto(DataSource dataSource, int n) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < n; from += COPY_CHUNK) {
                copyChunk(copy, from, Math.min(n, from + COPY_CHUNK));
            }
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval('account_id_seq', " + n + ")");
            }
        }
    }

    private void copyChunk(CopyManager copy, int from, int to) throws Exception {
        StringBuilder acc = new StringBuilder();
        StringBuilder score = new StringBuilder();
        StringBuilder niche = new StringBuilder();
        StringBuilder emb = new StringBuilder();
        for (int a = from; a < to; a++) {
            Row r = row(a);
            long id = a + 1L;
            appendAccount(acc, id, r);
            appendScore(score, id, r);
            appendNiche(niche, id, r.niche(), r.nicheConfidence());
            if (r.second() != null) {
                appendNiche(niche, id, r.second(), r.secondConfidence());
            }
            emb.append(id)
                    .append('\t')
                    .append(embedder().modelId())
                    .append('\t')
                    .append(embedder().dimensions())
                    .append("\t\\\\x00\t\\\\x")
                    .append(hex(vector(a)))
                    .append("\t2026-01-01T00:00:00Z\n");
        }
        copy.copyIn(
                "COPY account (id, platform, platform_id, handle, display_name, bio, country, language,"
                        + " followers, contact_email) FROM STDIN",
                new StringReader(acc.toString()));
        copy.copyIn(
                "COPY account_score (account_id, computed_at, tier, trust_score, engagement_rate,"
                        + " engagement_rate_pct, suspicious_share, reply_rate, scorecard) FROM STDIN",
                new StringReader(score.toString()));
        copy.copyIn(
                "COPY account_niche (account_id, niche_id, confidence, source, computed_at) FROM STDIN",
                new StringReader(niche.toString()));
        copy.copyIn(
                "COPY account_embedding (account_id, model, dims, content_hash, vector, computed_at)" + " FROM STDIN",
                new StringReader(emb.toString()));
    }

    private static void appendAccount(StringBuilder acc, long id, Row r) {
        acc.append(id)
                .append('\t')
                .append(r.platform())
                .append('\t')
                .append("p")
                .append(id)
                .append('\t')
                .append("user")
                .append(id)
                .append('\t')
                .append("User ")
                .append(id)
                .append('\t')
                .append(copyText(r.bio()))
                .append('\t')
                .append(r.country())
                .append('\t')
                .append(r.language())
                .append('\t')
                .append(r.followers())
                .append('\t')
                .append(r.contact() ? "user" + id + "@example.org" : "\\N")
                .append('\n');
    }

    private static void appendScore(StringBuilder score, long id, Row r) {
        score.append(id)
                .append("\t2026-01-01T00:00:00Z\t")
                .append(TierBands.DEFAULT.tierOf(r.followers()).id())
                .append('\t')
                .append(r.trust())
                .append('\t')
                .append(r.er())
                .append('\t')
                .append(r.erPct())
                .append('\t')
                .append(r.suspicious())
                .append('\t')
                .append(r.reply())
                .append("\t{}\n");
    }

    private static void appendNiche(StringBuilder niche, long id, String nicheId, double confidence) {
        niche.append(id)
                .append("\t")
                .append(nicheId)
                .append('\t')
                .append(confidence)
                .append("\tmodel\t2026-01-01T00:00:00Z\n");
    }

    /** Escapes a value for COPY's text format. */
    private static String copyText(String v) {
        return v.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }

    private static String hex(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        StringBuilder sb = new StringBuilder(v.length * 8);
        for (byte x : b.array()) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
