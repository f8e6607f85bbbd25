/**
 * The Discover page: the search of {@code io.microreach.app.search} as a form (keywords, a brand brief, every filter),
 * with facet counts, a sortable, paged results table whose rows explain their rank, and "add to shortlist". Uses the
 * search, niche and shortlist services; no SQL of its own.
 */
package io.microreach.app.discover;
