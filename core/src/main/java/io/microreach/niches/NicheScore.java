package io.microreach.niches;

/** A niche with the classifier's confidence (0..1) that the account belongs to it. */
public record NicheScore(String nicheId, double confidence) {}
