/**
 * Discovery search: an on-disk Apache Lucene index of accounts derived from PostgreSQL (accounts, scorecards, niches,
 * content embeddings, recent captions), kept in sync after rescoring and rebuildable at any time ({@code SearchIndex}),
 * and the {@link io.microreach.app.search.SearchService} that answers filtered keyword (BM25), semantic (kNN) and
 * hybrid queries with facets, rank explanations and lookalikes. The service is a facade over one package-private
 * collaborator per job: {@code FilterQuery} and {@code KeywordQuery} build the Lucene queries, {@code KeywordRanker}
 * (one pruned top-k search) and {@code SemanticRanker} (kNN then exact cosine re-rank) choose a page within a {@code
 * SearchRun}, {@code HitMapper} turns documents into hits explained by the {@code HybridScore}, and {@code
 * LookalikeFinder} finds content lookalikes. The public API also holds the request and result types, {@code
 * SearchFilters} (with {@code Range} bounds) parsed from text by {@code SearchParameters}, and {@code PageSortParser},
 * the one reading of paging and sorting parameters that the REST API ({@code /api/search}), Discover, the creators
 * list and the CLI ({@code search}, {@code reindex}) share. May use Spring, JDBC, Lucene and the core's {@code
 * niches.TextEmbedder}; PostgreSQL stays the source of truth, the index holds nothing that cannot be rebuilt from it.
 */
package io.microreach.app.search;
