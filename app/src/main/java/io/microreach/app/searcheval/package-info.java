/**
 * Measuring search relevance against a judged query set (docs/eval/search-judgements.jsonl): builds each corpus the
 * set is judged on in its own home (the generated data set with a fixed seed, and creators of the public Kim et al.
 * 2020 Instagram set read from the shared public-data folder, which is never copied), grades every account for every
 * query from the corpus's truth by the set's documented rule, runs the queries through the search service and reports
 * nDCG@10 and precision@10 overall, per corpus, per language and per kind. May use the search, importer, niches and
 * scoring features and core's generator and evaluation packages.
 */
package io.microreach.app.searcheval;
