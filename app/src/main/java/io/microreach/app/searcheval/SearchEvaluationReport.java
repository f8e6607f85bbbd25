package io.microreach.app.searcheval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of one evaluation: mean nDCG@10 and precision@10 over all queries, per corpus, per language and per
 * kind, and each query's own.
 *
 * @param skipped ids of queries not run (their corpus needs the public-data folder, which was not given)
 */
public record SearchEvaluationReport(
        Metrics overall,
        Map<String, Metrics> byCorpus,
        Map<String, Metrics> byLanguage,
        Map<String, Metrics> byKind,
        List<QueryResult> queries,
        List<String> skipped) {

    /** Means over some queries. */
    public record Metrics(int queries, double ndcg10, double precision10) {}

    /**
     * One query's figures.
     *
     * @param grades the grades of the returned top 10, best first
     * @param relevantAccounts how many accounts of the corpus have a grade above 0 and pass the query's filters
     * @param top the handles returned, best first
     */
    public record QueryResult(
            String id,
            String corpus,
            String language,
            String kind,
            double ndcg10,
            double precision10,
            List<Integer> grades,
            long relevantAccounts,
            List<String> top) {}

    static SearchEvaluationReport of(List<QueryResult> results, List<String> skipped) {
        return new SearchEvaluationReport(
                metrics(results),
                grouped(results, QueryResult::corpus),
                grouped(results, QueryResult::language),
                grouped(results, QueryResult::kind),
                List.copyOf(results),
                List.copyOf(skipped));
    }

    private static Map<String, Metrics> grouped(List<QueryResult> results, Function<QueryResult, String> key) {
        Map<String, List<QueryResult>> groups = new LinkedHashMap<>();
        for (QueryResult r : results) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        Map<String, Metrics> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, metrics(v)));
        return out;
    }

    private static Metrics metrics(List<QueryResult> results) {
        return new Metrics(
                results.size(),
                results.stream().mapToDouble(QueryResult::ndcg10).average().orElse(0),
                results.stream().mapToDouble(QueryResult::precision10).average().orElse(0));
    }
}
