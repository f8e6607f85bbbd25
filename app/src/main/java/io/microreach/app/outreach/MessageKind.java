package io.microreach.app.outreach;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an outreach e-mail is for. */
public enum MessageKind {
    /** The first e-mail that asks a creator to take part. */
    INVITATION("invitation"),
    /** The one follow-up sent when an invitation stays unanswered. */
    REMINDER("reminder");

    private final String id;

    MessageKind(String id) {
        this.id = id;
    }

    /** The name in URLs, JSON and the database. */
    public String id() {
        return id;
    }

    public static Optional<MessageKind> fromId(String id) {
        String clean = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(clean)).findFirst();
    }
}
