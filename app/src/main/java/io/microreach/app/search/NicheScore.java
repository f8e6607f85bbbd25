package io.microreach.app.search;

/** An account's niche with the classifier's (or a user's) confidence, 0..1. */
public record NicheScore(String niche, double confidence) {}
