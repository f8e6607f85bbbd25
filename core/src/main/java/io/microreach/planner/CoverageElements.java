package io.microreach.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The elements of the coverage function (see {@link CoverageModel}): the candidates' audience-sketch hashes aligned
 * on the smallest theta, one element per distinct hash weighted by the mean number of people it stands for among the
 * candidates holding it, and one private element for a candidate without a sketch.
 */
final class CoverageElements {
    private CoverageElements() {}

    /**
     * Fills {@code elements[i]} with candidate i's sorted element indices and returns the weight of every element.
     */
    static List<Double> build(List<PlanCandidate> byIndex, int[][] elements) {
        int n = byIndex.size();
        long thetaMin = Long.MAX_VALUE;
        for (PlanCandidate c : byIndex) {
            if (c.audience() != null) {
                thetaMin = Math.min(thetaMin, c.audience().thetaLong());
            }
        }
        long[][] hashes = new long[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            PlanCandidate c = byIndex.get(i);
            if (c.audience() == null) {
                continue;
            }
            long[] all = c.audience().sortedRetainedHashes();
            int keep = 0;
            while (keep < all.length && all[keep] < thetaMin) {
                keep++;
            }
            hashes[i] = Arrays.copyOf(all, keep);
            total += keep;
        }
        // Element index per distinct hash: an open-addressing long → int table (own code: a primitive map avoids
        // boxing 10^6–10^7 hashes, and one small class is lighter than a primitive-collections dependency).
        int capacity = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        int[] slots = new int[capacity];
        java.util.Arrays.fill(slots, -1);
        int mask = capacity - 1;
        double[] sum = new double[Math.max(1, total)];
        int[] holders = new int[Math.max(1, total)];
        int u = 0;
        List<Double> weights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (hashes[i] == null || hashes[i].length == 0) {
                continue;
            }
            double perElement = (double) byIndex.get(i).audienceSize() / hashes[i].length;
            int[] idx = new int[hashes[i].length];
            for (int j = 0; j < idx.length; j++) {
                long h = hashes[i][j];
                int pos = (int) (h ^ (h >>> 29)) & mask;
                while (slots[pos] >= 0 && keys[pos] != h) {
                    pos = (pos + 1) & mask;
                }
                if (slots[pos] < 0) {
                    keys[pos] = h;
                    slots[pos] = u++;
                }
                idx[j] = slots[pos];
                sum[idx[j]] += perElement;
                holders[idx[j]]++;
            }
            java.util.Arrays.sort(idx);
            elements[i] = idx;
        }
        for (int e = 0; e < u; e++) {
            weights.add(sum[e] / holders[e]);
        }
        for (int i = 0; i < n; i++) {
            if (elements[i] == null) {
                elements[i] = new int[] {weights.size()};
                weights.add((double) byIndex.get(i).audienceSize());
            }
        }
        return weights;
    }
}
