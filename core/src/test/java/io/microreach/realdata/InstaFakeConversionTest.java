package io.microreach.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import io.microreach.domain.RecordType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstaFakeConversionTest {
    @TempDir
    Path tmp;

    @Test
    void fixtureConvertsToTheExpectedLines() throws Exception {
        Path out = tmp.resolve("instafake.jsonl");

        ConversionSummary summary =
                new RealDataConverter().convert(RealDataSet.INSTAFAKE, Fixtures.folder("instafake"), out);

        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"instafake-na-0001\","
                                + "\"handle\":\"aozxxpa17\",\"bio\":\"synthetic bio placeholder synt\","
                                + "\"followers\":420,\"following\":310,\"posts_count\":3,"
                                + "\"external_url\":\"https://example.com/instafake-na-0001\"}",
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instafake-na-0001-p0001\","
                                + "\"account_id\":\"instafake-na-0001\",\"published_at\":\"2023-11-14T22:13:20Z\","
                                + "\"format\":\"photo\",\"likes\":12,\"comments\":1,\"followers_at_post\":420}",
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instafake-na-0001-p0002\","
                                + "\"account_id\":\"instafake-na-0001\",\"published_at\":\"2023-11-14T19:26:40Z\","
                                + "\"format\":\"photo\",\"likes\":30,\"comments\":4,\"followers_at_post\":420}",
                        // Comments disabled on this one: the count is left out rather than written as 0.
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instafake-na-0001-p0003\","
                                + "\"account_id\":\"instafake-na-0001\",\"published_at\":\"2023-11-13T18:26:40Z\","
                                + "\"format\":\"photo\",\"likes\":7,\"followers_at_post\":420}",
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"instafake-na-0002\","
                                + "\"handle\":\"ddksd\",\"bio\":\"\",\"followers\":0,\"following\":15,"
                                + "\"posts_count\":1}",
                        "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"instafake-na-0002-p0001\","
                                + "\"account_id\":\"instafake-na-0002\",\"published_at\":\"2020-09-13T12:26:40Z\","
                                + "\"format\":\"photo\",\"likes\":5,\"comments\":2,\"followers_at_post\":0}",
                        "{\"type\":\"follower_sample\",\"platform\":\"instagram\","
                                + "\"account_id\":\"instafake-panel-fake\",\"follower_id\":\"instafake-labelled-0001\","
                                + "\"handle\":\"pqwpuhcc9970\",\"bio\":\"\",\"followers\":3,\"following\":2100,"
                                + "\"posts_count\":0,\"has_profile_pic\":false,\"is_private\":true}",
                        "{\"type\":\"follower_sample\",\"platform\":\"instagram\","
                                + "\"account_id\":\"instafake-panel-fake\",\"follower_id\":\"instafake-labelled-0002\","
                                + "\"handle\":\"105980\",\"bio\":\"synthet\",\"followers\":41,\"following\":977,"
                                + "\"posts_count\":2,\"has_profile_pic\":true,\"is_private\":false}",
                        "{\"type\":\"follower_sample\",\"platform\":\"instagram\","
                                + "\"account_id\":\"instafake-panel-real\",\"follower_id\":\"instafake-labelled-0003\","
                                + "\"handle\":\"bqnppwha\",\"bio\":\"synthetic bio placeholder.\",\"followers\":512,"
                                + "\"following\":388,\"posts_count\":64,\"has_profile_pic\":true,"
                                + "\"is_private\":false}",
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"instafake-panel-fake\","
                                + "\"handle\":\"instafake_panel_fake\","
                                + "\"display_name\":\"InstaFake labelled sample: fake\",\"followers\":2}",
                        "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"instafake-panel-real\","
                                + "\"handle\":\"instafake_panel_real\","
                                + "\"display_name\":\"InstaFake labelled sample: real\",\"followers\":1}");
        assertThat(Files.readAllLines(RealDataConverter.labelsFileOf(out)))
                .containsExactly(
                        "follower_id,is_fake",
                        "instafake-labelled-0001,true",
                        "instafake-labelled-0002,true",
                        "instafake-labelled-0003,false");

        assertThat(summary.written())
                .isEqualTo(Map.of(RecordType.ACCOUNT, 4L, RecordType.POST, 4L, RecordType.FOLLOWER_SAMPLE, 3L));
        assertThat(summary.skipped()).isEmpty();
        assertThat(summary.labelsFile()).isEqualTo(tmp.resolve("instafake.jsonl.labels.csv"));
        assertThat(summary.sourceFiles())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("nonautomatedAccountData.json", "fakeAccountData.json", "realAccountData.json");
    }

    @Test
    void synthesisedHandlesKeepTheRecordedUsernameLengthAndDigits() throws Exception {
        Path out = tmp.resolve("instafake.jsonl");
        new RealDataConverter().convert(RealDataSet.INSTAFAKE, Fixtures.folder("instafake"), out);

        List<DataRecord> records = ImportCheck.read(out).records();
        // usernameLength / usernameDigitCount from the fixture files, in file order.
        assertThat(records.stream()
                        .filter(r -> r instanceof Account a && a.platformId().startsWith("instafake-na-"))
                        .map(r -> ((Account) r).handle()))
                .satisfiesExactly(h -> assertLengthAndDigits(h, 9, 2), h -> assertLengthAndDigits(h, 5, 0));
        assertThat(records.stream().filter(FollowerSample.class::isInstance).map(r -> ((FollowerSample) r).handle()))
                .satisfiesExactly(
                        h -> assertLengthAndDigits(h, 12, 4),
                        h -> assertLengthAndDigits(h, 6, 6),
                        h -> assertLengthAndDigits(h, 8, 0));
    }

    @Test
    void outputImportsWithoutRejectionsAndKeepsTheValues() throws Exception {
        Path out = tmp.resolve("instafake.jsonl");
        new RealDataConverter().convert(RealDataSet.INSTAFAKE, Fixtures.folder("instafake"), out);

        ImportCheck check = ImportCheck.read(out);

        assertThat(check.rejections()).isEmpty();
        assertThat(check.records()).hasSize(11);
        Post disabled = check.records().stream()
                .filter(r -> r instanceof Post p && p.platformId().equals("instafake-na-0001-p0003"))
                .map(Post.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(disabled.publishedAt()).isEqualTo(Instant.ofEpochSecond(1_699_900_000L));
        assertThat(disabled.comments()).isNull();
        assertThat(disabled.likes()).isEqualTo(7L);
        assertThat(disabled.followersAtPost()).isEqualTo(420L);
    }

    @Test
    void badEntriesAreSkippedCountedAndDoNotShiftIds() throws Exception {
        Path out = tmp.resolve("bad.jsonl");

        ConversionSummary summary =
                new RealDataConverter().convert(RealDataSet.INSTAFAKE, Fixtures.folder("instafake-bad"), out);

        assertThat(summary.skipped())
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("nonautomatedAccountData.json: userFollowerCount missing", 1L),
                        Map.entry(
                                "nonautomatedAccountData.json: usernameDigitCount missing or larger than"
                                        + " usernameLength",
                                1L),
                        Map.entry(
                                "nonautomatedAccountData.json: post with mediaLikeNumbers entry not a whole number"
                                        + " >= 0",
                                1L),
                        Map.entry(
                                "nonautomatedAccountData.json: post with mediaUploadTimes entry missing or not a"
                                        + " Unix time in seconds (2010-2100)",
                                1L),
                        Map.entry(
                                "nonautomatedAccountData.json: post with mediaCommentNumbers entry not a whole"
                                        + " number >= 0",
                                1L),
                        Map.entry("nonautomatedAccountData.json: entry is not a JSON object", 1L),
                        Map.entry(
                                "nonautomatedAccountData.json: mediaLikeNumbers is not an array, the account's"
                                        + " posts are left out",
                                1L),
                        Map.entry(
                                "nonautomatedAccountData.json: mediaUploadTimes missing, the account's posts are"
                                        + " left out",
                                1L),
                        Map.entry("fakeAccountData.json: isFake missing", 1L),
                        Map.entry("fakeAccountData.json: userHasProfilPic not 0 or 1", 1L),
                        Map.entry("fakeAccountData.json: usernameLength missing or not between 1 and 30", 1L),
                        Map.entry("realAccountData.json: userBiographyLength larger than 150", 1L)));
        assertThat(summary.totalSkipped()).isEqualTo(12);
        assertThat(summary.written(RecordType.ACCOUNT)).isEqualTo(4);
        assertThat(summary.written(RecordType.POST)).isEqualTo(1);
        assertThat(summary.written(RecordType.FOLLOWER_SAMPLE)).isEqualTo(1);

        ImportCheck check = ImportCheck.read(out);
        assertThat(check.rejections()).isEmpty();
        assertThat(check.records())
                .extracting(InstaFakeConversionTest::idOf)
                .containsExactly(
                        "instafake-na-0003",
                        "instafake-na-0003-p0001",
                        "instafake-na-0005",
                        "instafake-na-0006",
                        // Fourth of the labelled entries skipped; the fifth keeps its position-based id.
                        "instafake-labelled-0005",
                        "instafake-panel-real");
        assertThat(Files.readAllLines(RealDataConverter.labelsFileOf(out)))
                .containsExactly("follower_id,is_fake", "instafake-labelled-0005,false");
    }

    private static String idOf(DataRecord r) {
        if (r instanceof Account a) {
            return a.platformId();
        }
        if (r instanceof Post p) {
            return p.platformId();
        }
        return r instanceof FollowerSample s ? s.followerPlatformId() : r.toString();
    }

    private static void assertLengthAndDigits(String handle, int length, int digits) {
        assertThat(handle).hasSize(length);
        assertThat(handle.chars().filter(Character::isDigit).count()).isEqualTo(digits);
    }
}
