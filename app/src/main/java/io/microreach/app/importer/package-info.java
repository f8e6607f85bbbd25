/**
 * Importing JSONL and CSV files into PostgreSQL: streaming, batched (one transaction per batch), upserts by natural
 * key through COPY into session-local staging tables, linking of rows that arrived before their parent, and a
 * report of rejected lines. Uses the core's readers, JDBC and the PostgreSQL driver's COPY API.
 */
package io.microreach.app.importer;
