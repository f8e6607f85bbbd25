package io.microreach.app.creators;

import java.util.Locale;
import java.util.Optional;

/** The columns the creators list can be sorted by, mapped to SQL so no user text reaches the query. */
public enum CreatorSort {
    FOLLOWERS("a.followers"),
    HANDLE("lower(a.handle)"),
    PLATFORM("a.platform"),
    POSTS("a.posts_count"),
    FOLLOWING("a.following"),
    COUNTRY("a.country"),
    LAST_SEEN("a.last_seen");

    private final String sql;

    CreatorSort(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CreatorSort> fromId(String id) {
        for (CreatorSort s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
