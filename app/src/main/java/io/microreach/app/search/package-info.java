/**
 * Discovery search: an on-disk Apache Lucene index of accounts derived from PostgreSQL (accounts, scorecards, niches,
 * content embeddings, recent captions), kept in sync after rescoring and rebuildable at any time, and the {@link
 * io.microreach.app.search.SearchService} that answers filtered keyword (BM25), semantic (kNN) and hybrid queries with
 * facets, rank explanations and lookalikes. Used by the REST API ({@code /api/search}), the CLI ({@code search},
 * {@code reindex}) and the creators list. May use Spring, JDBC, Lucene and the core's {@code niches.TextEmbedder};
 * PostgreSQL stays the source of truth, the index holds nothing that cannot be rebuilt from it.
 */
package io.microreach.app.search;
