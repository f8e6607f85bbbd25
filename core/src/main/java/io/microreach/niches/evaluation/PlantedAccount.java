package io.microreach.niches.evaluation;

import java.util.Map;
import java.util.Set;

/**
 * A generated account's content text with its planted niches (from the generator's {@code ground-truth.jsonl}).
 *
 * @param weights planted niche weights (share of the account's posts drawn from each niche, in expectation)
 */
public record PlantedAccount(
        String platform,
        String platformId,
        String language,
        String primaryNiche,
        Map<String, Double> weights,
        String text) {
    public PlantedAccount {
        weights = Map.copyOf(weights);
    }

    /** The primary niche plus every secondary niche with at least {@code minWeight} of the posts. */
    public Set<String> niches(double minWeight) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        out.add(primaryNiche);
        weights.forEach((k, w) -> {
            if (w >= minWeight) {
                out.add(k);
            }
        });
        return out;
    }
}
