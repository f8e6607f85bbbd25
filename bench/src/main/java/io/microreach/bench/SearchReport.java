package io.microreach.bench;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.search.RebuildReport;
import io.microreach.app.search.SearchSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What the search benchmark prints: its settings, the loading and build steps, the comparison table and recall. */
final class SearchReport {
    private final PrintStream out;

    SearchReport(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    void header(SearchBenchmark.Options o, SearchSettings settings, MicroreachHome home) {
        out.printf(
                Locale.ROOT,
                "SearchBenchmark: %,d accounts, %s vectors, %d queries per kind, seed %d, home %s, max heap %d MB%n",
                o.accounts(),
                o.vectors(),
                o.queries(),
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
    }

    void nothingToReuse(MicroreachHome home, String state) {
        out.println("nothing to reuse in " + home.root() + " for " + state + ": building");
    }

    void reusing(String state) {
        out.println("reusing the PostgreSQL data and the index of an earlier run (" + state + ")");
    }

    void loaded(double seconds) {
        out.printf(Locale.ROOT, "loaded into PostgreSQL in %.1f s%n", seconds);
    }

    void postgresIndexes(double seconds) {
        out.printf(Locale.ROOT, "PostgreSQL full-text column, GIN and B-tree indexes in %.1f s%n", seconds);
    }

    void indexProgress(long done, long total, double seconds) {
        out.printf(Locale.ROOT, "  indexed %,d / %,d (%.0f s)%n", done, total, seconds);
    }

    void indexBuild(RebuildReport report, double buildSeconds, double cpuSeconds) {
        out.printf(
                Locale.ROOT,
                "index build: %,d accounts (%,d vectors) in %.1f s (%,.0f accounts/s, %.0f CPU s of this JVM;"
                        + " reading PostgreSQL %.1f s, final commit %.1f s), %.1f MB on disk%n",
                report.accounts(),
                report.withVector(),
                buildSeconds,
                report.accounts() / buildSeconds,
                cpuSeconds,
                report.loading().toMillis() / 1e3,
                report.finalCommit().toMillis() / 1e3,
                report.bytes() / 1e6);
    }

    void tableHeader() {
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
    }

    void kind(SearchBenchmark.KindResult k) {
        out.printf(
                Locale.ROOT,
                "%-28s %8.2f ms %8.2f ms %10.2f ms %10.2f ms %9.1fx %9.2f ms %9.2f ms %8.0f%n",
                k.name(),
                k.luceneP50(),
                k.luceneP99(),
                k.postgresP50(),
                k.postgresP99(),
                k.postgresP50() / k.luceneP50(),
                k.luceneCpuMs(),
                k.postgresCpuMs(),
                k.meanMatches());
    }

    void tableFooter() {
        out.printf(
                Locale.ROOT,
                "(CPU = mean CPU milliseconds per query: the querying thread for Lucene (no JIT or GC threads),"
                        + " all PostgreSQL processes for PostgreSQL; load average now %.1f)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println();
    }

    void recall(int queries, double withPool, int k, double plain) {
        out.printf(
                Locale.ROOT,
                "kNN recall@50 vs brute force (%d briefs, ties count): %.3f with the app's candidate pool (k=%d, exact"
                        + " re-rank), %.3f for plain k=50%n",
                queries,
                withPool,
                k,
                plain);
    }

    void heap() {
        out.printf(
                Locale.ROOT,
                "heap used after the run: %d MB (max %d MB)%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
