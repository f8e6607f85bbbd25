package io.microreach.pricing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a brand buys from a creator; ids match the {@code negotiated_price.deliverable} column. */
public enum Deliverable {
    POST,
    REEL,
    SHORT,
    STORY,
    VIDEO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Deliverable> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.id().equals(key)).findFirst();
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(Deliverable::id).collect(Collectors.joining(", "));
    }
}
