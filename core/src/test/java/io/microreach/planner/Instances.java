package io.microreach.planner;

import io.microreach.audience.AudienceSketch;
import io.microreach.domain.Platform;
import io.microreach.pricing.PriceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Random planning instances with planted audience communities (full id sets, so coverage is exact). */
final class Instances {
    private Instances() {}

    static PlanCandidate candidate(String id, List<String> ids, double cost, double x, String niche, Platform p) {
        return new PlanCandidate(
                id,
                id,
                p,
                niche == null ? Set.of() : Set.of(niche),
                70.0,
                ids.size(),
                cost,
                new PriceRange(cost, cost, "USD", false, "rate card"),
                null,
                x,
                x / 10,
                AudienceSketch.of(ids, ids.size()));
    }

    static List<PlanCandidate> random(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PlanCandidate> out = new ArrayList<>();
        String[] niches = {"fitness", "gaming", "travel"};
        Platform[] platforms = {Platform.INSTAGRAM, Platform.TIKTOK};
        for (int i = 0; i < n; i++) {
            int community = rnd.nextInt(3);
            int size = 50 + rnd.nextInt(300);
            Set<String> ids = new HashSet<>();
            while (ids.size() < size) {
                ids.add("c" + community + "-" + rnd.nextInt(600));
            }
            double cost = 50 + rnd.nextInt(450);
            double x = 0.02 + rnd.nextDouble() * 0.1;
            out.add(candidate(
                    String.format("cr%03d", i),
                    new ArrayList<>(ids),
                    cost,
                    x,
                    niches[community],
                    platforms[rnd.nextInt(2)]));
        }
        return out;
    }

    static PlanProblem problem(List<PlanCandidate> cs, double budget, Objective objective, PlanConstraints k) {
        return new PlanProblem(cs, objective, k, budget, "USD", 20.0);
    }
}
