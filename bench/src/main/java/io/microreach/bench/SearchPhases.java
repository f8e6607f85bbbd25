package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.search.RebuildReport;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the search benchmark does and times: loading PostgreSQL and building the index (or finding both from an
 * earlier run), the three query kinds on both sides, and recall against brute force.
 */
final class SearchPhases {
    private final DataSource dataSource;
    private final Path pgdata;
    private final SearchReport report;

    SearchPhases(DataSource dataSource, Path pgdata, SearchReport report) {
        this.dataSource = dataSource;
        this.pgdata = pgdata;
        this.report = report;
    }

    /** The index and the data it holds; {@code buildSeconds} is NaN when an earlier run built it. */
    record Built(long indexed, long withVector, double buildSeconds, long indexBytes) {}

    /** The PostgreSQL data and the index an earlier run left with the same data and index options. */
    Built reuse(SearchIndex index) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*), (SELECT count(*) FROM account_embedding)" + " FROM account")) {
            rs.next();
            return new Built(rs.getLong(1), rs.getLong(2), Double.NaN, index.sizeBytes());
        }
    }

    /** A fresh schema, the data set COPYed in, PostgreSQL's own search indexes, and the app's index built. */
    Built build(EmbeddedDatabase database, SearchIndex index, SearchDataSet data, int n) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            // A fresh home, or one left by another run's options: start from an empty schema.
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        BenchDatabase.migrate(database);
        long t0 = System.nanoTime();
        data.copyInto(dataSource, n);
        report.loaded(PhaseClock.secondsSince(t0));
        t0 = System.nanoTime();
        createPostgresSearchIndexes();
        report.postgresIndexes(PhaseClock.secondsSince(t0));
        return buildIndex(index);
    }

    /** PostgreSQL alone: full text over the bio with a GIN index, B-trees on the filtered columns. */
    private void createPostgresSearchIndexes() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE account ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
                    + " (to_tsvector('simple', coalesce(bio, ''))) STORED");
            st.execute("CREATE INDEX account_tsv_idx ON account USING gin (tsv)");
            st.execute("CREATE INDEX account_platform_followers_idx ON account (platform, followers)");
            st.execute("CREATE INDEX account_country_idx ON account (country)");
            st.execute("CREATE INDEX account_score_tier_trust_idx ON account_score (tier, trust_score)");
            st.execute("VACUUM ANALYZE");
        }
    }

    /** The app's own {@code SearchIndex.rebuild}, reading PostgreSQL as {@code reindex} does. */
    private Built buildIndex(SearchIndex index) {
        double cpu0 = ProcessCpu.jvmSeconds();
        long buildStart = System.nanoTime();
        long[] lastPrint = {System.nanoTime()};
        RebuildReport built = index.rebuild((done, total) -> {
            if (System.nanoTime() - lastPrint[0] > 30e9) {
                lastPrint[0] = System.nanoTime();
                report.indexProgress(done, total, PhaseClock.secondsSince(buildStart));
            }
        });
        double buildSeconds = PhaseClock.secondsSince(buildStart);
        report.indexBuild(built, buildSeconds, ProcessCpu.jvmSeconds() - cpu0);
        return new Built(built.accounts(), built.withVector(), buildSeconds, built.bytes());
    }

    /** Every query kind of the data set on both sides, each printed as it is done. */
    List<SearchBenchmark.KindResult> queries(AppSearch search, SearchDataSet data, int queries, int postgresQueries)
            throws Exception {
        report.tableHeader();
        List<SearchBenchmark.KindResult> results = new ArrayList<>();
        try (Connection pg = dataSource.getConnection()) {
            for (SearchDataSet.QueryKind kind : data.kinds()) {
                SearchBenchmark.KindResult result =
                        queryKind(search, pg, kind, queries, Math.min(queries, postgresQueries));
                report.kind(result);
                results.add(result);
            }
        }
        report.tableFooter();
        return results;
    }

    /** One query kind: warm-up on both sides, then each side's queries on the clock, Lucene first. */
    private SearchBenchmark.KindResult queryKind(
            AppSearch search, Connection pg, SearchDataSet.QueryKind kind, int queries, int pgQueries)
            throws Exception {
        // Warm-up: JIT for Lucene; buffer cache, catalog caches and plans for PostgreSQL.
        for (int i = 0; i < Math.min(100, 4 * queries); i++) {
            search.search(kind.lucene().apply(1_000_000 + i));
            if (i < pgQueries) {
                sql(pg, kind.sql().apply(1_000_000 + i));
            }
        }
        double[] lucene = new double[queries];
        long matches = 0;
        List<List<Long>> luceneTop = new ArrayList<>();
        long cpu = ProcessCpu.threadNanos();
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            SearchResult r = search.search(kind.lucene().apply(i));
            lucene[i] = (System.nanoTime() - s) / 1e6;
            matches += r.total();
            luceneTop.add(r.hits().stream().map(h -> h.accountId()).toList());
        }
        double luceneCpu = (ProcessCpu.threadNanos() - cpu) / 1e6 / queries;
        double[] postgres = new double[pgQueries];
        double agreement = 0;
        double pgCpu0 = ProcessCpu.postgresSeconds(pgdata);
        for (int i = 0; i < pgQueries; i++) {
            long s = System.nanoTime();
            List<Long> top = sql(pg, kind.sql().apply(i));
            postgres[i] = (System.nanoTime() - s) / 1e6;
            agreement += top.isEmpty()
                    ? 1
                    : top.stream().filter(luceneTop.get(i)::contains).count() / (double) top.size();
        }
        double pgCpu = (ProcessCpu.postgresSeconds(pgdata) - pgCpu0) * 1000 / pgQueries;
        return new SearchBenchmark.KindResult(
                kind.name(),
                percentile(lucene, 50),
                percentile(lucene, 99),
                percentile(postgres, 50),
                percentile(postgres, 99),
                luceneCpu,
                pgCpu,
                (double) matches / queries,
                agreement / pgQueries);
    }

    /** Recall@50 with the app's candidate pool and for plain k = 50. */
    record Recall(double withPool, double plain) {}

    /**
     * Recall@50 of the app's semantic retrieval (filtered HNSW on int8 vectors + exact re-rank) vs brute force, with
     * ties: generated texts can have equal or nearly equal vectors, so a returned account is a hit when its exact
     * similarity is at least the 50th best exact similarity (minus 1e-6 for float rounding), and recall = hits / 50.
     */
    Recall recall(AppSearch search, SearchDataSet data, int n, int queries, SearchSettings settings) {
        float[][] q = new float[queries][];
        for (int i = 0; i < queries; i++) {
            q[i] = data.briefVector(5_000_000 + i);
        }
        double[][] bestScores = best50(data, n, q);
        double withPool = 0;
        double raw = 0;
        for (int i = 0; i < queries; i++) {
            double cut = bestScores[i][49] - 1e-6;
            withPool += hits(data, q[i], cut, search.nearestAccounts(q[i], 50, 50 + settings.semanticPool()));
            raw += hits(data, q[i], cut, search.nearestAccounts(q[i], 50, 50));
        }
        report.recall(queries, withPool / queries, 50 + settings.semanticPool(), raw / queries);
        return new Recall(withPool / queries, raw / queries);
    }

    /**
     * The 50 best exact similarities per query, best first, reading every account's vector once (regenerated or from
     * the cache file): no N × 384 array in the heap.
     */
    private static double[][] best50(SearchDataSet data, int n, float[][] q) {
        double[][] bestScores = new double[q.length][50];
        for (double[] b : bestScores) {
            Arrays.fill(b, Double.NEGATIVE_INFINITY);
        }
        for (int a = 0; a < n; a++) {
            float[] v = data.vector(a);
            for (int i = 0; i < q.length; i++) {
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
        return bestScores;
    }

    /** The share of 50 that are true top-50 (ties included); account ids are 1..n in insertion order. */
    private static double hits(SearchDataSet data, float[] q, double cut, List<Long> found) {
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
}
