package io.microreach.app.users;

import java.util.Locale;

/** What an API token may do: read, or read and write (never more than its user's role allows). */
public enum TokenScope {
    READ,
    WRITE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenScope of(String id) {
        for (TokenScope s : values()) {
            if (s.id().equals(id == null ? "" : id.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown token scope '" + id + "': use read or write");
    }
}
