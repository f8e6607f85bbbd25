package io.microreach.connectors;

import java.util.Objects;

/**
 * Where discovery starts: a keyword searched among profiles, or a seed account whose follows are explored (snowball),
 * to {@code depth} hops.
 */
public record DiscoveryQuery(Kind kind, String value, int depth) {

    public enum Kind {
        KEYWORD,
        SEED
    }

    public DiscoveryQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a discovery query needs a keyword or a seed");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
    }

    public static DiscoveryQuery keyword(String keyword) {
        return new DiscoveryQuery(Kind.KEYWORD, keyword, 1);
    }

    public static DiscoveryQuery seed(String handle, int depth) {
        return new DiscoveryQuery(Kind.SEED, handle, depth);
    }
}
