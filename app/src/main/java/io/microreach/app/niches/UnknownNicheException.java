package io.microreach.app.niches;

/** A niche id that is not in the taxonomy (or a contradictory correction); the message names it. */
public class UnknownNicheException extends IllegalArgumentException {
    public UnknownNicheException(String message) {
        super(message);
    }
}
