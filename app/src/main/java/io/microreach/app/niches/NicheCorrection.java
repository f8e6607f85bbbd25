package io.microreach.app.niches;

/** A user's statement that an account is ({@code assigned}) or is not in a niche. */
public record NicheCorrection(String nicheId, boolean assigned) {}
