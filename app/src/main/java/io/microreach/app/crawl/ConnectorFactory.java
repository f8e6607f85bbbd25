package io.microreach.app.crawl;

import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.bluesky.BlueskyConnector;
import io.microreach.connectors.http.HttpSettings;
import io.microreach.connectors.instagram.InstagramConnector;
import io.microreach.connectors.mastodon.MastodonConnector;
import io.microreach.connectors.youtube.YouTubeConnector;
import java.net.URI;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Builds the connector of a source from its settings: base URL, key or token. */
@Component
class ConnectorFactory {
    private final SourceSettings settings;

    ConnectorFactory(SourceSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws SourceProblem when the source needs a key or token that is not configured
     */
    CreatorSource create(Source source, String baseUrlOverride) {
        URI base = settings.baseUrl(source, baseUrlOverride);
        return switch (source) {
            case BLUESKY -> BlueskyConnector.create(http(source, BlueskyConnector.defaultSettings(), base));
            case YOUTUBE ->
                YouTubeConnector.create(http(source, YouTubeConnector.defaultSettings(), base), key(source));
            case MASTODON -> MastodonConnector.create(http(source, MastodonConnector.defaultSettings(), base));
            case INSTAGRAM ->
                InstagramConnector.create(
                        http(source, InstagramConnector.defaultSettings(), base), key(source), account(source));
        };
    }

    /**
     * The source's documented settings at {@code base}, with the rate limit replaced when {@code
     * microreach.connectors.<source>.requests-per-minute} is set (a platform that granted a higher limit, or a
     * stand-in server in a check).
     */
    private HttpSettings http(Source source, HttpSettings defaults, URI base) {
        HttpSettings s = defaults.withBaseUrl(base);
        Integer perMinute = settings.requestsPerMinute(source);
        return perMinute == null ? s : s.withRateLimit(perMinute, Duration.ofMinutes(1));
    }

    private String account(Source source) {
        return settings.extra(source)
                .orElseThrow(() -> new SourceProblem(
                        "accountId",
                        source.label() + " needs your business account id: set " + source.accountEnv()
                                + " or enter it on the Sources page"));
    }

    private String key(Source source) {
        return settings.key(source)
                .orElseThrow(() -> new SourceProblem(
                        "key",
                        source.label() + " needs a key: set " + source.keyEnv() + " or enter it on the Sources page"));
    }
}
