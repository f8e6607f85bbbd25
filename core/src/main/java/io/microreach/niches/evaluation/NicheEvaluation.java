package io.microreach.niches.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Multi-label evaluation: per niche precision, recall and F1 of the predicted niche sets against the true ones; macro-F1
 * is their unweighted mean over the niches that occur in the truth (a niche absent from the labels cannot be scored,
 * and counting it as 0 or 1 would only measure the label set); micro-F1 pools every (text, niche) decision.
 * Precision of a niche never predicted is 0.
 */
public record NicheEvaluation(List<NicheMetrics> perNiche, double macroF1, double microF1, int n) {
    public NicheEvaluation {
        perNiche = List.copyOf(perNiche);
    }

    public static NicheEvaluation of(List<Set<String>> truth, List<Set<String>> predicted, List<String> nicheIds) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        List<NicheMetrics> metrics = new ArrayList<>();
        long tpAll = 0;
        long predAll = 0;
        long suppAll = 0;
        double f1Sum = 0;
        int scored = 0;
        for (String id : nicheIds) {
            int tp = 0;
            int pred = 0;
            int supp = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean t = truth.get(i).contains(id);
                boolean p = predicted.get(i).contains(id);
                supp += t ? 1 : 0;
                pred += p ? 1 : 0;
                tp += t && p ? 1 : 0;
            }
            double precision = pred == 0 ? 0 : (double) tp / pred;
            double recall = supp == 0 ? 0 : (double) tp / supp;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new NicheMetrics(id, supp, pred, tp, precision, recall, f1));
            tpAll += tp;
            predAll += pred;
            suppAll += supp;
            if (supp > 0) {
                f1Sum += f1;
                scored++;
            }
        }
        double microP = predAll == 0 ? 0 : (double) tpAll / predAll;
        double microR = suppAll == 0 ? 0 : (double) tpAll / suppAll;
        double micro = microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR);
        return new NicheEvaluation(metrics, scored == 0 ? 0 : f1Sum / scored, micro, truth.size());
    }
}
