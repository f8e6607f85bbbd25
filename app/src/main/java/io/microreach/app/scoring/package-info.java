/**
 * Scoring: loads each account's recent activity from PostgreSQL in bulk, computes the core's trust signals in
 * parallel, ranks them among peers and stores one scorecard per account. Uses the core's signals, Spring JDBC and
 * the PostgreSQL driver.
 */
package io.microreach.app.scoring;
