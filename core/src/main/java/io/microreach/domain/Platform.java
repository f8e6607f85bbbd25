package io.microreach.domain;

import java.util.Locale;
import java.util.Optional;

/** A social platform microreach knows how to store and score. Its {@link #id()} is the value used in files and SQL. */
public enum Platform {
    INSTAGRAM,
    TIKTOK,
    YOUTUBE,
    BLUESKY,
    TWITTER,
    MASTODON;

    // Computed once: scoring maps millions of database rows to platforms, and values() copies its array each call.
    private static final Platform[] ALL = values();
    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    /** Whether the platform reports views for its posts, so that engagement by views is meaningful. */
    public boolean isVideoFirst() {
        return this == TIKTOK || this == YOUTUBE;
    }

    public static Optional<Platform> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Platform p : ALL) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        String normalised = id.trim().toLowerCase(Locale.ROOT);
        for (Platform p : ALL) {
            if (p.id.equals(normalised)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static String allowedIds() {
        StringBuilder sb = new StringBuilder();
        for (Platform p : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(p.id());
        }
        return sb.toString();
    }
}
