package io.microreach.generator.evaluation;

import io.microreach.evaluation.TwoSampleKs;

/**
 * One distribution, generated against real.
 *
 * @param distribution what is compared, e.g. {@code er.instagram.200-1k}
 * @param realSource the real set and the rows taken from it
 * @param generatedSource the generated values compared with them
 * @param role {@code fitted} when the generator's parameters were derived from this real set, {@code held-out} when
 *     not (a held-out row is the honest check)
 * @param realMedian median of the real sample
 * @param generatedMedian median of the generated sample
 * @param ks the test; {@code null} when one side has no values (then {@link #note} says why)
 * @param note caveats of the comparison
 */
public record Comparison(
        String distribution,
        String realSource,
        String generatedSource,
        String role,
        int realSize,
        int generatedSize,
        Double realMedian,
        Double generatedMedian,
        TwoSampleKs.Result ks,
        String note) {}
