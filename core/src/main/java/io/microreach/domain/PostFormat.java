package io.microreach.domain;

import java.util.Locale;
import java.util.Optional;

/** The kind of a post as the platform presents it. */
public enum PostFormat {
    PHOTO,
    CAROUSEL,
    VIDEO,
    REEL,
    SHORT,
    STORY,
    TEXT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Video formats get an engagement rate by views besides the one by followers. */
    public boolean isVideo() {
        return this == VIDEO || this == REEL || this == SHORT;
    }

    public static Optional<PostFormat> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (PostFormat f : values()) {
            if (f.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static String allowedIds() {
        StringBuilder sb = new StringBuilder();
        for (PostFormat f : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(f.id());
        }
        return sb.toString();
    }
}
