package io.microreach.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.domain.RecordType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trip of the writer through the reader, as a property over random records: each seed drives a reproducible
 * random batch, so a failure names its seed. (Property tests use seeded JUnit parameters rather than jqwik, whose
 * 1.10 releases ask AI agents not to use the library; see README, "Tests".)
 */
class JsonlRecordWriterTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static String write(List<DataRecord> records) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            records.forEach(writer::write);
        }
        return out.toString();
    }

    private List<DataRecord> readBack(String text) throws Exception {
        Path file = dir.resolve("out.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<DataRecord> out = new ArrayList<>();
        for (ParsedLine line : Inputs.readAll(file)) {
            assertThat(line).isInstanceOf(ParsedLine.Parsed.class);
            out.add(((ParsedLine.Parsed) line).record());
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomRecordsOfEveryTypeSurviveTheRoundTrip(long seed) throws Exception {
        List<DataRecord> records = new RandomRecords(seed).batch((int) (seed % 25));
        String text = write(records);

        assertThat(text).endsWith("\n").doesNotContain("\r");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(records.size());
        assertThat(text.split("\n", -1)).hasSize(records.size() + 1).endsWith("");

        assertThat(readBack(text)).containsExactlyElementsOf(records);
    }

    @Test
    void aPostWhoseListedTagsDifferFromItsCaptionKeepsThem() throws Exception {
        Post explicitEmpty = new Post(
                Platform.INSTAGRAM,
                "p1",
                "a1",
                Instant.parse("2026-03-01T18:30:00Z"),
                PostFormat.PHOTO,
                "morning #routine with @lena",
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Post other = new Post(
                Platform.INSTAGRAM,
                "p2",
                "a1",
                Instant.parse("2026-03-01T18:30:00Z"),
                PostFormat.PHOTO,
                "morning #routine with @lena",
                List.of("skincare"),
                List.of("mia"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(readBack(write(List.of(explicitEmpty, other)))).containsExactly(explicitEmpty, other);
    }

    @Test
    void absentValuesAndFalseFlagsAreOmitted() throws IOException {
        String text = write(List.of(new Account(
                Platform.YOUTUBE,
                "UC1",
                "chan",
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                null,
                null)));
        assertThat(text)
                .isEqualTo("{\"type\":\"account\",\"platform\":\"youtube\",\"id\":\"UC1\",\"handle\":\"chan\","
                        + "\"followers\":0}\n");
    }

    @Test
    void knownAnswerForEachType() throws IOException {
        String text = write(List.of(
                new Comment(
                        Platform.TIKTOK,
                        "c1",
                        "p1",
                        null,
                        "mia",
                        "",
                        Instant.parse("2026-03-01T19:02:00.5Z"),
                        null,
                        0L),
                new FollowEdge(Platform.BLUESKY, "a", "s", "t"),
                new FollowerCount(Platform.TWITTER, "a", LocalDate.of(2026, 3, 1), 12)));
        assertThat(text)
                .isEqualTo("{\"type\":\"comment\",\"platform\":\"tiktok\",\"id\":\"c1\",\"post_id\":\"p1\","
                        + "\"author_handle\":\"mia\",\"text\":\"\",\"created_at\":\"2026-03-01T19:02:00.500Z\","
                        + "\"likes\":0}\n"
                        + "{\"type\":\"follow_edge\",\"platform\":\"bluesky\",\"account_id\":\"a\",\"source_id\":\"s\","
                        + "\"target_id\":\"t\"}\n"
                        + "{\"type\":\"follower_count\",\"platform\":\"twitter\",\"account_id\":\"a\","
                        + "\"date\":\"2026-03-01\",\"followers\":12}\n");
    }

    @Test
    void closeClosesTheUnderlyingWriter() throws IOException {
        boolean[] closed = {false};
        Writer target = new StringWriter() {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        new JsonlRecordWriter(target).close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void everyTypeIsCoveredByTheGenerator() {
        List<DataRecord> batch = new RandomRecords(7).batch(0);
        assertThat(batch).extracting(DataRecord::type).containsExactlyInAnyOrder(RecordType.values());
    }
}
