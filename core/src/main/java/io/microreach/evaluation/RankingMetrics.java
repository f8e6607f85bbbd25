package io.microreach.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * Quality of one ranked result list against graded relevance judgements (0 = not relevant, 1 = relevant, 2 = highly
 * relevant, ...).
 *
 * <p>nDCG@k (Järvelin and Kekäläinen, "Cumulated gain-based evaluation of IR techniques", ACM TOIS 2002, with the
 * exponential gain 2^grade − 1 of Burges et al. 2005): the discounted cumulative gain of the top k, gain / log2(rank +
 * 1), divided by that of the best possible top k from every judged item. A query with no relevant item at all scores
 * 0 (not 1) when anything is returned, so that such queries are noticed, and is best left out of a judged set.
 * Precision@k counts results with grade ≥ 1 in the top k over k, so a short list is not rewarded.
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /**
     * nDCG at {@code k}.
     *
     * @param ranked grades of the returned results, best first (unjudged results count 0)
     * @param allGrades grades of every judged item, in any order (the ideal ranking is taken from them)
     */
    public static double ndcg(List<Integer> ranked, int[] allGrades, int k) {
        int[] ideal = allGrades.clone();
        Arrays.sort(ideal);
        double best = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            best += gain(ideal[ideal.length - 1 - i], i);
        }
        if (best == 0) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(ranked.get(i), i);
        }
        return dcg / best;
    }

    /** The share of the top {@code k} places holding a result with grade ≥ 1 (empty places count as misses). */
    public static double precision(List<Integer> ranked, int k) {
        long hits = ranked.stream().limit(k).filter(g -> g >= 1).count();
        return (double) hits / k;
    }

    private static double gain(int grade, int rank) {
        return (Math.pow(2, grade) - 1) / (Math.log(rank + 2) / Math.log(2));
    }
}
