/**
 * CSV exports of searches, shortlists, plans, campaign results and creator scorecards for spreadsheets, with {@code
 * CsvWriter}'s RFC 4180 quoting and formula-injection guard. Uses the features whose data it exports (discover's form
 * parsing, search, shortlists, planner, scoring's scorecards, niches' names) through their public services; holds no
 * SQL.
 */
package io.microreach.app.exports;
