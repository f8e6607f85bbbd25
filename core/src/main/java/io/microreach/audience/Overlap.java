package io.microreach.audience;

/**
 * Overlap of the audiences of accounts A and B, scaled to full audiences (see {@link AudienceSketch} for the
 * estimator).
 *
 * @param sampledIntersection the intersection of the two sketched id sets, as the sketch library estimates it
 * @param people people in both audiences
 * @param shareOfAInB share of A's audience that is also in B's (people / audience of A)
 * @param shareOfBInA share of B's audience that is also in A's
 * @param samplingNoiseIncluded whether the bounds include the sampling error of follower samples (true when at least
 *     one side is a sample rather than a full set), besides the sketch error
 */
public record Overlap(
        Bounded sampledIntersection,
        Bounded people,
        Bounded shareOfAInB,
        Bounded shareOfBInA,
        boolean samplingNoiseIncluded) {}
