package io.microreach.audience;

import java.util.List;
import java.util.Objects;

/**
 * Pairwise overlaps of a shortlist. {@code cell(i, j)} is the overlap of account i (as A) with account j (as B), so
 * {@code cell(i, j).shareOfAInB()} is the share of i's audience also in j's; the diagonal is the account itself.
 */
public record OverlapMatrix(List<String> ids, List<List<Overlap>> cells) {
    public OverlapMatrix {
        ids = List.copyOf(ids);
        cells = cells.stream().map(List::copyOf).toList();
        if (cells.size() != ids.size()) {
            throw new IllegalArgumentException("one row per id");
        }
    }

    public Overlap cell(int i, int j) {
        return cells.get(i).get(j);
    }

    /** Builds the matrix; sketches and ids are in the same order. */
    public static OverlapMatrix of(List<String> ids, List<AudienceSketch> sketches) {
        Objects.requireNonNull(ids, "ids");
        if (ids.size() != sketches.size()) {
            throw new IllegalArgumentException("ids and sketches differ in size");
        }
        int n = ids.size();
        Overlap[][] m = new Overlap[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                Overlap o = sketches.get(i).overlapWith(sketches.get(j));
                m[i][j] = o;
                m[j][i] = new Overlap(
                        o.sampledIntersection(),
                        o.people(),
                        o.shareOfBInA(),
                        o.shareOfAInB(),
                        o.samplingNoiseIncluded(),
                        o.unknownReason());
            }
        }
        return new OverlapMatrix(ids, java.util.Arrays.stream(m).map(List::of).toList());
    }
}
