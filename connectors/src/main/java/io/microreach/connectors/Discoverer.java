package io.microreach.connectors;

import java.util.List;

/**
 * A connector's discovery for one query: keyword search or a snowball from a seed, accepting accounts inside the
 * follower band until the account budget is full. {@link RunLedger#discover} runs it the same way for every source.
 */
public interface Discoverer {

    /** Whether the account budget is spent (a resumed discovery may be full from the start). */
    boolean full();

    void keyword(String keyword);

    void snowball(String seed, int depth);

    /** Platform ids accepted in this run, in order. */
    List<String> acceptedThisRun();
}
