package io.microreach.pricing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.microreach.domain.Platform;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a brand buys from a creator; ids match the {@code negotiated_price.deliverable} column.
 *
 * <p>Each platform sells only the formats it has: Instagram posts, reels and stories; TikTok videos; YouTube videos
 * and shorts; Bluesky and X/Twitter posts. The first one listed is the platform's main sponsored deliverable, the one
 * Discover, the creator page and the shortlist price and a plan buys when the brief names none the platform has.
 */
public enum Deliverable {
    POST("Post"),
    REEL("Reel"),
    SHORT("Short"),
    STORY("Story"),
    VIDEO("Video");

    private final String label;

    Deliverable(String label) {
        this.label = label;
    }

    /** The id, also its JSON form ("post"), as in briefs and rate cards. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name a marketer reads ("Reel"). */
    public String label() {
        return label;
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

    /** The deliverables a platform has, its main one first. */
    public static List<Deliverable> offeredOn(Platform platform) {
        return switch (platform) {
            case INSTAGRAM -> List.of(POST, REEL, STORY);
            case TIKTOK -> List.of(VIDEO);
            case YOUTUBE -> List.of(VIDEO, SHORT);
            case BLUESKY, TWITTER, MASTODON -> List.of(POST);
        };
    }

    /** The platform's main sponsored deliverable (a post on Instagram, a video on TikTok and YouTube). */
    public static Deliverable mainOn(Platform platform) {
        return offeredOn(platform).get(0);
    }

    public boolean isOfferedOn(Platform platform) {
        return offeredOn(platform).contains(this);
    }

    /**
     * Parses a deliverable for one platform; the message of a refusal names what the platform has, for the caller to
     * report against its field.
     */
    public static Deliverable parseFor(Platform platform, String id) {
        Deliverable d = fromId(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown deliverable '" + id + "'; " + platform.id() + " has " + idsOn(platform)));
        if (!d.isOfferedOn(platform)) {
            throw new IllegalArgumentException(platform.id() + " has no " + d.id() + "; it has " + idsOn(platform));
        }
        return d;
    }

    public static String idsOn(Platform platform) {
        return offeredOn(platform).stream().map(Deliverable::id).collect(Collectors.joining(", "));
    }
}
