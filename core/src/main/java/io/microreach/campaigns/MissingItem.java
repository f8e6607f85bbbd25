package io.microreach.campaigns;

import java.util.List;
import java.util.Objects;

/**
 * Something a campaign post lacks.
 *
 * @param item as required ("#glowco", "@glowco", the tracking URL or code, "disclosure")
 * @param lookedIn where it was looked for: "caption", "hashtags", "mentions", "url", "paid-partnership label"
 */
public record MissingItem(Kind kind, String item, List<String> lookedIn) {
    public enum Kind {
        HASHTAG,
        MENTION,
        LINK,
        DISCLOSURE
    }

    public MissingItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        lookedIn = List.copyOf(lookedIn);
    }
}
