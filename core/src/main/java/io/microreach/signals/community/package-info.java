/**
 * Community cohesion: how tight-knit a creator's audience is, measured on the follower sample and the follow edges
 * among it (density, reciprocity, mean local clustering, each against an Erdős–Rényi graph of the same size and
 * density) and on who keeps coming back to comment (repeat-commenter ratio), with a score of how far clustering,
 * reciprocity and repeat commenters are above chance; its real-data evaluation is the {@code evaluation} subpackage.
 * Reads {@link io.microreach.signals.AccountActivity} and the shared value types of {@code io.microreach.signals};
 * uses bit matrices for the graph statistics (JGraphT only for samples too large for them); pure Java, no Spring,
 * SQL or HTTP.
 */
package io.microreach.signals.community;
