package io.microreach.signals.community;

import java.util.Objects;

/**
 * A directed follow tie between two nodes of a follower sample, by their ids ({@code source} follows {@code
 * target}). Lets graphs that do not come from an import (a research data set, a test) be measured like follow
 * edges; an undirected friendship is two follows.
 */
public record Follow(String source, String target) {
    public Follow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
