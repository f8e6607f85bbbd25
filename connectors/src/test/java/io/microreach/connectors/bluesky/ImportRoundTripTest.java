package io.microreach.connectors.bluesky;

import static io.microreach.connectors.bluesky.AppViewStub.HANDLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.RecordSink;
import io.microreach.domain.DataRecord;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.JsonlRecordWriter;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crawl emits passes the core's validating import reader unchanged: no rejection, nothing lost. */
class ImportRoundTripTest {

    @Test
    void aCrawlWrittenAsJsonlReadsBackWithoutRejections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bluesky.jsonl");
        List<DataRecord> crawled = new ArrayList<>();
        try (AppViewStub appView = new AppViewStub().creator();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            appView.connector()
                    .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), r -> {
                        crawled.add(r);
                        writer.write(r);
                    });
        }

        List<DataRecord> read = readBack(file);
        assertThat(read).hasSameSizeAs(crawled).hasSize(23);
        assertThat(read).containsExactlyElementsOf(crawled);
    }

    @Test
    void refreshAndDiscoveryWrittenAsJsonlReadBackWithoutRejections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bluesky-refresh.jsonl");
        List<DataRecord> emitted = new ArrayList<>();
        try (AppViewStub appView = new AppViewStub().refresh().search();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            RecordSink sink = r -> {
                emitted.add(r);
                writer.write(r);
            };
            appView.connector()
                    .refresh(
                            List.of(new KnownAccount(
                                    AppViewStub.CREATOR, HANDLE, 1520L, Instant.parse("2024-11-15T16:20:00Z"))),
                            CrawlOptions.DEFAULT,
                            new InMemoryCrawlStateStore(),
                            sink);
            appView.connector()
                    .discover(
                            DiscoveryQuery.keyword("balkon garten"),
                            CrawlOptions.DEFAULT,
                            new InMemoryCrawlStateStore(),
                            sink);
        }

        // Mara, her follower count, 2 new posts, 9 replies; 5 discovered accounts with their follower counts
        assertThat(readBack(file)).containsExactlyElementsOf(emitted).hasSize(2 + 2 + 9 + 10);
    }

    private static List<DataRecord> readBack(Path file) throws Exception {
        List<DataRecord> read = new ArrayList<>();
        List<ParsedLine.Rejected> rejected = new ArrayList<>();
        try (RecordSource source = InputFiles.open(file)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Parsed parsed) {
                    read.add(parsed.record());
                } else {
                    rejected.add((ParsedLine.Rejected) line);
                }
            }
        }

        assertThat(rejected).isEmpty();
        return read;
    }
}
