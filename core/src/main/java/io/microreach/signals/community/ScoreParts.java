package io.microreach.signals.community;

/**
 * The parts of the cohesion score, each an excess over what chance gives, shrunk toward 0 on little data (see
 * {@link CohesionMeter}). 0 is what a random graph of the same size and density shows, 1 the most a graph can show,
 * negative values less than chance.
 *
 * @param clustering mean local clustering above the random expectation, as a share of the room above it
 * @param reciprocity reciprocity above the random expectation, as a share of the room above it
 * @param repeatCommenters the repeat-commenter share, shrunk toward 0; {@code null} when it was not measured (it
 *     then has no weight in the score)
 */
public record ScoreParts(double clustering, double reciprocity, Double repeatCommenters) {}
