package io.microreach.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.bluesky.BlueskyConnector;
import io.microreach.connectors.instagram.InstagramConnector;
import io.microreach.connectors.mastodon.MastodonConnector;
import io.microreach.connectors.youtube.YouTubeConnector;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Optional checks against the real platforms, for a machine with internet access: skipped (and reported as skipped)
 * unless {@code MICROREACH_LIVE_TESTS=1}, and for the keyed sources unless their key is set too. They fetch one known
 * public account with small limits, so they cost a few requests.
 */
@EnabledIfEnvironmentVariable(named = "MICROREACH_LIVE_TESTS", matches = "1")
class LiveSmokeTest {
    private static final CrawlOptions SMALL = new CrawlOptions(5, 1, 5, 2, 1, 1_000, 100_000, 5, 60);

    private static List<DataRecord> fetch(CreatorSource source, String account) {
        List<DataRecord> records = new ArrayList<>();
        CrawlResult r = source.fetchCreators(List.of(account), SMALL, new InMemoryCrawlStateStore(), records::add);
        assertThat(r.problems()).as("problems").noneMatch(p -> p.contains("not found"));
        return records;
    }

    @Test
    void blueskyPublicAppView() {
        List<DataRecord> records = fetch(BlueskyConnector.create(BlueskyConnector.defaultSettings()), "bsky.app");

        assertThat(records).filteredOn(Account.class::isInstance).hasSize(1);
        assertThat(records).filteredOn(Post.class::isInstance).isNotEmpty();
    }

    @Test
    void mastodonSocial() {
        List<DataRecord> records = fetch(MastodonConnector.create(MastodonConnector.defaultSettings()), "Mastodon");

        assertThat(records).filteredOn(Account.class::isInstance).hasSize(1);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MICROREACH_YOUTUBE_API_KEY", matches = ".+")
    void youtubeDataApi() {
        List<DataRecord> records = fetch(
                YouTubeConnector.create(
                        YouTubeConnector.defaultSettings(), System.getenv("MICROREACH_YOUTUBE_API_KEY")),
                "@YouTube");

        assertThat(records).filteredOn(Account.class::isInstance).hasSize(1);
        assertThat(records).filteredOn(Post.class::isInstance).isNotEmpty();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MICROREACH_INSTAGRAM_TOKEN", matches = ".+")
    @EnabledIfEnvironmentVariable(named = "MICROREACH_INSTAGRAM_ACCOUNT_ID", matches = "[0-9]+")
    void instagramBusinessDiscovery() {
        List<DataRecord> records = fetch(
                InstagramConnector.create(
                        InstagramConnector.defaultSettings(),
                        System.getenv("MICROREACH_INSTAGRAM_TOKEN"),
                        System.getenv("MICROREACH_INSTAGRAM_ACCOUNT_ID")),
                "instagram");

        assertThat(records).filteredOn(Account.class::isInstance).hasSize(1);
    }
}
