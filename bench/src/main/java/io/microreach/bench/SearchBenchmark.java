package io.microreach.bench;

import io.microreach.app.database.EmbeddedDatabase;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.search.SearchSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Search at scale: index build time and size, latency of three representative queries against the same queries
 * answered by PostgreSQL alone on the same data, and kNN recall@50 against exact brute force, all in one run.
 *
 * <p>Data (synthetic, seeded), in one of two modes. The default, {@code --vectors text} ({@link TextDataSet}):
 * generated creator texts embedded by the product's own fast path, as the app stores them. {@code --vectors
 * isotropic} ({@link IsotropicDataSet}), described here: N accounts in 20 synthetic niches. Each niche has a 60-word vocabulary ({@code
 * n7w12}) and a random unit centroid in 384 dimensions; an account has a primary niche (and a secondary one for a
 * third of them) with confidences, a 30-word bio drawn 70% from its niches' vocabularies and 30% from a shared
 * 500-word vocabulary, and a vector = normalise(centroid + N(0, 0.06²) noise per dimension) — cosine to its own
 * centroid about 0.6–0.7, to others about 0 — so the HNSW graph sees clustered data like real niche embeddings.
 * Scorecard numbers, country, language, platform and followers (log-uniform 1k–500k) are random. Rows go into the
 * app's schema on the app's embedded PostgreSQL with COPY, then the app's own {@code SearchIndex.rebuild} indexes
 * them (reading PostgreSQL as {@code reindex} does).
 *
 * <p>This class holds the options and runs the steps in order; the data set is {@link SearchDataSet} (its two modes
 * {@link TextDataSet} and {@link IsotropicDataSet}), what is timed is {@link SearchPhases}, what is printed is
 * {@link SearchReport}, and {@link AppSearch} is the one place that builds the app's search types.
 *
 * <p>In the isotropic mode the brief embedder is synthetic too (the real model's speed is measured by the niche benchmark): it maps a
 * brief to the centroid of the niche whose vocabulary dominates it plus the same noise, normalised.
 *
 * <p>PostgreSQL alone: a generated {@code tsvector} column over the bio ('simple' configuration) with a GIN index,
 * B-tree indexes on the filtered columns, and for each query the same filters plus full-text match and {@code ORDER
 * BY} (ts_rank, or niche confidence + trust for the filters-only query), LIMIT 20. PostgreSQL has no vector search
 * here, so the "brief" query is answered by full-text OR over the brief's words, the best it can do alone.
 */
public final class SearchBenchmark {
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
        SearchReport report = new SearchReport(out);
        report.header(o, settings, home);
        SearchDataSet data = SearchDataSet.of(
                o.vectors(), o.seed(), o.accounts(), home.root().resolve("bench-work"), out);
        String state = state(o, settings);
        Path stateFile = home.root().resolve("bench-state.txt");
        boolean reusing = o.reuse()
                && Files.exists(stateFile)
                && Files.readString(stateFile).strip().equals(state);
        if (o.reuse() && !reusing) {
            report.nothingToReuse(home, state);
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            DataSource ds = BenchDatabase.dataSource(database);
            SearchIndex index = SearchIndex.standalone(home.root().resolve("search"), ds, settings);
            SearchPhases phases = new SearchPhases(ds, database.dataDirectory(), report);
            SearchPhases.Built built;
            if (reusing) {
                report.reusing(state);
                built = phases.reuse(index);
            } else {
                Files.deleteIfExists(stateFile);
                built = phases.build(database, index, data, o.accounts());
                Files.writeString(stateFile, state + "\n");
            }
            AppSearch search = new AppSearch(index, settings, data.embedder());
            List<KindResult> kinds = phases.queries(search, data, o.queries(), o.postgresQueries());
            SearchPhases.Recall recall = phases.recall(search, data, o.accounts(), o.recallQueries(), settings);
            report.heap();
            index.close();
            return new Result(
                    built.indexed(),
                    built.withVector(),
                    built.buildSeconds(),
                    built.indexBytes(),
                    kinds,
                    recall.withPool(),
                    recall.plain());
        }
    }

    /** What {@code bench-state.txt} says about the data and index options of the run that built the home. */
    private static String state(Options o, SearchSettings settings) {
        return String.format(
                Locale.ROOT,
                "vectors=%s accounts=%d seed=%d maxConn=%d beamWidth=%d quantized=%s",
                o.vectors(),
                o.accounts(),
                o.seed(),
                settings.hnswMaxConn(),
                settings.hnswBeamWidth(),
                settings.quantized());
    }
}
