/**
 * Benchmarks that put a number on microreach against a baseline measured in the same run on the same database or
 * data: {@link io.microreach.bench.ImportBenchmark} (importer against plain COPY into bare tables, on the synthetic
 * input file it can generate), {@link io.microreach.bench.ScoringBenchmark} (scoring against SQL aggregates), {@link
 * io.microreach.bench.SearchBenchmark} (Lucene search against PostgreSQL alone), and the CPU-only {@code
 * CohesionBenchmark}, {@code NicheBenchmark} and {@code PlannerBenchmark}, and {@link
 * io.microreach.bench.CrawlBenchmark} (the Bluesky connector against a raw-HTTP replay of its requests, on the
 * stand-in AppView {@code BlueskyStandIn} over the seeded {@code SyntheticBluesky}), and the HTTP benchmarks {@link
 * io.microreach.bench.WebhookBenchmark} and {@link io.microreach.bench.RedirectBenchmark} (the whole app in this JVM,
 * {@code BenchServer}, under a bounded loopback load, {@code LoopbackLoad} over {@code LoopbackClient}). A large benchmark is split
 * into its main class (options, {@code main}, the steps in order), its data set ({@code ScoringDataSet}, {@code
 * SearchDataSet} with {@code TextDataSet} and {@code IsotropicDataSet}), its timed phases ({@code ScoringPhases},
 * {@code SearchPhases}) and its report ({@code ScoringBenchReport}, {@code SearchReport}, {@code BenchmarkResult});
 * what they share is here once: database set-up and settling ({@code BenchDatabase}), phase timing with CPU of both
 * processes ({@code PhaseClock}, {@code ProcessCpu}, {@code HeapUsage}) and the report file ({@code ReportFile}).
 * {@code AppSearch} is the only code here that builds the app's search types. Code here may use everything in core and
 * app (the importer, the scorer, the search index, the embedded database, the Flyway migrations), the connectors and
 * JDBC directly, but nothing in core or app may depend on it, and none of it runs in a Maven lifecycle phase except the
 * smoke tests.
 */
package io.microreach.bench;
