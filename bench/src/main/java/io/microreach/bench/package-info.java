/**
 * Benchmarks that put a number on microreach against a baseline measured in the same run on the same database:
 * {@link io.microreach.bench.ImportBenchmark} (importer against plain COPY into bare tables) and the synthetic input
 * file it can run on. Code here may use everything in core and app (the importer, the embedded database, the Flyway
 * migrations) and JDBC directly, but nothing in core or app may depend on it, and none of it runs in a Maven
 * lifecycle phase except the smoke test.
 */
package io.microreach.bench;
