package io.microreach.domain;

import java.util.Locale;
import java.util.Optional;

/** The {@code type} field of a JSONL line. */
public enum RecordType {
    ACCOUNT,
    POST,
    COMMENT,
    FOLLOWER_SAMPLE,
    FOLLOW_EDGE,
    FOLLOWER_COUNT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordType> fromId(String id) {
        for (RecordType t : values()) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static String allowedIds() {
        StringBuilder sb = new StringBuilder();
        for (RecordType t : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(t.id());
        }
        return sb.toString();
    }
}
