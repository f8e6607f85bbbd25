package io.microreach.app.crawl;

import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.bluesky.BlueskyConnector;
import java.net.URI;
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
            case BLUESKY ->
                BlueskyConnector.create(BlueskyConnector.defaultSettings().withBaseUrl(base));
            case YOUTUBE, MASTODON, INSTAGRAM ->
                throw new SourceProblem("source", source.label() + " crawling is not available in this build");
        };
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
