/**
 * Importing JSONL and CSV files into PostgreSQL: streaming, batched (one transaction per batch), upserts by natural
 * key through COPY into session-local staging tables, linking of rows that arrived before their parent, and a
 * report of rejected lines. Uses the core's readers, JDBC, the PostgreSQL driver's COPY API and the database
 * package's {@code CopyRows}.
 */
package io.microreach.app.importer;
