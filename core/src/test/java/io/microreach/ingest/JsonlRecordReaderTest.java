package io.microreach.ingest;

import static io.microreach.ingest.Inputs.parseOne;
import static io.microreach.ingest.Inputs.readJsonl;
import static io.microreach.ingest.Inputs.rejectOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.domain.RecordType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonlRecordReaderTest {
    @TempDir
    Path dir;

    static final String ACCOUNT_MIN =
            "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"h\"," + "\"followers\":10";
    static final String POST_MIN = "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"p1\",\"account_id\":\"1\","
            + "\"published_at\":\"2026-03-01T18:30:00Z\",\"format\":\"photo\"";
    static final String COMMENT_MIN = "{\"type\":\"comment\",\"platform\":\"tiktok\",\"id\":\"c1\",\"post_id\":\"p1\","
            + "\"author_handle\":\"mia\",\"text\":\"hi\",\"created_at\":\"2026-03-01T19:02:00Z\"";
    static final String SAMPLE_MIN = "{\"type\":\"follower_sample\",\"platform\":\"instagram\",\"account_id\":\"1\","
            + "\"follower_id\":\"f1\",\"handle\":\"fan\"";
    static final String EDGE_MIN =
            "{\"type\":\"follow_edge\",\"platform\":\"instagram\",\"account_id\":\"1\",\"source_id\":\"a\","
                    + "\"target_id\":\"b\"";
    static final String COUNT_MIN = "{\"type\":\"follower_count\",\"platform\":\"youtube\",\"account_id\":\"1\","
            + "\"date\":\"2026-03-01\",\"followers\":5";

    /** Removes {@code "field":value} (a simple scalar value) from a minimal line and closes the object. */
    static String without(String min, String field) {
        String line = min + "}";
        String out = line.replaceAll(",?\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "");
        assertThat(out).as("fixture must contain %s", field).isNotEqualTo(line);
        return out.replace("{,", "{");
    }

    @Nested
    class AllFields {
        @Test
        void account() throws Exception {
            Account a = (Account) parseOne(
                    dir,
                    "{\"type\":\"account\",\"platform\":\"Instagram\",\"id\":\"1784\",\"handle\":\"@greenglow.lena\","
                            + "\"display_name\":\"Lena Grün\",\"bio\":\"Naturkosmetik & DIY\",\"country\":\"de\","
                            + "\"language\":\"DE\",\"followers\":12400,\"following\":610,\"posts_count\":321,"
                            + "\"verified\":true,\"is_business\":true,\"is_creator\":true,"
                            + "\"external_url\":\"https://lena.example\",\"email\":\"lena@example.org\","
                            + "\"creator\":\"lena-1\",\"observed_at\":\"2026-03-01T19:30:00+01:00\","
                            + "\"extra\":{\"ignored\":[1,2]}}");
            assertThat(a)
                    .isEqualTo(new Account(
                            Platform.INSTAGRAM,
                            "1784",
                            "greenglow.lena",
                            "Lena Grün",
                            "Naturkosmetik & DIY",
                            "DE",
                            "de",
                            12400,
                            610L,
                            321L,
                            true,
                            true,
                            true,
                            "https://lena.example",
                            "lena@example.org",
                            "lena-1",
                            Instant.parse("2026-03-01T18:30:00Z")));
            assertThat(a.type()).isEqualTo(RecordType.ACCOUNT);
        }

        @Test
        void accountWithOnlyRequiredFieldsHasDefaults() throws Exception {
            Account a = (Account) parseOne(dir, ACCOUNT_MIN + "}");
            assertThat(a)
                    .isEqualTo(new Account(
                            Platform.INSTAGRAM,
                            "1",
                            "h",
                            null,
                            null,
                            null,
                            null,
                            10,
                            null,
                            null,
                            false,
                            false,
                            false,
                            null,
                            null,
                            null,
                            null));
        }

        @Test
        void post() throws Exception {
            Post p = (Post) parseOne(
                    dir,
                    "{\"type\":\"post\",\"platform\":\"TikTok\",\"id\":\"C1a\",\"account_id\":\"1784\","
                            + "\"published_at\":\"2026-03-01T18:30:00.250Z\",\"format\":\"Reel\","
                            + "\"caption\":\"3 tips #ignored\",\"hashtags\":[\"CleanBeauty\",\"#diy\"],"
                            + "\"mentions\":[\"@Mia\",\"tom\"],\"likes\":820,\"comments\":41,\"shares\":3,"
                            + "\"saves\":7,\"views\":15300,\"followers_at_post\":12000,\"paid_partnership\":false,"
                            + "\"url\":\"https://t.example/C1a\"}");
            assertThat(p)
                    .isEqualTo(new Post(
                            Platform.TIKTOK,
                            "C1a",
                            "1784",
                            Instant.parse("2026-03-01T18:30:00.250Z"),
                            PostFormat.REEL,
                            "3 tips #ignored",
                            List.of("cleanbeauty", "diy"),
                            List.of("mia", "tom"),
                            820L,
                            41L,
                            3L,
                            7L,
                            15300L,
                            12000L,
                            false,
                            "https://t.example/C1a"));
            assertThat(p.type()).isEqualTo(RecordType.POST);
        }

        @Test
        void postWithOnlyRequiredFieldsHasNullCounts() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN + "}");
            assertThat(p)
                    .isEqualTo(new Post(
                            Platform.INSTAGRAM,
                            "p1",
                            "1",
                            Instant.parse("2026-03-01T18:30:00Z"),
                            PostFormat.PHOTO,
                            null,
                            List.of(),
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }

        @Test
        void comment() throws Exception {
            Comment c = (Comment) parseOne(
                    dir,
                    "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"c2\",\"post_id\":\"C1a\","
                            + "\"author_id\":\"1784\",\"author_handle\":\"@greenglow.lena\",\"text\":\"Jojoba!\","
                            + "\"created_at\":\"2026-03-01T19:40:00Z\",\"parent_id\":\"c1\",\"likes\":4}");
            assertThat(c)
                    .isEqualTo(new Comment(
                            Platform.INSTAGRAM,
                            "c2",
                            "C1a",
                            "1784",
                            "greenglow.lena",
                            "Jojoba!",
                            Instant.parse("2026-03-01T19:40:00Z"),
                            "c1",
                            4L));
            assertThat(c.type()).isEqualTo(RecordType.COMMENT);
        }

        @Test
        void followerSample() throws Exception {
            FollowerSample s = (FollowerSample) parseOne(
                    dir,
                    "{\"type\":\"follower_sample\",\"platform\":\"bluesky\",\"account_id\":\"1784\","
                            + "\"follower_id\":\"99\",\"handle\":\"fan.99\",\"full_name\":\"Fan Ninety\","
                            + "\"bio\":\"likes things\",\"followers\":3,\"following\":7500,\"posts_count\":0,"
                            + "\"has_profile_pic\":false,\"is_private\":true,\"verified\":false,"
                            + "\"external_url\":\"https://spam.example\",\"sampled_at\":\"2026-02-28T00:00:00Z\"}");
            assertThat(s)
                    .isEqualTo(new FollowerSample(
                            Platform.BLUESKY,
                            "1784",
                            "99",
                            "fan.99",
                            "Fan Ninety",
                            "likes things",
                            3L,
                            7500L,
                            0L,
                            false,
                            true,
                            false,
                            "https://spam.example",
                            Instant.parse("2026-02-28T00:00:00Z")));
            assertThat(s.type()).isEqualTo(RecordType.FOLLOWER_SAMPLE);
        }

        @Test
        void followerSampleWithOnlyRequiredFieldsHasNullFlags() throws Exception {
            assertThat(parseOne(dir, SAMPLE_MIN + "}"))
                    .isEqualTo(new FollowerSample(
                            Platform.INSTAGRAM,
                            "1",
                            "f1",
                            "fan",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }

        @Test
        void followEdge() throws Exception {
            FollowEdge e = (FollowEdge) parseOne(
                    dir,
                    "{\"type\":\"follow_edge\",\"platform\":\"twitter\",\"account_id\":\"1784\","
                            + "\"source_id\":\"a1\",\"target_id\":\"b2\"}");
            assertThat(e).isEqualTo(new FollowEdge(Platform.TWITTER, "1784", "a1", "b2"));
            assertThat(e.type()).isEqualTo(RecordType.FOLLOW_EDGE);
        }

        @Test
        void followerCount() throws Exception {
            FollowerCount c = (FollowerCount) parseOne(
                    dir,
                    "{\"type\":\"follower_count\",\"platform\":\"youtube\",\"account_id\":\"UC1\","
                            + "\"date\":\"2026-02-28\",\"followers\":0}");
            assertThat(c).isEqualTo(new FollowerCount(Platform.YOUTUBE, "UC1", LocalDate.of(2026, 2, 28), 0));
            assertThat(c.type()).isEqualTo(RecordType.FOLLOWER_COUNT);
        }

        @Test
        void theDocumentedExampleParses() throws Exception {
            List<ParsedLine> lines = readJsonl(
                    dir,
                    "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1784\",\"handle\":\"greenglow.lena\","
                            + "\"followers\":12400,\"following\":610,\"posts_count\":321,\"country\":\"DE\","
                            + "\"language\":\"de\",\"bio\":\"Naturkosmetik & DIY\"}",
                    "{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"C1a\",\"account_id\":\"1784\","
                            + "\"published_at\":\"2026-03-01T18:30:00Z\",\"format\":\"reel\","
                            + "\"caption\":\"3 tips for dry skin #cleanbeauty\",\"likes\":820,\"comments\":41,"
                            + "\"views\":15300}",
                    "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"c1\",\"post_id\":\"C1a\","
                            + "\"author_handle\":\"mia\",\"text\":\"Which oil do you use?\","
                            + "\"created_at\":\"2026-03-01T19:02:00Z\"}",
                    "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":\"c2\",\"post_id\":\"C1a\","
                            + "\"author_id\":\"1784\",\"author_handle\":\"greenglow.lena\",\"text\":\"Jojoba!\","
                            + "\"created_at\":\"2026-03-01T19:40:00Z\",\"parent_id\":\"c1\"}");
            assertThat(lines).allMatch(l -> l instanceof ParsedLine.Parsed);
            assertThat(lines).extracting(ParsedLine::line).containsExactly(1L, 2L, 3L, 4L);
            Post post = (Post) ((ParsedLine.Parsed) lines.get(1)).record();
            assertThat(post.hashtags()).containsExactly("cleanbeauty");
            assertThat(post.shares()).isNull();
        }
    }

    @Nested
    class RequiredFields {
        @ParameterizedTest
        @ValueSource(strings = {"platform", "id", "handle", "followers"})
        void account(String field) throws Exception {
            assertMissing(ACCOUNT_MIN, field, RecordType.ACCOUNT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"platform", "id", "account_id", "published_at", "format"})
        void post(String field) throws Exception {
            assertMissing(POST_MIN, field, RecordType.POST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"platform", "id", "post_id", "author_handle", "text", "created_at"})
        void comment(String field) throws Exception {
            assertMissing(COMMENT_MIN, field, RecordType.COMMENT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"platform", "account_id", "follower_id", "handle"})
        void followerSample(String field) throws Exception {
            assertMissing(SAMPLE_MIN, field, RecordType.FOLLOWER_SAMPLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"platform", "account_id", "source_id", "target_id"})
        void followEdge(String field) throws Exception {
            assertMissing(EDGE_MIN, field, RecordType.FOLLOW_EDGE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"platform", "account_id", "date", "followers"})
        void followerCount(String field) throws Exception {
            assertMissing(COUNT_MIN, field, RecordType.FOLLOWER_COUNT);
        }

        private void assertMissing(String min, String field, RecordType type) throws Exception {
            ParsedLine.Rejected absent = rejectOne(dir, without(min, field));
            assertThat(absent.rejection().field()).isEqualTo(field);
            assertThat(absent.type()).isEqualTo(type);
            assertThat(absent.rejection().source()).endsWith("in.jsonl");

            // null means "not given": the same as absent
            ParsedLine.Rejected nulled = rejectOne(dir, without(min, field).replace("}", ",\"" + field + "\":null}"));
            assertThat(nulled.rejection().field()).isEqualTo(field);
            assertThat(nulled.type()).isEqualTo(type);
        }

        @ParameterizedTest
        @ValueSource(strings = {"id", "handle"})
        void blankRequiredStringIsRejected(String field) throws Exception {
            for (String blank : List.of("\"\"", "\"   \"")) {
                ParsedLine.Rejected r =
                        rejectOne(dir, without(ACCOUNT_MIN, field).replace("}", ",\"" + field + "\":" + blank + "}"));
                assertThat(r.rejection().field()).isEqualTo(field);
            }
        }

        @Test
        void aHandleThatIsOnlyAnAtSignIsRejected() throws Exception {
            ParsedLine.Rejected r =
                    rejectOne(dir, without(ACCOUNT_MIN, "handle").replace("}", ",\"handle\":\"@\"}"));
            assertThat(r.rejection().field()).isEqualTo("handle");
            r = rejectOne(dir, without(SAMPLE_MIN, "handle").replace("}", ",\"handle\":\" @ \"}"));
            assertThat(r.rejection().field()).isEqualTo("handle");
            r = rejectOne(dir, without(COMMENT_MIN, "author_handle").replace("}", ",\"author_handle\":\"@\"}"));
            assertThat(r.rejection().field()).isEqualTo("author_handle");
        }

        @Test
        void requiredIdsAreTrimmed() throws Exception {
            Account a = (Account) parseOne(
                    dir,
                    "{\"type\":\"account\",\"platform\":\" instagram \",\"id\":\" 7 \",\"handle\":\" h \","
                            + "\"followers\":1}");
            assertThat(a.platformId()).isEqualTo("7");
            assertThat(a.handle()).isEqualTo("h");
            assertThat(a.platform()).isEqualTo(Platform.INSTAGRAM);
        }
    }

    @Nested
    class WrongTypes {
        @Test
        void countAsStringIsRejected() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, without(ACCOUNT_MIN, "followers") + "");
            assertThat(r.rejection().field()).isEqualTo("followers");
            r = rejectOne(dir, ACCOUNT_MIN + ",\"following\":\"610\"}");
            assertThat(r.rejection().field()).isEqualTo("following");
            assertThat(r.type()).isEqualTo(RecordType.ACCOUNT);
            r = rejectOne(dir, without(ACCOUNT_MIN, "followers").replace("}", ",\"followers\":\"12\"}"));
            assertThat(r.rejection().field()).isEqualTo("followers");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "true", "[1]", "{}", "1e20", "99999999999999999999"})
        void countThatIsNotAWholeNumberIsRejected(String value) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, POST_MIN + ",\"likes\":" + value + "}");
            assertThat(r.rejection().field()).isEqualTo("likes");
            assertThat(r.type()).isEqualTo(RecordType.POST);
        }

        @Test
        void integralFloatCountIsAccepted() throws Exception {
            assertThat(((Post) parseOne(dir, POST_MIN + ",\"likes\":12.0}")).likes())
                    .isEqualTo(12L);
        }

        @Test
        void booleanAsStringIsRejected() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN + ",\"verified\":\"true\"}");
            assertThat(r.rejection().field()).isEqualTo("verified");
            r = rejectOne(dir, SAMPLE_MIN + ",\"is_private\":1}");
            assertThat(r.rejection().field()).isEqualTo("is_private");
            r = rejectOne(dir, POST_MIN + ",\"paid_partnership\":\"no\"}");
            assertThat(r.rejection().field()).isEqualTo("paid_partnership");
        }

        @Test
        void arrayOfNonStringsIsRejected() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, POST_MIN + ",\"hashtags\":[\"ok\",1]}");
            assertThat(r.rejection().field()).isEqualTo("hashtags");
            r = rejectOne(dir, POST_MIN + ",\"mentions\":[null]}");
            assertThat(r.rejection().field()).isEqualTo("mentions");
            r = rejectOne(dir, POST_MIN + ",\"hashtags\":\"a b\"}");
            assertThat(r.rejection().field()).isEqualTo("hashtags");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "true", "[\"account\"]", "{\"a\":1}"})
        void typeThatIsNotAStringIsRejected(String value) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN.replace("\"account\"", value) + "}");
            assertThat(r.rejection().field()).isEqualTo("type");
            assertThat(r.type()).isNull();
        }

        @Test
        void stringFieldGivenAsObjectIsRejected() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN + ",\"bio\":{\"text\":\"x\"}}");
            assertThat(r.rejection().field()).isEqualTo("bio");
            r = rejectOne(dir, ACCOUNT_MIN.replace("\"id\":\"1\"", "\"id\":1.5") + "}");
            assertThat(r.rejection().field()).isEqualTo("id");
        }

        @Test
        void numbersGivenAsIdsAreAcceptedAsTheirDecimalText() throws Exception {
            Comment c = (Comment) parseOne(
                    dir,
                    "{\"type\":\"comment\",\"platform\":\"instagram\",\"id\":17841400000000000001,\"post_id\":42,"
                            + "\"author_id\":-7,\"author_handle\":\"mia\",\"text\":\"x\","
                            + "\"created_at\":\"2026-03-01T19:02:00Z\",\"parent_id\":0}");
            assertThat(c.platformId()).isEqualTo("17841400000000000001");
            assertThat(c.postPlatformId()).isEqualTo("42");
            assertThat(c.authorPlatformId()).isEqualTo("-7");
            assertThat(c.parentPlatformId()).isEqualTo("0");
            FollowEdge e = (FollowEdge) parseOne(
                    dir,
                    "{\"type\":\"follow_edge\",\"platform\":\"instagram\",\"account_id\":1,\"source_id\":2,"
                            + "\"target_id\":3}");
            assertThat(e).isEqualTo(new FollowEdge(Platform.INSTAGRAM, "1", "2", "3"));
        }
    }

    @Nested
    class Values {
        @ParameterizedTest
        @CsvSource({"followers", "following", "posts_count"})
        void negativeAccountCountsAreRejected(String field) throws Exception {
            String line = field.equals("followers")
                    ? without(ACCOUNT_MIN, "followers").replace("}", ",\"followers\":-1}")
                    : ACCOUNT_MIN + ",\"" + field + "\":-1}";
            ParsedLine.Rejected r = rejectOne(dir, line);
            assertThat(r.rejection().field()).isEqualTo(field);
            assertThat(r.rejection().reason()).contains("negative");
            assertThat(r.type()).isEqualTo(RecordType.ACCOUNT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"likes", "comments", "shares", "saves", "views", "followers_at_post"})
        void negativePostCountsAreRejected(String field) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, POST_MIN + ",\"" + field + "\":-3}");
            assertThat(r.rejection().field()).isEqualTo(field);
            assertThat(r.type()).isEqualTo(RecordType.POST);
        }

        @Test
        void negativeCountsOfOtherTypesAreRejected() throws Exception {
            assertThat(rejectOne(dir, COMMENT_MIN + ",\"likes\":-1}")
                            .rejection()
                            .field())
                    .isEqualTo("likes");
            assertThat(rejectOne(dir, SAMPLE_MIN + ",\"following\":-1}")
                            .rejection()
                            .field())
                    .isEqualTo("following");
            assertThat(rejectOne(dir, COUNT_MIN.replace("\"followers\":5", "\"followers\":-5") + "}")
                            .rejection()
                            .field())
                    .isEqualTo("followers");
        }

        @Test
        void zeroCountsAreKeptApartFromAbsent() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN + ",\"likes\":0,\"views\":null}");
            assertThat(p.likes()).isZero();
            assertThat(p.views()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"myspace", "", "insta gram", "instagram.com"})
        void unknownPlatformIsRejected(String platform) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN.replace("\"instagram\"", "\"" + platform + "\"") + "}");
            assertThat(r.rejection().field()).isEqualTo("platform");
            assertThat(r.type()).isEqualTo(RecordType.ACCOUNT);
        }

        @Test
        void unknownPlatformNamesTheAllowedOnes() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN.replace("\"instagram\"", "\"myspace\"") + "}");
            assertThat(r.rejection().reason()).contains("myspace", "instagram", "twitter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"gif", "reels", "", "photo video"})
        void unknownFormatIsRejected(String format) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, POST_MIN.replace("\"photo\"", "\"" + format + "\"") + "}");
            assertThat(r.rejection().field()).isEqualTo("format");
            assertThat(r.type()).isEqualTo(RecordType.POST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PHOTO", "Carousel", "video", "reel", "short", "story", "TEXT"})
        void everyFormatIsAcceptedInAnyCase(String format) throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN.replace("\"photo\"", "\"" + format + "\"") + "}");
            assertThat(p.format().id()).isEqualTo(format.toLowerCase(java.util.Locale.ROOT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"accounts", "Account", "ACCOUNT", "profile", ""})
        void unknownTypeIsRejectedWithoutAType(String type) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN.replace("\"account\"", "\"" + type + "\"") + "}");
            assertThat(r.rejection().field()).isEqualTo("type");
            assertThat(r.type()).isNull();
        }

        @Test
        void missingTypeIsRejectedWithoutAType() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, without(ACCOUNT_MIN, "type"));
            assertThat(r.rejection().field()).isEqualTo("type");
            assertThat(r.type()).isNull();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2026-03-01T18:30:00",
                    "2026-03-01",
                    "2026-03-01 18:30:00Z",
                    "01.03.2026 18:30",
                    "1772389800",
                    "2026-13-01T18:30:00Z",
                    "2026-02-30T18:30:00Z",
                    "2026-03-01T25:30:00Z",
                    "yesterday"
                })
        void badTimestampIsRejected(String ts) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, POST_MIN.replace("2026-03-01T18:30:00Z", ts) + "}");
            assertThat(r.rejection().field()).isEqualTo("published_at");
            assertThat(r.type()).isEqualTo(RecordType.POST);
            r = rejectOne(dir, ACCOUNT_MIN + ",\"observed_at\":\"" + ts + "\"}");
            assertThat(r.rejection().field()).isEqualTo("observed_at");
            r = rejectOne(dir, COMMENT_MIN.replace("2026-03-01T19:02:00Z", ts) + "}");
            assertThat(r.rejection().field()).isEqualTo("created_at");
            r = rejectOne(dir, SAMPLE_MIN + ",\"sampled_at\":\"" + ts + "\"}");
            assertThat(r.rejection().field()).isEqualTo("sampled_at");
        }

        @Test
        void timestampWithOffsetIsConvertedToTheInstant() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN.replace("2026-03-01T18:30:00Z", "2026-03-01T13:30:00-05:00") + "}");
            assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-03-01T18:30:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-3-1", "01.03.2026", "2026-03-01T00:00:00Z", "2026-02-30", "20260301", "x"})
        void badDateIsRejected(String date) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, COUNT_MIN.replace("2026-03-01", date) + "}");
            assertThat(r.rejection().field()).isEqualTo("date");
            assertThat(r.type()).isEqualTo(RecordType.FOLLOWER_COUNT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DEU", "D", "12", "Germany"})
        void badCountryIsRejected(String country) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN + ",\"country\":\"" + country + "\"}");
            assertThat(r.rejection().field()).isEqualTo("country");
        }

        @ParameterizedTest
        @ValueSource(strings = {"d", "german", "d1"})
        void badLanguageIsRejected(String language) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, ACCOUNT_MIN + ",\"language\":\"" + language + "\"}");
            assertThat(r.rejection().field()).isEqualTo("language");
        }

        @Test
        void followEdgeToItselfIsRejected() throws Exception {
            ParsedLine.Rejected r =
                    rejectOne(dir, EDGE_MIN.replace("\"target_id\":\"b\"", "\"target_id\":\"a\"") + "}");
            assertThat(r.rejection().field()).isEqualTo("target_id");
            assertThat(r.type()).isEqualTo(RecordType.FOLLOW_EDGE);
            // the same id written once as a number and once as a string is still the same follower
            r = rejectOne(
                    dir,
                    "{\"type\":\"follow_edge\",\"platform\":\"instagram\",\"account_id\":\"1\",\"source_id\":7,"
                            + "\"target_id\":\"7\"}");
            assertThat(r.rejection().field()).isEqualTo("target_id");
        }

        @Test
        void commentWithEmptyTextIsAccepted() throws Exception {
            Comment c = (Comment) parseOne(dir, COMMENT_MIN.replace("\"text\":\"hi\"", "\"text\":\"\"") + "}");
            assertThat(c.text()).isEmpty();
            assertThat(c.authorPlatformId()).isNull();
            assertThat(c.parentPlatformId()).isNull();
            assertThat(c.likes()).isNull();
        }

        @Test
        void commentTextKeepsItsWhitespace() throws Exception {
            Comment c = (Comment) parseOne(dir, COMMENT_MIN.replace("\"text\":\"hi\"", "\"text\":\" hi \\n\"") + "}");
            assertThat(c.text()).isEqualTo(" hi \n");
        }

        @Test
        void commentWithTextGivenAsANumberIsRejected() throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, COMMENT_MIN.replace("\"text\":\"hi\"", "\"text\":[\"hi\"]") + "}");
            assertThat(r.rejection().field()).isEqualTo("text");
        }
    }

    @Nested
    class HashtagsAndMentions {
        @Test
        void takenFromTheCaptionWhenAbsent() throws Exception {
            Post p = (Post)
                    parseOne(dir, POST_MIN + ",\"caption\":\"Morgenroutine mit @Lena.Grün #Naturkosmetik #DIY #diy\"}");
            assertThat(p.hashtags()).containsExactly("naturkosmetik", "diy");
            assertThat(p.mentions()).containsExactly("lena.grün");
        }

        @Test
        void takenFromTheCaptionWhenNull() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN + ",\"caption\":\"#a @b\",\"hashtags\":null,\"mentions\":null}");
            assertThat(p.hashtags()).containsExactly("a");
            assertThat(p.mentions()).containsExactly("b");
        }

        @Test
        void normalisedWhenPresent() throws Exception {
            Post p = (Post) parseOne(
                    dir,
                    POST_MIN + ",\"caption\":\"#other @other\","
                            + "\"hashtags\":[\"#Beauty\",\"beauty\",\" SKIN \",\"\",\"#\",\"Öko\"],"
                            + "\"mentions\":[\"@Mia\",\"mia\",\"@TOM\"]}");
            assertThat(p.hashtags()).containsExactly("beauty", "skin", "öko");
            assertThat(p.mentions()).containsExactly("mia", "tom");
        }

        @Test
        void anEmptyListIsKeptAndNotReplacedByTheCaption() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN + ",\"caption\":\"#a @b\",\"hashtags\":[],\"mentions\":[]}");
            assertThat(p.hashtags()).isEmpty();
            assertThat(p.mentions()).isEmpty();
        }

        @Test
        void noCaptionAndNoListsMeansEmptyLists() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN + ",\"caption\":\"\"}");
            assertThat(p.caption()).isNull();
            assertThat(p.hashtags()).isEmpty();
            assertThat(p.mentions()).isEmpty();
        }
    }

    @Nested
    class Lines {
        @Test
        void malformedJsonIsRejectedWithoutAType() throws Exception {
            for (String bad : List.of(
                    "{\"type\":\"account\"",
                    "{type:\"account\"}",
                    "{'type':'account'}",
                    "{\"type\":\"account\",}",
                    "not json at all",
                    "{\"type\":\"account\"} // comment")) {
                ParsedLine.Rejected r = rejectOne(dir, bad);
                assertThat(r.rejection().field()).as(bad).isEqualTo("-");
                assertThat(r.type()).as(bad).isNull();
            }
        }

        @Test
        void trailingGarbageAfterTheObjectIsRejected() throws Exception {
            for (String bad : List.of(ACCOUNT_MIN + "} x", ACCOUNT_MIN + "}" + ACCOUNT_MIN + "}", ACCOUNT_MIN + "}}")) {
                ParsedLine.Rejected r = rejectOne(dir, bad);
                assertThat(r.rejection().field()).as(bad).isEqualTo("-");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[{\"type\":\"account\"}]", "42", "\"account\"", "true", "null"})
        void aLineThatIsNotAnObjectIsRejected(String line) throws Exception {
            ParsedLine.Rejected r = rejectOne(dir, line);
            assertThat(r.rejection().field()).isEqualTo("-");
            assertThat(r.type()).isNull();
        }

        @Test
        void blankLinesAreSkippedAndLineNumbersStayPhysical() throws Exception {
            List<ParsedLine> lines =
                    readJsonl(dir, "", ACCOUNT_MIN + "}", "   ", "\t", "{broken", "", COUNT_MIN + "}", "", "");
            assertThat(lines).hasSize(3);
            assertThat(lines).extracting(ParsedLine::line).containsExactly(2L, 5L, 7L);
            assertThat(lines.get(0)).isInstanceOf(ParsedLine.Parsed.class);
            assertThat(lines.get(1)).isInstanceOf(ParsedLine.Rejected.class);
            assertThat(((ParsedLine.Rejected) lines.get(1)).rejection().line()).isEqualTo(5);
            assertThat(lines.get(2)).isInstanceOf(ParsedLine.Parsed.class);
        }

        @Test
        void crlfLineEndingsAndAMissingFinalNewlineWork() throws Exception {
            Path file = Inputs.write(dir, "crlf.jsonl", ACCOUNT_MIN + "}\r\n\r\n" + COUNT_MIN + "}");
            List<ParsedLine> lines = Inputs.readAll(file);
            assertThat(lines).extracting(ParsedLine::line).containsExactly(1L, 3L);
            assertThat(lines).allMatch(l -> l instanceof ParsedLine.Parsed);
        }

        @Test
        void aByteOrderMarkBeforeTheFirstLineIsIgnored() throws Exception {
            Path file = Inputs.write(dir, "bom.jsonl", "\uFEFF" + ACCOUNT_MIN + "}\n");
            List<ParsedLine> lines = Inputs.readAll(file);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).isInstanceOf(ParsedLine.Parsed.class);
        }

        @Test
        void unicodeLineSeparatorsInsideStringsDoNotSplitTheLine() throws Exception {
            Post p = (Post) parseOne(dir, POST_MIN + ",\"caption\":\"a\u2028b\u0085c\"}");
            assertThat(p.caption()).isEqualTo("a\u2028b\u0085c");
        }

        @Test
        void rejectionsNameTheFileLineFieldAndReason() throws Exception {
            List<ParsedLine> lines = readJsonl(dir, ACCOUNT_MIN + "}", ACCOUNT_MIN + ",\"following\":-2}");
            ParsedLine.Rejected r = (ParsedLine.Rejected) lines.get(1);
            assertThat(r.rejection().describe())
                    .startsWith(dir.resolve("in.jsonl").toString() + ":2: field 'following': ")
                    .contains("negative");
        }

        @Test
        void aMixOfAllTypesInOneFileIsReadInOrder() throws Exception {
            List<ParsedLine> lines = readJsonl(
                    dir,
                    COUNT_MIN + "}",
                    EDGE_MIN + "}",
                    SAMPLE_MIN + "}",
                    COMMENT_MIN + "}",
                    POST_MIN + "}",
                    ACCOUNT_MIN + "}");
            assertThat(lines)
                    .map(l -> ((ParsedLine.Parsed) l).record().type())
                    .containsExactly(
                            RecordType.FOLLOWER_COUNT,
                            RecordType.FOLLOW_EDGE,
                            RecordType.FOLLOWER_SAMPLE,
                            RecordType.COMMENT,
                            RecordType.POST,
                            RecordType.ACCOUNT);
        }
    }
}
