package io.microreach.audience;

/**
 * Unique people in the union of several audiences.
 *
 * @param method {@code "sketch-union"} when every sketch holds a full id set (the union sketch estimates the union
 *     directly, with the library's bounds), {@code "inclusion-exclusion"} when some are samples (sum of audiences
 *     minus the scaled pairwise overlaps; by Bonferroni's inequality that is a lower bound of the union, so the
 *     upper bound is the plain sum)
 */
record UnionReach(Bounded people, String method) {}
