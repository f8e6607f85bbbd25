package io.microreach.app.search;

import org.apache.lucene.search.Query;

/**
 * A constant added to the score of every account matching {@code query}: the micro-tier preference, a boost chip read
 * from the brief, or an exact handle or name match.
 *
 * @param label how the explanation names it ("micro creator", "language: German", "exact handle or name")
 */
record Boost(String label, Query query, double weight) {}
