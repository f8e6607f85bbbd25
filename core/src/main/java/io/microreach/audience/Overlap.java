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
 * @param unknownReason why the overlap could not be estimated at all (a side has no audience ids); {@code null} when
 *     it was estimated. An unknown overlap has estimate 0 and bounds from 0 to the smaller audience.
 */
public record Overlap(
        Bounded sampledIntersection,
        Bounded people,
        Bounded shareOfAInB,
        Bounded shareOfBInA,
        boolean samplingNoiseIncluded,
        String unknownReason) {

    /** Whether the overlap was estimated (both sides have audience ids). */
    public boolean known() {
        return unknownReason == null;
    }
}
