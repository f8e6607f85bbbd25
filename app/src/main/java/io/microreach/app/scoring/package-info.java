/**
 * Scoring: loads each account's recent activity from PostgreSQL in bulk (binary {@code COPY}, decoded by the
 * database package's {@code BinaryCopyReader}; its followers, follow edges and daily counts from one pack per account in {@code
 * follower_pack}, rebuilt from the rows when a write made it stale), computes the core's trust signals in parallel and stores them packed, keeps each
 * account's headline inputs in memory, ranks them among peers and stores each account's headline numbers; full
 * scorecards are assembled when read ({@code ScorecardReader}). Uses the core's signals, Spring JDBC, the PostgreSQL
 * driver (its {@code COPY} API too), Jackson Smile and LZ4.
 */
package io.microreach.app.scoring;
