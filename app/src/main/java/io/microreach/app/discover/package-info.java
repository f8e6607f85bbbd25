/**
 * The Discover page: the search of {@code io.microreach.app.search} as a form (keywords, a brand brief, every filter),
 * with facet counts, a sortable, paged results table whose rows explain their rank, and "add to shortlist". Paging and
 * sorting are read by the search's {@code PageSortParser}, filters by its {@code SearchParameters}. Uses the search,
 * niche and shortlist services; no SQL of its own.
 */
package io.microreach.app.discover;
