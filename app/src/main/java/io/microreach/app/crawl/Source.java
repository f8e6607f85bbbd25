package io.microreach.app.crawl;

import io.microreach.domain.Platform;
import java.util.Locale;
import java.util.Optional;

/**
 * The platforms microreach crawls, with what each needs and what it can and cannot measure. The texts are shown on
 * the Sources page and by {@code microreach sources}; docs/connectors.md says the same at length.
 */
public enum Source {
    BLUESKY(
            "Bluesky",
            Platform.BLUESKY,
            "https://public.api.bsky.app",
            null,
            null,
            "3,000 requests per 5 minutes (public AppView)",
            "profiles, posts with counts, reply threads, a follower sample and follow edges among it",
            "country (not in profiles)"),
    YOUTUBE(
            "YouTube",
            Platform.YOUTUBE,
            "https://www.googleapis.com/youtube/v3",
            "MICROREACH_YOUTUBE_API_KEY",
            null,
            "10,000 quota units per day (search 100 units, other calls 1), reset at midnight Pacific Time",
            "channels, videos with views, likes and comments, comment threads with the channel's replies",
            "subscribers (no public list: no follower sample, fake followers or cohesion), hidden subscriber counts"),
    MASTODON(
            "Mastodon",
            Platform.MASTODON,
            "https://mastodon.social",
            null,
            null,
            "300 requests per 5 minutes per instance without a token",
            "accounts, statuses with counts, reply threads, a follower sample and follow edges among it",
            "country; accounts are seen through one instance (ids are per instance)"),
    INSTAGRAM(
            "Instagram",
            Platform.INSTAGRAM,
            "https://graph.facebook.com/v21.0",
            "MICROREACH_INSTAGRAM_TOKEN",
            "MICROREACH_INSTAGRAM_ACCOUNT_ID",
            "about 200 calls per hour per user token (Graph API)",
            "business and creator accounts by username: followers, recent media with captions, likes, comments",
            "followers, others' comments and reach (Business Discovery does not show them); keyword discovery");

    private final String label;
    private final Platform platform;
    private final String defaultBaseUrl;
    private final String keyEnv;
    private final String accountEnv;
    private final String rateLimit;
    private final String measures;
    private final String cannotMeasure;

    Source(
            String label,
            Platform platform,
            String defaultBaseUrl,
            String keyEnv,
            String accountEnv,
            String rateLimit,
            String measures,
            String cannotMeasure) {
        this.label = label;
        this.platform = platform;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyEnv = keyEnv;
        this.accountEnv = accountEnv;
        this.rateLimit = rateLimit;
        this.measures = measures;
        this.cannotMeasure = cannotMeasure;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Platform platform() {
        return platform;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable holding the source's key or token; {@code null} when it needs none. */
    public String keyEnv() {
        return keyEnv;
    }

    /** A second environment variable the source needs (Instagram's business account id); {@code null} if none. */
    public String accountEnv() {
        return accountEnv;
    }

    public boolean needsKey() {
        return keyEnv != null;
    }

    public String rateLimit() {
        return rateLimit;
    }

    public String measures() {
        return measures;
    }

    public String cannotMeasure() {
        return cannotMeasure;
    }

    public static Optional<Source> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Source s : values()) {
            if (s.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Source of(Platform platform) {
        for (Source s : values()) {
            if (s.platform == platform) {
                return s;
            }
        }
        throw new IllegalArgumentException("no connector for " + platform.id());
    }
}
