package io.microreach.signals.community;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * How tight-knit a creator's audience is: the follow graph among the sampled followers compared with a random
 * graph of the same size and density, a summary score, and the repeat-commenter ratio.
 *
 * <p>When the sample is smaller than the configured minimum, {@link #score()} is {@code null}, the graph metrics
 * are unavailable and {@link #unavailableReason()} says why; the repeat-commenter ratio has its own availability.
 *
 * @param score summary in [0, 1] for ranking creators: the weighted excess of clustering, reciprocity and repeat
 *     commenters over chance, shrunk on little data (see {@link CohesionMeter}); 0 for a random graph of the same
 *     size and density; {@code null} when unavailable
 * @param parts the parts the score is combined from; {@code null} when unavailable
 * @param density directed density: follow edges / ordered pairs (its random expectation is itself)
 * @param reciprocity share of follow edges that are returned, against the density
 * @param clustering mean local clustering coefficient of the undirected view over nodes with two or more ties,
 *     against the undirected density
 * @param undirectedDensity connected pairs / unordered pairs; {@code null} when unavailable
 * @param sampleSize sampled followers (nodes)
 * @param edges distinct directed follow edges among them
 * @param connectedPairs pairs linked by at least one follow edge
 * @param repeatCommenters the repeat-commenter ratio
 * @param evidenceFollowerIds the most connected sampled followers (platform ids), most ties first
 * @param confidence from the numbers of sampled followers and follow edges; {@link Confidence#NONE} when
 *     unavailable
 * @param unavailableReason {@code null} when the graph metrics are available
 */
public record Cohesion(
        Double score,
        ScoreParts parts,
        GraphMetric density,
        GraphMetric reciprocity,
        GraphMetric clustering,
        Double undirectedDensity,
        int sampleSize,
        long edges,
        long connectedPairs,
        RepeatCommenters repeatCommenters,
        List<String> evidenceFollowerIds,
        Confidence confidence,
        String unavailableReason) {

    public Cohesion {
        evidenceFollowerIds = List.copyOf(evidenceFollowerIds);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
