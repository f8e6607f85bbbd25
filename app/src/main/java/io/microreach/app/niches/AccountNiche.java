package io.microreach.app.niches;

/**
 * One stored niche of an account.
 *
 * @param confidence 0..1; 1 for a user's correction
 * @param source {@code model} or {@code correction}
 * @param assigned whether the account counts as in the niche (confidence at or above the threshold, its best niche,
 *     or a correction)
 */
public record AccountNiche(String nicheId, String name, double confidence, String source, boolean assigned) {}
