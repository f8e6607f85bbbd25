/**
 * Niches: the taxonomy (kept as data), text embeddings of creators' content and the classifiers that assign creators
 * to niches with a confidence. Pure Java: no Spring, SQL or HTTP.
 */
package io.microreach.niches;
