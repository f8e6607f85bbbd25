package io.microreach.generator.evaluation;

import java.util.List;

/** Every comparison of one generated world (its creator count and seed) with the real sets. */
public record RealismReport(int creators, long seed, List<Comparison> comparisons) {
    public RealismReport {
        comparisons = List.copyOf(comparisons);
    }
}
