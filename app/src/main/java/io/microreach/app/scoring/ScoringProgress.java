package io.microreach.app.scoring;

/** Receives progress of a scoring run: accounts done out of the total, and the current phase. */
@FunctionalInterface
public interface ScoringProgress {
    ScoringProgress NONE = (done, total, phase) -> {};

    void update(long done, long total, String phase);
}
