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
import io.microreach.niches.StaticEmbedder;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
    static final int BASE_CREATORS = 2000;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int accounts = 50_000;
        int queries = 100;
        int recallQueries = 20;
        long seed = 1;
        Path home = null;
        boolean reuse = false;
        int postgresQueries = -1;
        int totalThreshold = SearchSettings.DEFAULT.totalThreshold();
        String vectors = "text";
        int maxConn = SearchSettings.DEFAULT.hnswMaxConn();
        int beamWidth = SearchSettings.DEFAULT.hnswBeamWidth();
        int pool = SearchSettings.DEFAULT.semanticPool();
        boolean quantized = SearchSettings.DEFAULT.quantized();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i].replace("_", ""));
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--recall-queries" -> recallQueries = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--home" -> home = Path.of(args[++i]);
                case "--reuse" -> reuse = true;
                case "--postgres-queries" -> postgresQueries = Integer.parseInt(args[++i]);
                case "--total-threshold" -> totalThreshold = Integer.parseInt(args[++i]);
                case "--vectors" -> vectors = args[++i];
                case "--max-conn" -> maxConn = Integer.parseInt(args[++i]);
                case "--beam-width" -> beamWidth = Integer.parseInt(args[++i]);
                case "--pool" -> pool = Integer.parseInt(args[++i]);
                case "--float" -> quantized = false;
                case "--help" -> {
                    System.out.println("SearchBenchmark [--accounts N] [--queries Q] [--recall-queries R] [--seed S]"
                            + " [--vectors text|isotropic] [--home DIR [--reuse]] [--max-conn M] [--beam-width B]"
                            + " [--pool P] [--postgres-queries Q] [--total-threshold T] [--float]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!vectors.equals("text") && !vectors.equals("isotropic")) {
            System.err.println("--vectors must be text or isotropic, got " + vectors);
            System.exit(2);
        }
        if (reuse && home == null) {
            System.err.println("--reuse needs --home DIR (the folder of an earlier run with the same data options)");
            System.exit(2);
        }
        if (home == null) {
            home = Files.createTempDirectory("microreach-search-bench");
        }
        SearchSettings d = SearchSettings.DEFAULT;
        SearchSettings settings =
                new SearchSettings(d.weights(), d.nicheFacetMin(), pool, maxConn, beamWidth, quantized, totalThreshold);
        run(
                new Options(
                        accounts,
                        queries,
                        recallQueries,
                        seed,
                        vectors,
                        reuse,
                        postgresQueries < 0 ? queries : postgresQueries),
                settings,
                new MicroreachHome(home).create(),
                System.out);
    }

    /**
     * What a run does. The data is a pure function of ({@code vectors}, {@code accounts}, {@code seed}); with {@code
     * reuse}, a home whose PostgreSQL and index were built by an earlier run with the same data and index options is
     * queried again without loading or building.
     */
    record Options(
            int accounts,
            int queries,
            int recallQueries,
            long seed,
            String vectors,
            boolean reuse,
            int postgresQueries) {
        Options(int accounts, int queries, int recallQueries, long seed, String vectors, boolean reuse) {
            this(accounts, queries, recallQueries, seed, vectors, reuse, queries);
        }
    }

    /** The old entry point: isotropic vectors, fresh build. */
    static Result run(
            int n,
            int queries,
            int recallQueries,
            long seed,
            SearchSettings settings,
            MicroreachHome home,
            PrintStream out)
            throws Exception {
        return run(new Options(n, queries, recallQueries, seed, "isotropic", false), settings, home, out);
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

    static Result run(Options o, SearchSettings settings, MicroreachHome home, PrintStream out) throws Exception {
        int n = o.accounts();
        int queries = o.queries();
        out.printf(
                Locale.ROOT,
                "SearchBenchmark: %,d accounts, %s vectors, %d queries per kind, seed %d, home %s, max heap %d MB%n",
                n,
                o.vectors(),
                queries,
                o.seed(),
                home.root(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(
                Locale.ROOT,
                "HNSW maxConn %d, beamWidth %d, %s vectors, %d indexing threads, semantic pool %d, totals exact up"
                        + " to %d%n",
                settings.hnswMaxConn(),
                settings.hnswBeamWidth(),
                settings.quantized() ? "int8-quantised" : "float32",
                2,
                settings.semanticPool(),
                settings.totalThreshold());
        Data data = o.vectors().equals("text")
                ? new TextData(o.seed(), n, home.root().resolve("bench-work"), out)
                : new Synthetic(o.seed());
        String state = String.format(
                Locale.ROOT,
                "vectors=%s accounts=%d seed=%d maxConn=%d beamWidth=%d quantized=%s",
                o.vectors(),
                n,
                o.seed(),
                settings.hnswMaxConn(),
                settings.hnswBeamWidth(),
                settings.quantized());
        Path stateFile = home.root().resolve("bench-state.txt");
        boolean reusing = o.reuse()
                && Files.exists(stateFile)
                && Files.readString(stateFile).strip().equals(state);
        if (o.reuse() && !reusing) {
            out.println("nothing to reuse in " + home.root() + " for " + state + ": building");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(database.jdbcUrl());
            ds.setUser(database.user());
            SearchIndex index = SearchIndex.standalone(home.root().resolve("search"), ds, settings);
            double buildSeconds = Double.NaN;
            long indexed;
            long withVector;
            long indexBytes;
            if (reusing) {
                out.println("reusing the PostgreSQL data and the index of an earlier run (" + state + ")");
                try (Connection c = ds.getConnection();
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery(
                                "SELECT count(*), (SELECT count(*) FROM account_embedding)" + " FROM account")) {
                    rs.next();
                    indexed = rs.getLong(1);
                    withVector = rs.getLong(2);
                }
                indexBytes = index.sizeBytes();
            } else {
                Files.deleteIfExists(stateFile);
                try (Connection c = ds.getConnection();
                        Statement st = c.createStatement()) {
                    // A fresh home, or one left by another run's options: start from an empty schema.
                    st.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    st.execute("CREATE SCHEMA public");
                }
                Flyway.configure()
                        .dataSource(database.jdbcUrl(), database.user(), "")
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
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
                buildSeconds = (System.nanoTime() - buildStart) / 1e9;
                out.printf(
                        Locale.ROOT,
                        "index build: %,d accounts (%,d vectors) in %.1f s (%,.0f accounts/s, %.0f CPU s of this JVM;"
                                + " reading PostgreSQL %.1f s, final commit %.1f s), %.1f MB on disk%n",
                        report.accounts(),
                        report.withVector(),
                        buildSeconds,
                        report.accounts() / buildSeconds,
                        (processCpuNanos() - cpu0) / 1e9,
                        report.loading().toMillis() / 1e3,
                        report.finalCommit().toMillis() / 1e3,
                        report.bytes() / 1e6);
                indexed = report.accounts();
                withVector = report.withVector();
                indexBytes = report.bytes();
                Files.writeString(stateFile, state + "\n");
            }

            TextEmbedder embedder = data.embedder();
            SearchService search = new SearchService(index, settings, () -> Optional.of(embedder), () -> false);
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
                    int pgQueries = Math.min(queries, o.postgresQueries());
                    for (int i = 0; i < Math.min(100, 4 * queries); i++) {
                        search.search(kind.lucene().apply(1_000_000 + i));
                        if (i < pgQueries) {
                            sql(pg, kind.sql().apply(1_000_000 + i));
                        }
                    }
                    double[] lucene = new double[queries];
                    double agreement = 0;
                    double[] postgres = new double[pgQueries];
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
                    for (int i = 0; i < pgQueries; i++) {
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
                    double pgCpu = (ProcessCpu.postgresSeconds(pgdata) - pgCpu0) * 1000 / pgQueries;
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
                            agreement / pgQueries));
                }
            }
            out.printf(
                    Locale.ROOT,
                    "(CPU = mean CPU milliseconds per query: the querying thread for Lucene (no JIT or GC threads),"
                            + " all PostgreSQL processes for PostgreSQL; load average now %.1f)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            out.println();
            double[] recall = recall(search, data, n, o.recallQueries(), settings, out);
            out.printf(
                    Locale.ROOT,
                    "heap used after the run: %d MB (max %d MB)%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            index.close();
            return new Result(indexed, withVector, buildSeconds, indexBytes, kindResults, recall[0], recall[1]);
        }
    }

    record Kind(String name, IntFunction<SearchRequest> lucene, IntFunction<String> sql) {}

    /**
     * Recall@50 of the app's semantic retrieval (filtered HNSW on int8 vectors + exact re-rank) vs brute force, with
     * ties: generated texts can have equal or nearly equal vectors, so a returned account is a hit when its exact
     * similarity is at least the 50th best exact similarity (minus 1e-6 for float rounding), and recall = hits / 50.
     */
    static double[] recall(
            SearchService search, Data data, int n, int queries, SearchSettings settings, PrintStream out) {
        float[][] q = new float[queries][];
        for (int i = 0; i < queries; i++) {
            q[i] = data.briefVector(5_000_000 + i);
        }
        // The 50th best exact similarity per query, reading every account's vector once (regenerated or from the
        // cache file): no N × 384 array in the heap.
        double[][] bestScores = new double[queries][50];
        for (double[] b : bestScores) {
            Arrays.fill(b, Double.NEGATIVE_INFINITY);
        }
        for (int a = 0; a < n; a++) {
            float[] v = data.vector(a);
            for (int i = 0; i < queries; i++) {
                double s = dot(v, q[i]);
                if (s > bestScores[i][49]) {
                    int pos = 49;
                    while (pos > 0 && bestScores[i][pos - 1] < s) {
                        bestScores[i][pos] = bestScores[i][pos - 1];
                        pos--;
                    }
                    bestScores[i][pos] = s;
                }
            }
        }
        double withPool = 0;
        double raw = 0;
        for (int i = 0; i < queries; i++) {
            double cut = bestScores[i][49] - 1e-6;
            withPool += hits(data, q[i], cut, search.nearestAccounts(q[i], 50, 50 + settings.semanticPool()));
            raw += hits(data, q[i], cut, search.nearestAccounts(q[i], 50, 50));
        }
        out.printf(
                Locale.ROOT,
                "kNN recall@50 vs brute force (%d briefs, ties count): %.3f with the app's candidate pool (k=%d, exact"
                        + " re-rank), %.3f for plain k=50%n",
                queries,
                withPool / queries,
                50 + settings.semanticPool(),
                raw / queries);
        return new double[] {withPool / queries, raw / queries};
    }

    /** The share of 50 that are true top-50 (ties included); account ids are 1..n in insertion order. */
    private static double hits(Data data, float[] q, double cut, List<Long> found) {
        long hit = found.stream()
                .filter(id -> dot(data.vector((int) (id - 1)), q) >= cut)
                .count();
        return hit / 50.0;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
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
    static void load(PGSimpleDataSource ds, Data data, int n) throws Exception {
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
                    Row r = data.row(a);
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
                            .append("\t")
                            .append(r.niche())
                            .append('\t')
                            .append(r.nicheConfidence())
                            .append("\tmodel\t2026-01-01T00:00:00Z\n");
                    if (r.second() != null) {
                        niche.append(id)
                                .append("\t")
                                .append(r.second())
                                .append('\t')
                                .append(r.secondConfidence())
                                .append("\tmodel\t2026-01-01T00:00:00Z\n");
                    }
                    emb.append(id)
                            .append('\t')
                            .append(data.embedder().modelId())
                            .append('\t')
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
     * A data mode: accounts, their vectors, the brief embedder and the three queries; every value is a pure function
     * of (seed, index).
     */
    abstract static class Data {
        final long seed;

        Data(long seed) {
            this.seed = seed;
        }

        abstract Row row(int a);

        abstract float[] vector(int a);

        abstract TextEmbedder embedder();

        abstract String briefText(int i);

        abstract String randomNiche(Random r);

        /** Two keyword query words for query i (drawn with {@code r}). */
        abstract String[] keywordWords(Random r);

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
                            randomNiche(r))),
                    20);
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
        SearchRequest keywords(int i) {
            Random r = new Random(seed * 13 + i);
            String[] w = keywordWords(r);
            return SearchRequest.of(
                    w[0] + " " + w[1],
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
            String[] w = keywordWords(r);
            String platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
            return "SELECT a.id FROM account a, to_tsquery('simple', '" + w[0] + " | " + w[1] + "') q WHERE a.tsv @@ q"
                    + " AND a.platform = '" + platform + "' AND a.followers BETWEEN 5000 AND 50000"
                    + " ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT 20";
        }

        // Query 3: a brief for micro/mid creators with trust ≥ 40.
        SearchRequest brief(int i) {
            return SearchRequest.of(
                    null, briefText(i), SearchParameters.parse(Map.of("tier", "micro,mid", "trust_min", "40")), 20);
        }

        String briefSql(int i) {
            String q = String.join(" | ", briefWords(i));
            return "SELECT a.id FROM account a JOIN account_score s ON s.account_id = a.id,"
                    + " to_tsquery('simple', '" + q + "') q WHERE a.tsv @@ q AND s.tier IN ('micro', 'mid')"
                    + " AND s.trust_score >= 40 ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT 20";
        }
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

    /**
     * The old mode ({@code --vectors isotropic}): 20 synthetic niches with 60-word vocabularies ({@code n7w12}) and
     * random unit centroids; a vector is normalise(centroid + N(0, 0.06²) per dimension). Close to a worst case for
     * an ANN index: within a niche all neighbours are nearly equidistant.
     */
    static final class Synthetic extends Data {
        final float[][] centroids = new float[NICHES][];

        Synthetic(long seed) {
            super(seed);
            Random r = new Random(seed);
            for (int k = 0; k < NICHES; k++) {
                float[] c = new float[DIMS];
                for (int d = 0; d < DIMS; d++) {
                    c[d] = (float) r.nextGaussian();
                }
                centroids[k] = normalise(c);
            }
        }

        @Override
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
            return row(
                    r,
                    LANGUAGES[r.nextInt(LANGUAGES.length)],
                    "n" + niche,
                    second >= 0 ? "n" + second : null,
                    0.3 + r.nextDouble() * 0.4,
                    bio.toString().strip());
        }

        @Override
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

        @Override
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

        @Override
        List<String> briefWords(int i) {
            return List.of(briefText(i).split(" "));
        }

        @Override
        String randomNiche(Random r) {
            return "n" + r.nextInt(NICHES);
        }

        @Override
        String[] keywordWords(Random r) {
            int k = r.nextInt(NICHES);
            return new String[] {"n" + k + "w" + r.nextInt(NICHE_WORDS), "n" + k + "w" + r.nextInt(NICHE_WORDS)};
        }

        /** Brief → the centroid of its dominant niche plus noise (seeded by the text), normalised. */
        @Override
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
    }

    /**
     * The default mode ({@code --vectors text}): account i's text is the niche benchmark's generated creator text i
     * (bio + 12 caption parts of its niche, about 1,000 characters, in the generator's six languages; the base
     * creators come from the data generator with this seed), its language and niches are the base creator's, and its
     * vector is the product's own fast-path embedding of that text ({@link StaticEmbedder}, what the app stores).
     * Briefs are 4 caption parts of one niche embedded the same way; keyword queries are two words (≥ 5 letters) of a
     * random account's text. The vectors are cached in {@code bench-work/vectors-…f32} (little-endian float32) so
     * later runs and the brute-force recall read them instead of embedding again.
     */
    static final class TextData extends Data {
        private final int n;
        private final NicheBenchmark.TextSource source;
        private final List<String> niches;
        private final StaticEmbedder embedder = StaticEmbedder.load();
        private final java.nio.FloatBuffer vectors;

        TextData(long seed, int n, Path work, PrintStream out) throws Exception {
            super(seed);
            this.n = n;
            Files.createDirectories(work);
            Path generated = work.resolve("creators-" + seed);
            if (!Files.exists(generated.resolve("ground-truth.jsonl"))) {
                long t = System.nanoTime();
                new io.microreach.generator.SyntheticDataGenerator(
                                io.microreach.generator.GeneratorConfig.of(BASE_CREATORS, seed)
                                        .withFollowerSampleSize(1)
                                        .withCommentedPosts(0))
                        .generate(generated);
                out.printf(
                        Locale.ROOT,
                        "generated %d base creators in %.1f s%n",
                        BASE_CREATORS,
                        (System.nanoTime() - t) / 1e9);
            }
            this.source =
                    new NicheBenchmark.TextSource(io.microreach.niches.evaluation.PlantedAccounts.read(generated));
            this.niches = source.niches();
            Path file = work.resolve(
                    "vectors-text-" + seed + "-" + n + "-" + StaticEmbedder.MODEL_ID.replace('@', '-') + ".f32");
            long bytes = (long) n * DIMS * 4;
            if (!Files.exists(file) || Files.size(file) != bytes) {
                long t = System.nanoTime();
                Path tmp = work.resolve(file.getFileName() + ".tmp");
                try (var ch = java.nio.channels.FileChannel.open(
                        tmp,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    int chunk = 10_000;
                    for (int from = 0; from < n; from += chunk) {
                        List<float[]> vs = embedder.embedAll(source.chunk(from, Math.min(chunk, n - from)));
                        ByteBuffer b = ByteBuffer.allocate(vs.size() * DIMS * 4).order(ByteOrder.LITTLE_ENDIAN);
                        for (float[] v : vs) {
                            for (float x : v) {
                                b.putFloat(x);
                            }
                        }
                        b.flip();
                        while (b.hasRemaining()) {
                            ch.write(b);
                        }
                    }
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                out.printf(
                        Locale.ROOT,
                        "embedded %,d texts with %s in %.1f s (cached in %s)%n",
                        n,
                        StaticEmbedder.MODEL_ID,
                        (System.nanoTime() - t) / 1e9,
                        file);
            } else {
                out.println("vectors from the cache " + file);
            }
            if (bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("at most " + Integer.MAX_VALUE / (DIMS * 4) + " accounts");
            }
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
                vectors = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, bytes)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
            }
        }

        @Override
        Row row(int a) {
            Random r = new Random(seed * 1_000_003L + a);
            io.microreach.niches.evaluation.PlantedAccount base = source.account(a);
            String second = null;
            double secondWeight = 0;
            for (var e : new java.util.TreeMap<>(base.weights()).entrySet()) {
                if (!e.getKey().equals(base.primaryNiche()) && e.getValue() >= 0.15 && e.getValue() > secondWeight) {
                    second = e.getKey();
                    secondWeight = e.getValue();
                }
            }
            return row(
                    r, base.language(), base.primaryNiche(), second, Math.min(1, 0.3 + secondWeight), source.text(a));
        }

        @Override
        float[] vector(int a) {
            float[] v = new float[DIMS];
            vectors.get(a * DIMS, v);
            return v;
        }

        @Override
        TextEmbedder embedder() {
            return embedder;
        }

        @Override
        String briefText(int i) {
            Random r = new Random(seed * 31 + i);
            return source.brief(niches.get(r.nextInt(niches.size())), i, 4);
        }

        @Override
        String randomNiche(Random r) {
            return niches.get(r.nextInt(niches.size()));
        }

        @Override
        String[] keywordWords(Random r) {
            List<String> w = words(source.text(r.nextInt(n)), 5);
            String first = w.get(r.nextInt(w.size()));
            String second = first;
            for (int tries = 0; tries < 20 && second.equals(first); tries++) {
                second = w.get(r.nextInt(w.size()));
            }
            return new String[] {first, second};
        }
    }
}
