package io.microreach.niches;

import java.nio.file.*;
import java.util.*;

class QuickEval {
    public static void main(String[] args) throws Exception {
        List<PlantedAccount> accounts = PlantedAccounts.read(Path.of(args[0]));
        NicheTaxonomy tax = NicheTaxonomy.load();
        TextEmbedder emb = args[1].equals("full") ? new MiniLmEmbedder() : StaticEmbedder.load();
        long t0 = System.nanoTime();
        List<float[]> vecs =
                emb.embedAll(accounts.stream().map(PlantedAccount::text).toList());
        System.out.printf("embedded %d in %.1f s%n", vecs.size(), (System.nanoTime() - t0) / 1e9);
        ZeroShotNicheClassifier zs = ZeroShotNicheClassifier.build(tax, emb);
        System.out.println("calibration " + zs.calibration());
        int top1 = 0;
        List<Set<String>> truth = new ArrayList<>(),
                pred = new ArrayList<>(),
                truthP = new ArrayList<>(),
                predTop = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            NicheScores s = zs.classify(vecs.get(i));
            if (s.scores().get(0).nicheId().equals(accounts.get(i).primaryNiche())) top1++;
            truth.add(accounts.get(i).niches(0.2));
            pred.add(s.assignedIds());
            truthP.add(Set.of(accounts.get(i).primaryNiche()));
            predTop.add(Set.of(s.scores().get(0).nicheId()));
        }
        System.out.printf("top1 %.3f%n", top1 / (double) accounts.size());
        System.out.printf(
                "multi macroF1 %.3f micro %.3f%n",
                NicheEvaluation.of(truth, pred, tax.ids()).macroF1(),
                NicheEvaluation.of(truth, pred, tax.ids()).microF1());
        System.out.printf(
                "primary macroF1 %.3f%n",
                NicheEvaluation.of(truthP, predTop, tax.ids()).macroF1());
        for (var m : NicheEvaluation.of(truth, pred, tax.ids()).perNiche()) System.out.println(m);
        System.out.println(accounts.get(0).text());
        System.out.println(accounts.get(3).text());
    }
}
