package io.microreach.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Post;
import io.microreach.domain.RecordType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstagramReachConversionTest {
    @TempDir
    Path tmp;

    @Test
    void fixtureConvertsToTheExpectedLines() throws Exception {
        Path out = tmp.resolve("reach.jsonl");

        ConversionSummary summary =
                new RealDataConverter().convert(RealDataSet.INSTAGRAM_REACH, Fixtures.folder("instagram-reach"), out);

        // Reference 2020-01-01T00:00:00Z minus "11 hours", "2 hours", "3 hours".
        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instagram-reach-0001\","
                                + "\"account_id\":\"pixel.gardener\",\"published_at\":\"2019-12-31T13:00:00Z\","
                                + "\"format\":\"photo\",\"caption\":\"Three tips for tidy data, thread below #tips\","
                                + "\"hashtags\":[\"dataviz\",\"python\",\"tips\"],\"likes\":87,"
                                + "\"followers_at_post\":1200}",
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instagram-reach-0002\","
                                + "\"account_id\":\"loopcat_42\",\"published_at\":\"2019-12-31T22:00:00Z\","
                                + "\"format\":\"photo\",\"hashtags\":[\"robots\",\"ai\"],\"likes\":9,"
                                + "\"followers_at_post\":310}",
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instagram-reach-0003\","
                                + "\"account_id\":\"pixel.gardener\",\"published_at\":\"2019-12-31T21:00:00Z\","
                                + "\"format\":\"photo\",\"caption\":\"What do you automate first?\","
                                + "\"hashtags\":[\"automation\"],\"likes\":40,\"followers_at_post\":1215}",
                        // Two rows, two follower counts: the account keeps the larger.
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"pixel.gardener\","
                                + "\"handle\":\"pixel.gardener\",\"followers\":1215,"
                                + "\"observed_at\":\"2020-01-01T00:00:00Z\"}",
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"loopcat_42\","
                                + "\"handle\":\"loopcat_42\",\"followers\":310,"
                                + "\"observed_at\":\"2020-01-01T00:00:00Z\"}");
        assertThat(summary.written()).isEqualTo(Map.of(RecordType.ACCOUNT, 2L, RecordType.POST, 3L));
        assertThat(summary.skipped()).isEmpty();
        assertThat(summary.labelsFile()).isNull();
        assertThat(RealDataConverter.labelsFileOf(out)).doesNotExist();
    }

    @Test
    void outputImportsWithoutRejections() throws Exception {
        Path out = tmp.resolve("reach.jsonl");
        new RealDataConverter().convert(RealDataSet.INSTAGRAM_REACH, Fixtures.folder("instagram-reach"), out);

        ImportCheck check = ImportCheck.read(out);

        assertThat(check.rejections()).isEmpty();
        assertThat(check.records()).hasSize(5);
        Post first = (Post) check.records().get(0);
        assertThat(first.hashtags()).containsExactly("dataviz", "python", "tips");
        assertThat(first.likes()).isEqualTo(87L);
        assertThat(first.comments()).isNull();
    }

    @Test
    void badRowsAreSkippedAndCountedWithoutNamingTheData() throws Exception {
        Path out = tmp.resolve("bad.jsonl");

        ConversionSummary summary = new RealDataConverter()
                .convert(RealDataSet.INSTAGRAM_REACH, Fixtures.folder("instagram-reach-bad"), out);

        assertThat(summary.skipped())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "instagram_reach.csv: USERNAME empty", 1L,
                        "instagram_reach.csv: Followers not a whole number >= 0", 1L,
                        "instagram_reach.csv: Time since posted empty or not understood (expected e.g. '11 hours')", 1L,
                        "instagram_reach.csv: Likes not a whole number >= 0", 1L,
                        "instagram_reach.csv: USERNAME is not an Instagram username (1-30 of A-Z a-z 0-9 . _)", 1L,
                        "instagram_reach.csv: row has a different number of columns than the header", 1L,
                        "instagram_reach.csv: Time since posted longer than a year", 1L));
        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instagram-reach-0007\","
                                + "\"account_id\":\"quiet.owl\",\"published_at\":\"2019-12-31T00:00:00Z\","
                                + "\"format\":\"photo\",\"caption\":\"kept\",\"likes\":12,"
                                + "\"followers_at_post\":1100}",
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"quiet.owl\","
                                + "\"handle\":\"quiet.owl\",\"followers\":1100,"
                                + "\"observed_at\":\"2020-01-01T00:00:00Z\"}");
        // The summary is printed by the CLI: no username or caption from the rows may show up in it.
        assertThat(summary.describe()).doesNotContain("quiet.owl", "two words", "no author here", "too old");
        assertThat(ImportCheck.read(out).rejections()).isEmpty();
    }

    @Test
    void theUnrepairedMirrorFileIsRefusedAsAWhole() {
        Path out = tmp.resolve("wrapped.jsonl");

        assertThatThrownBy(() -> new RealDataConverter()
                        .convert(RealDataSet.INSTAGRAM_REACH, Fixtures.folder("instagram-reach-wrapped"), out))
                .hasMessageContaining(
                        "instagram_reach.csv: missing column(s) USERNAME, Followers," + " Time since posted, Likes")
                .hasMessageContaining("format-repaired")
                .hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void agesInTheUsualWordingsAreUnderstood() throws Exception {
        assertThat(InstagramReachConverter.age("11 hours")).isEqualTo(Duration.ofHours(11));
        assertThat(InstagramReachConverter.age("1 hour")).isEqualTo(Duration.ofHours(1));
        assertThat(InstagramReachConverter.age("an hour")).isEqualTo(Duration.ofHours(1));
        assertThat(InstagramReachConverter.age("45 minutes ago")).isEqualTo(Duration.ofMinutes(45));
        assertThat(InstagramReachConverter.age("3 Days")).isEqualTo(Duration.ofDays(3));
        assertThat(InstagramReachConverter.age("2 weeks")).isEqualTo(Duration.ofDays(14));
        assertThat(InstagramReachConverter.age("5h")).isEqualTo(Duration.ofHours(5));
        for (String bad : List.of("", "hours", "11", "yesterday", "-2 hours", "1.5 hours", "9999999 hours")) {
            assertThatThrownBy(() -> InstagramReachConverter.age(bad)).isInstanceOf(SkipEntry.class);
        }
    }

    @Test
    void runTogetherHashtagsAreSplitAtEveryHash() {
        assertThat(InstagramReachConverter.hashtags("#Bitcoin\u00A0#Crypto#Ethereum #crypto .#naïve_1"))
                .containsExactly("bitcoin", "crypto", "ethereum", "naïve_1");
        assertThat(InstagramReachConverter.hashtags(null)).isEmpty();
        assertThat(InstagramReachConverter.hashtags("# # #")).isEmpty();
    }
}
