package io.microreach.app.search;

/** Receives progress of an index rebuild: accounts indexed so far out of the total. */
@FunctionalInterface
public interface IndexProgress {
    IndexProgress NONE = (done, total) -> {};

    void update(long done, long total);
}
