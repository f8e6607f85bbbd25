package io.microreach.app.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.connectors.DiscoveryQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A crawl end to end on embedded PostgreSQL against a Bluesky stand-in: discovery, fetch, import, scoring, and the
 * promise that a crawl stopped after any number of requests and started again leaves the same database as an
 * uninterrupted one.
 */
class CrawlServiceTest extends SpringAppTest {
    @Autowired
    CrawlService crawls;

    private BlueskyStandIn appView;

    @BeforeEach
    void clean() {
        emptyPublicTables();
        jdbc.execute("TRUNCATE crawl_run, crawl_source_state, account_source, source_setting CASCADE");
        appView = new BlueskyStandIn();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private CrawlRequest keywordCrawl(long maxRequests) {
        return CrawlRequest.discover(Source.BLUESKY, DiscoveryQuery.keyword(BlueskyStandIn.KEYWORD), 50, maxRequests)
                .withBaseUrl(appView.baseUrl());
    }

    @Test
    void aKeywordCrawlStoresScoresAndRemembersTheSourceOfTheAccountsInTheBand() {
        CrawlRunView run = crawls.run(keywordCrawl(10_000), CrawlService.Listener.NONE);

        assertThat(run.state()).as("problems %s", run.problems()).isEqualTo("completed");
        assertThat(run.accounts()).as("the tiny account is outside 1k–100k").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT handle FROM account ORDER BY handle", String.class))
                .containsExactly("anna.bsky.social", "ben.bsky.social");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM post", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM comment", Long.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_sample", Long.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follow_edge", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT source FROM account_source", String.class))
                .containsOnly("bluesky")
                .hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_source WHERE posts_at IS NULL", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crawl_record", Long.class))
                .as("imported records leave the run")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_score", Long.class))
                .as("crawled accounts are scored")
                .isEqualTo(2);
    }

    @Test
    void aCrawlStoppedAfterAnyNumberOfRequestsAndStartedAgainGivesTheSameDatabase() {
        CrawlRunView whole = crawls.run(keywordCrawl(10_000), CrawlService.Listener.NONE);
        long total = whole.requests();
        Map<String, List<String>> expected = snapshot();
        assertThat(total).isGreaterThan(10);

        for (long stopAfter = 1; stopAfter < total; stopAfter += 3) {
            emptyPublicTables();
            jdbc.execute("TRUNCATE crawl_run, crawl_source_state, account_source CASCADE");

            CrawlRunView first = crawls.run(keywordCrawl(stopAfter), CrawlService.Listener.NONE);
            assertThat(first.state()).as("stop after %d", stopAfter).isEqualTo("stopped");
            assertThat(first.stopReason()).isEqualTo("REQUEST_BUDGET");
            CrawlRunView second = crawls.run(keywordCrawl(10_000), CrawlService.Listener.NONE);

            assertThat(second.id()).as("the same run resumes").isEqualTo(first.id());
            assertThat(second.state()).isEqualTo("completed");
            assertThat(snapshot()).as("stop after %d, then resume", stopAfter).isEqualTo(expected);
        }
    }

    @Test
    void aCompletedCrawlStartedAgainIsANewRun() {
        CrawlRunView first = crawls.run(keywordCrawl(10_000), CrawlService.Listener.NONE);
        CrawlRunView again = crawls.run(keywordCrawl(10_000), CrawlService.Listener.NONE);

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM post", Long.class)).isEqualTo(6);
    }

    @Test
    void aSyncCostsOneRequestWhenNothingChangedAndFetchesOnlyNewPosts() {
        crawls.run(keywordCrawl(10_000), CrawlService.Listener.NONE);
        CrawlRequest sync = CrawlRequest.sync(Source.BLUESKY).withBaseUrl(appView.baseUrl());

        CrawlRunView quiet = crawls.run(sync, CrawlService.Listener.NONE);
        assertThat(quiet.state()).as("problems %s", quiet.problems()).isEqualTo("completed");
        assertThat(quiet.requests()).as("one getProfiles for both accounts").isEqualTo(1);

        appView.publish(0);
        appView.server.resetRequests();
        CrawlRunView fresh = crawls.run(sync, CrawlService.Listener.NONE);
        assertThat(fresh.state()).isEqualTo("completed");
        assertThat(fresh.requests()).as("getProfiles and one feed page").isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT caption FROM post WHERE published_at > '2024-11-20T12:00:00Z'", String.class))
                .containsExactly("Neue Ernte 1");
        assertThat(jdbc.queryForObject("SELECT posts_count FROM account WHERE handle = 'anna.bsky.social'", Long.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject(
                        "SELECT last_sync_at IS NOT NULL FROM source_setting WHERE source = 'bluesky'", Boolean.class))
                .isTrue();
    }

    @Test
    void addFetchesOneAccountFromItsProfileUrl() {
        ProfileAddress a =
                ProfileAddress.parse("https://bsky.app/profile/anna.bsky.social", java.util.Optional.empty());
        CrawlRunView run = crawls.run(
                CrawlRequest.add(a.source(), a.account()).withBaseUrl(appView.baseUrl()), CrawlService.Listener.NONE);

        assertThat(run.state()).as("problems %s", run.problems()).isEqualTo("completed");
        assertThat(jdbc.queryForList("SELECT handle FROM account", String.class))
                .containsExactly("anna.bsky.social");
    }

    @Test
    void aSourceThatNeedsAKeySaysSoBeforeAnythingStarts() {
        assertThatThrownBy(() -> crawls.run(CrawlRequest.add(Source.YOUTUBE, "@somebody"), CrawlService.Listener.NONE))
                .isInstanceOf(SourceProblem.class)
                .hasMessageContaining("MICROREACH_YOUTUBE_API_KEY");
        assertThatThrownBy(() -> crawls.run(CrawlRequest.add(Source.INSTAGRAM, "somebody"), CrawlService.Listener.NONE))
                .isInstanceOf(SourceProblem.class)
                .hasMessageContaining("MICROREACH_INSTAGRAM_TOKEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crawl_run", Long.class))
                .isZero();
    }

    private Map<String, List<String>> snapshot() {
        return Map.of(
                "accounts",
                jdbc.queryForList(
                        "SELECT platform_id || ' ' || handle || ' ' || followers || ' ' || coalesce(posts_count, -1)"
                                + " FROM account ORDER BY platform_id",
                        String.class),
                "posts",
                jdbc.queryForList(
                        "SELECT platform_id || ' ' || coalesce(likes, -1) || ' ' || coalesce(comments, -1) FROM post"
                                + " ORDER BY platform_id",
                        String.class),
                "comments",
                jdbc.queryForList("SELECT platform_id FROM comment ORDER BY platform_id", String.class),
                "samples",
                jdbc.queryForList("SELECT follower_platform_id FROM follower_sample ORDER BY 1", String.class),
                "edges",
                jdbc.queryForList("SELECT source_id || '>' || target_id FROM follow_edge ORDER BY 1", String.class),
                "counts",
                jdbc.queryForList(
                        "SELECT account_platform_id || ' ' || followers FROM follower_count ORDER BY 1", String.class),
                "sources",
                jdbc.queryForList("SELECT platform_id FROM account_source ORDER BY 1", String.class));
    }
}
