package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.search.RebuildReport;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.search.SearchParameters;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.app.search.SearchSettings;
import io.microreach.domain.TierBands;
import io.microreach.niches.TextEmbedder;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Search at scale: index build time and size, latency of three representative queries against the same queries
 * answered by PostgreSQL alone on the same data, and kNN recall@50 against exact brute force, all in one run.
 *
 * <p>Data (synthetic, seeded): N accounts in 20 synthetic niches. Each niche has a 60-word vocabulary ({@code
 * n7w12}) and a random unit centroid in 384 dimensions; an account has a primary niche (and a secondary one for a
 * third of them) with confidences, a 30-word bio drawn 70% from its niches' vocabularies and 30% from a shared
 * 500-word vocabulary, and a vector = normalise(centroid + N(0, 0.06²) noise per dimension) — cosine to its own
 * centroid about 0.6–0.7, to others about 0 — so the HNSW graph sees clustered data like real niche embeddings.
 * Scorecard numbers, country, language, platform and followers (log-uniform 1k–500k) are random. Rows go into the
 * app's schema on the app's embedded PostgreSQL with COPY, then the app's own {@code SearchIndex.rebuild} indexes
 * them (reading PostgreSQL as {@code reindex} does).
 *
 * <p>The brief embedder is synthetic too (the real model's speed is measured by the niche benchmark): it maps a
 * brief to the centroid of the niche whose vocabulary dominates it plus the same noise, normalised.
 *
 * <p>PostgreSQL alone: a generated {@code tsvector} column over the bio ('simple' configuration) with a GIN index,
 * B-tree indexes on the filtered columns, and for each query the same filters plus full-text match and {@code ORDER
 * BY} (ts_rank, or niche confidence + trust for the filters-only query), LIMIT 20. PostgreSQL has no vector search
 * here, so the "brief" query is answered by full-text OR over the brief's words, the best it can do alone.
 */
public final class SearchBenchmark {
    static final int DIMS = 384;
    static final int NICHES = 20;
    static final int NICHE_WORDS = 60;
    static final int COMMON_WORDS = 500;
    static final double NOISE = 0.06;
    static final String[] COUNTRIES = {"DE", "US", "FR", "ES", "IT", "GB", "BR", "NL"};
    static final String[] LANGUAGES = {"en", "de", "es", "fr", "it", "pt", "nl"};
    static final String[] PLATFORMS = {"instagram", "tiktok", "youtube", "bluesky", "twitter"};

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int accounts = 50_000;
        int queries = 100;
        int recallQueries = 20;
        long seed = 1;
        Path home = null;
        int maxConn = SearchSettings.DEFAULT.hnswMaxConn();
        int beamWidth = SearchSettings.DEFAULT.hnswBeamWidth();
        boolean quantized = SearchSettings.DEFAULT.quantized();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i].replace("_", ""));
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--recall-queries" -> recallQueries = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--home" -> home = Path.of(args[++i]);
                case "--max-conn" -> maxConn = Integer.parseInt(args[++i]);
                case "--beam-width" -> beamWidth = Integer.parseInt(args[++i]);
                case "--float" -> quantized = false;
                case "--help" -> {
                    System.out.println("SearchBenchmark [--accounts N] [--queries Q] [--recall-queries R] [--seed S]"
                            + " [--home DIR] [--max-conn M] [--beam-width B] [--float]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            home = Files.createTempDirectory("microreach-search-bench");
        }
        SearchSettings d = SearchSettings.DEFAULT;
        SearchSettings settings = new SearchSettings(
                d.weights(), d.nicheFacetMin(), d.semanticPool(), maxConn, beamWidth, quantized, d.totalThreshold());
        run(accounts, queries, recallQueries, seed, settings, new MicroreachHome(home).create(), System.out);
    }

    /** The numbers of one run. */
    record Result(
            long indexed,
            long vectors,
            double buildSeconds,
            long indexBytes,
            List<KindResult> kinds,
            double recallWithPool,
            double recallPlain) {}

    /**
     * One query kind: wall-clock percentiles on both sides, mean CPU per query, mean matches, and how many of
     * PostgreSQL's top 20 Lucene also returns (1.0 for the filters-only query, whose order both compute the same way).
     */
    record KindResult(
            String name,
            double luceneP50,
            double luceneP99,
            double postgresP50,
            double postgresP99,
            double luceneCpuMs,
            double postgresCpuMs,
            double meanMatches,
            double top20Agreement) {}

    static Result run(
            int n,
            int queries,
            int recallQueries,
            long seed,
            SearchSettings settings,
            MicroreachHome home,
            PrintStream out)
            throws Exception {
        Synthetic data = new Synthetic(seed);
        out.printf(
                Locale.ROOT,
                "SearchBenchmark: %,d accounts, %d queries per kind, seed %d, home %s, max heap %d MB%n",
                n,
                queries,
                seed,
                home.root(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(
                Locale.ROOT,
                "HNSW maxConn %d, beamWidth %d, %s vectors, %d indexing threads%n",
                settings.hnswMaxConn(),
                settings.hnswBeamWidth(),
                settings.quantized() ? "int8-quantised" : "float32",
                2);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.user(), "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(database.jdbcUrl());
            ds.setUser(database.user());

            long t0 = System.nanoTime();
            load(ds, data, n);
            out.printf(Locale.ROOT, "loaded into PostgreSQL in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            try (Connection c = ds.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("ALTER TABLE account ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
                        + " (to_tsvector('simple', coalesce(bio, ''))) STORED");
                st.execute("CREATE INDEX account_tsv_idx ON account USING gin (tsv)");
                st.execute("CREATE INDEX account_platform_followers_idx ON account (platform, followers)");
                st.execute("CREATE INDEX account_country_idx ON account (country)");
                st.execute("CREATE INDEX account_score_tier_trust_idx ON account_score (tier, trust_score)");
                st.execute("VACUUM ANALYZE");
            }
            out.printf(
                    Locale.ROOT,
                    "PostgreSQL full-text column, GIN and B-tree indexes in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);

            SearchIndex index = SearchIndex.standalone(home.root().resolve("search"), ds, settings);
            long cpu0 = processCpuNanos();
            long buildStart = System.nanoTime();
            long[] lastPrint = {System.nanoTime()};
            RebuildReport report = index.rebuild((done, total) -> {
                if (System.nanoTime() - lastPrint[0] > 30e9) {
                    lastPrint[0] = System.nanoTime();
                    out.printf(
                            Locale.ROOT,
                            "  indexed %,d / %,d (%.0f s)%n",
                            done,
                            total,
                            (System.nanoTime() - buildStart) / 1e9);
                }
            });
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "index build: %,d accounts (%,d vectors) in %.1f s (%,.0f accounts/s, %.0f CPU s of this JVM; reading"
                            + " PostgreSQL %.1f s, final commit %.1f s), %.1f MB on disk%n",
                    report.accounts(),
                    report.withVector(),
                    buildSeconds,
                    report.accounts() / buildSeconds,
                    (processCpuNanos() - cpu0) / 1e9,
                    report.loading().toMillis() / 1e3,
                    report.finalCommit().toMillis() / 1e3,
                    report.bytes() / 1e6);

            SearchService search = new SearchService(index, settings, () -> Optional.of(data.embedder()), () -> false);
            List<Kind> kinds = List.of(
                    new Kind("filters only", i -> data.filtersOnly(i), i -> data.filtersOnlySql(i)),
                    new Kind("keywords + filters", i -> data.keywords(i), i -> data.keywordsSql(i)),
                    new Kind("brief (semantic) + filters", i -> data.brief(i), i -> data.briefSql(i)));
            out.println();
            out.printf(
                    "%-28s %11s %11s %13s %13s %10s %12s %12s %8s%n",
                    "query (top 20)",
                    "lucene p50",
                    "lucene p99",
                    "postgres p50",
                    "postgres p99",
                    "p50 ratio",
                    "lucene CPU",
                    "postgres CPU",
                    "matches");
            Path pgdata = database.dataDirectory();
            List<KindResult> kindResults = new ArrayList<>();
            try (Connection pg = ds.getConnection()) {
                for (Kind kind : kinds) {
                    // Warm-up: JIT for Lucene; buffer cache, catalog caches and plans for PostgreSQL.
                    for (int i = 0; i < Math.min(100, 4 * queries); i++) {
                        search.search(kind.lucene().apply(1_000_000 + i));
                        sql(pg, kind.sql().apply(1_000_000 + i));
                    }
                    double[] lucene = new double[queries];
                    double agreement = 0;
                    double[] postgres = new double[queries];
                    long matches = 0;
                    List<List<Long>> luceneTop = new ArrayList<>();
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    for (int i = 0; i < queries; i++) {
                        long s = System.nanoTime();
                        SearchResult r = search.search(kind.lucene().apply(i));
                        lucene[i] = (System.nanoTime() - s) / 1e6;
                        matches += r.total();
                        luceneTop.add(r.hits().stream().map(h -> h.accountId()).toList());
                    }
                    double luceneCpu =
                            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6 / queries;
                    double pgCpu0 = ProcessCpu.postgresSeconds(pgdata);
                    for (int i = 0; i < queries; i++) {
                        long s = System.nanoTime();
                        List<Long> top = sql(pg, kind.sql().apply(i));
                        postgres[i] = (System.nanoTime() - s) / 1e6;
                        agreement += top.isEmpty()
                                ? 1
                                : top.stream()
                                                .filter(luceneTop.get(i)::contains)
                                                .count()
                                        / (double) top.size();
                    }
                    double pgCpu = (ProcessCpu.postgresSeconds(pgdata) - pgCpu0) * 1000 / queries;
                    double lp50 = percentile(lucene, 50);
                    double pp50 = percentile(postgres, 50);
                    out.printf(
                            Locale.ROOT,
                            "%-28s %8.2f ms %8.2f ms %10.2f ms %10.2f ms %9.1fx %9.2f ms %9.2f ms %8.0f%n",
                            kind.name(),
                            lp50,
                            percentile(lucene, 99),
                            pp50,
                            percentile(postgres, 99),
                            pp50 / lp50,
                            luceneCpu,
                            pgCpu,
                            (double) matches / queries);
                    kindResults.add(new KindResult(
                            kind.name(),
                            lp50,
                            percentile(lucene, 99),
                            pp50,
                            percentile(postgres, 99),
                            luceneCpu,
                            pgCpu,
                            (double) matches / queries,
                            agreement / queries));
                }
            }
            out.printf(
                    Locale.ROOT,
                    "(CPU = mean CPU milliseconds per query: the querying thread for Lucene (no JIT or GC threads),"
                            + " all PostgreSQL processes for PostgreSQL; load average now %.1f)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            out.println();
            double[] recall = recall(search, data, n, recallQueries, settings, out);
            out.printf(
                    Locale.ROOT,
                    "heap used after the run: %d MB (max %d MB)%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            index.close();
            return new Result(
                    report.accounts(),
                    report.withVector(),
                    buildSeconds,
                    report.bytes(),
                    kindResults,
                    recall[0],
                    recall[1]);
        }
    }

    record Kind(String name, IntFunction<SearchRequest> lucene, IntFunction<String> sql) {}

    /** Recall@50 of the app's semantic retrieval (filtered HNSW on int8 vectors + exact re-rank) vs brute force. */
    static double[] recall(
            SearchService search, Synthetic data, int n, int queries, SearchSettings settings, PrintStream out) {
        float[][] q = new float[queries][];
        for (int i = 0; i < queries; i++) {
            q[i] = data.embedder().embed(data.briefText(5_000_000 + i));
        }
        // Exact top 50 per query by regenerating every account's vector (same seed) once: no 1.5 GB array in heap.
        long[][] bestIds = new long[queries][50];
        double[][] bestScores = new double[queries][50];
        for (double[] b : bestScores) {
            Arrays.fill(b, Double.NEGATIVE_INFINITY);
        }
        for (int a = 0; a < n; a++) {
            float[] v = data.vector(a);
            for (int i = 0; i < queries; i++) {
                double s = 0;
                for (int d = 0; d < DIMS; d++) {
                    s += v[d] * q[i][d];
                }
                if (s > bestScores[i][49]) {
                    int pos = 49;
                    while (pos > 0 && bestScores[i][pos - 1] < s) {
                        bestScores[i][pos] = bestScores[i][pos - 1];
                        bestIds[i][pos] = bestIds[i][pos - 1];
                        pos--;
                    }
                    bestScores[i][pos] = s;
                    bestIds[i][pos] = a + 1L; // account ids are 1..n in insertion order
                }
            }
        }
        double withPool = 0;
        double raw = 0;
        for (int i = 0; i < queries; i++) {
            Set<Long> truth = new HashSet<>();
            for (long id : bestIds[i]) {
                truth.add(id);
            }
            withPool += overlap(truth, search.nearestAccounts(q[i], 50, 50 + settings.semanticPool()));
            raw += overlap(truth, search.nearestAccounts(q[i], 50, 50));
        }
        out.printf(
                Locale.ROOT,
                "kNN recall@50 vs brute force (%d briefs): %.3f with the app's candidate pool (k=%d, exact re-rank),"
                        + " %.3f for plain k=50%n",
                queries,
                withPool / queries,
                50 + settings.semanticPool(),
                raw / queries);
        return new double[] {withPool / queries, raw / queries};
    }

    private static double overlap(Set<Long> truth, List<Long> found) {
        long hit = found.stream().filter(truth::contains).count();
        return hit / (double) truth.size();
    }

    private static List<Long> sql(Connection c, String query) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** COPY the synthetic rows into account, account_score, account_niche and account_embedding. */
    static void load(PGSimpleDataSource ds, Synthetic data, int n) throws Exception {
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 20_000;
            for (int from = 0; from < n; from += chunk) {
                int to = Math.min(n, from + chunk);
                StringBuilder acc = new StringBuilder();
                StringBuilder score = new StringBuilder();
                StringBuilder niche = new StringBuilder();
                StringBuilder emb = new StringBuilder();
                for (int a = from; a < to; a++) {
                    Synthetic.Row r = data.row(a);
                    long id = a + 1L;
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
                            .append(r.bio())
                            .append('\t')
                            .append(r.country())
                            .append('\t')
                            .append(r.language())
                            .append('\t')
                            .append(r.followers())
                            .append('\t')
                            .append(r.contact() ? "user" + id + "@example.org" : "\\N")
                            .append('\n');
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
                    niche.append(id)
                            .append("\tn")
                            .append(r.niche())
                            .append('\t')
                            .append(r.nicheConfidence())
                            .append("\tmodel\t2026-01-01T00:00:00Z\n");
                    if (r.second() >= 0) {
                        niche.append(id)
                                .append("\tn")
                                .append(r.second())
                                .append('\t')
                                .append(r.secondConfidence())
                                .append("\tmodel\t2026-01-01T00:00:00Z\n");
                    }
                    emb.append(id)
                            .append("\tsynthetic-centroids\t")
                            .append(DIMS)
                            .append("\t\\\\x00\t\\\\x")
                            .append(hex(data.vector(a)))
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
                        "COPY account_embedding (account_id, model, dims, content_hash, vector, computed_at)"
                                + " FROM STDIN",
                        new StringReader(emb.toString()));
            }
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval('account_id_seq', " + n + ")");
            }
        }
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

    /** Seeded synthetic accounts, vectors and queries; every value is a pure function of (seed, index). */
    static final class Synthetic {
        final long seed;
        final float[][] centroids = new float[NICHES][];

        Synthetic(long seed) {
            this.seed = seed;
            Random r = new Random(seed);
            for (int k = 0; k < NICHES; k++) {
                float[] c = new float[DIMS];
                for (int d = 0; d < DIMS; d++) {
                    c[d] = (float) r.nextGaussian();
                }
                centroids[k] = normalise(c);
            }
        }

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
                int niche,
                double nicheConfidence,
                int second,
                double secondConfidence,
                String bio) {}

        Row row(int a) {
            Random r = new Random(seed * 1_000_003L + a);
            int niche = r.nextInt(NICHES);
            int second = r.nextDouble() < 0.33 ? (niche + 1 + r.nextInt(NICHES - 1)) % NICHES : -1;
            StringBuilder bio = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                double u = r.nextDouble();
                if (u < 0.7) {
                    int k = second >= 0 && u < 0.2 ? second : niche;
                    bio.append('n').append(k).append('w').append(r.nextInt(NICHE_WORDS));
                } else {
                    bio.append('c').append(r.nextInt(COMMON_WORDS));
                }
                bio.append(' ');
            }
            return new Row(
                    PLATFORMS[r.nextInt(PLATFORMS.length)],
                    (long) Math.exp(Math.log(1_000) + r.nextDouble() * (Math.log(500_000) - Math.log(1_000))),
                    COUNTRIES[r.nextInt(COUNTRIES.length)],
                    LANGUAGES[r.nextInt(LANGUAGES.length)],
                    r.nextDouble() < 0.4,
                    Math.round(r.nextDouble() * 1000) / 10.0,
                    r.nextDouble() * 0.1,
                    r.nextDouble() * 100,
                    r.nextDouble() * 0.5,
                    r.nextDouble() * 0.6,
                    niche,
                    0.5 + r.nextDouble() * 0.5,
                    second,
                    0.3 + r.nextDouble() * 0.4,
                    bio.toString().strip());
        }

        float[] vector(int a) {
            Random r = new Random(seed * 7_000_003L + a);
            int niche = new Random(seed * 1_000_003L + a).nextInt(NICHES);
            float[] c = centroids[niche];
            float[] v = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                v[d] = (float) (c[d] + NOISE * r.nextGaussian());
            }
            return normalise(v);
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

        String briefText(int i) {
            Random r = new Random(seed * 31 + i);
            int k = r.nextInt(NICHES);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                sb.append('n')
                        .append(k)
                        .append('w')
                        .append(r.nextInt(NICHE_WORDS))
                        .append(' ');
            }
            return sb.toString().strip();
        }

        /** Brief → the centroid of its dominant niche plus noise (seeded by the text), normalised. */
        TextEmbedder embedder() {
            return new TextEmbedder() {
                @Override
                public String modelId() {
                    return "synthetic-centroids";
                }

                @Override
                public int dimensions() {
                    return DIMS;
                }

                @Override
                public float[] embed(String text) {
                    int[] votes = new int[NICHES];
                    for (String w : text.split(" ")) {
                        if (w.startsWith("n") && w.contains("w")) {
                            votes[Integer.parseInt(w.substring(1, w.indexOf('w')))]++;
                        }
                    }
                    int k = 0;
                    for (int i = 1; i < NICHES; i++) {
                        if (votes[i] > votes[k]) {
                            k = i;
                        }
                    }
                    Random r = new Random(text.hashCode());
                    float[] v = new float[DIMS];
                    for (int d = 0; d < DIMS; d++) {
                        v[d] = (float) (centroids[k][d] + NOISE * r.nextGaussian());
                    }
                    return normalise(v);
                }
            };
        }

        // Query 1: micro creators in one country, trust ≥ 60, in a niche; relevance = niche + trust.
        SearchRequest filtersOnly(int i) {
            Random r = new Random(seed * 11 + i);
            return SearchRequest.of(
                    null,
                    null,
                    SearchParameters.parse(Map.of(
                            "tier",
                            "micro",
                            "country",
                            COUNTRIES[r.nextInt(COUNTRIES.length)],
                            "trust_min",
                            "60",
                            "niche",
                            "n" + r.nextInt(NICHES))),
                    20);
        }

        String filtersOnlySql(int i) {
            Random r = new Random(seed * 11 + i);
            String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
            int niche = r.nextInt(NICHES);
            return "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id JOIN account_niche n ON"
                    + " n.account_id = a.id AND n.niche_id = 'n" + niche + "' AND n.confidence >= 0.3"
                    + " WHERE s.tier = 'micro' AND a.country = '" + country + "' AND s.trust_score >= 60"
                    + " ORDER BY 0.5 * n.confidence + 0.3 * s.trust_score / 100 DESC, a.id LIMIT 20";
        }

        // Query 2: two niche words on one platform, 5k–50k followers; BM25 (PostgreSQL: ts_rank).
        SearchRequest keywords(int i) {
            Random r = new Random(seed * 13 + i);
            int k = r.nextInt(NICHES);
            String q = "n" + k + "w" + r.nextInt(NICHE_WORDS) + " n" + k + "w" + r.nextInt(NICHE_WORDS);
            return SearchRequest.of(
                    q,
                    null,
                    SearchParameters.parse(Map.of(
                            "platform",
                            PLATFORMS[r.nextInt(PLATFORMS.length)],
                            "followers_min",
                            "5000",
                            "followers_max",
                            "50000")),
                    20);
        }

        String keywordsSql(int i) {
            Random r = new Random(seed * 13 + i);
            int k = r.nextInt(NICHES);
            String q = "n" + k + "w" + r.nextInt(NICHE_WORDS) + " | n" + k + "w" + r.nextInt(NICHE_WORDS);
            String platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
            return "SELECT a.id FROM account a, to_tsquery('simple', '" + q + "') q WHERE a.tsv @@ q AND a.platform = '"
                    + platform + "' AND a.followers BETWEEN 5000 AND 50000 ORDER BY ts_rank(a.tsv, q) DESC, a.id"
                    + " LIMIT 20";
        }

        // Query 3: a brief (8 niche words) for micro/mid creators with trust ≥ 40.
        SearchRequest brief(int i) {
            return SearchRequest.of(
                    null, briefText(i), SearchParameters.parse(Map.of("tier", "micro,mid", "trust_min", "40")), 20);
        }

        String briefSql(int i) {
            String q = String.join(" | ", briefText(i).split(" "));
            return "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id,"
                    + " to_tsquery('simple', '" + q + "') q WHERE a.tsv @@ q AND s.tier IN ('micro', 'mid')"
                    + " AND s.trust_score >= 40 ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT 20";
        }
    }
}
