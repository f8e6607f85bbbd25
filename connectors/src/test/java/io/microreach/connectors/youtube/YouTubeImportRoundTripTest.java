package io.microreach.connectors.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.KnownAccount;
import io.microreach.domain.DataRecord;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.JsonlRecordWriter;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the YouTube connector emits passes the core's validating import reader unchanged: no rejection, nothing lost. */
class YouTubeImportRoundTripTest {

    @Test
    void aCrawlARefreshAndADiscoveryWrittenAsJsonlReadBackWithoutRejections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("youtube.jsonl");
        List<DataRecord> crawled = new ArrayList<>();
        try (DataApiStub api = new DataApiStub().creator().search();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            YouTubeConnector youtube = api.connector();
            io.microreach.connectors.RecordSink sink = r -> {
                crawled.add(r);
                writer.write(r);
            };
            youtube.fetchCreators(
                    List.of("@" + DataApiStub.HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), sink);
            youtube.refresh(
                    List.of(new KnownAccount(DataApiStub.CREATOR, DataApiStub.HANDLE, 80L, null)),
                    CrawlOptions.DEFAULT,
                    new InMemoryCrawlStateStore(),
                    sink);
            youtube.discover(
                    DiscoveryQuery.keyword(DataApiStub.KEYWORD),
                    CrawlOptions.DEFAULT,
                    new InMemoryCrawlStateStore(),
                    sink);
        }

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
        // crawl 16, refresh 16 (the same records again: the import stores them once), discovery 8
        assertThat(read).hasSameSizeAs(crawled).hasSize(16 + 16 + 8);
        assertThat(read).containsExactlyElementsOf(crawled);
    }
}
