package io.microreach.connectors.mastodon;

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

/** What a crawl, a refresh and a discovery emit passes the core's validating import reader unchanged. */
class MastodonImportRoundTripTest {

    @Test
    void recordsWrittenAsJsonlReadBackWithoutRejections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mastodon.jsonl");
        List<DataRecord> crawled = new ArrayList<>();
        try (InstanceStub instance = new InstanceStub().creator();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            instance.stub(InstanceStub.api("/api/v2/search"), "search-kochen.json");
            instance.stub(InstanceStub.api("/api/v1/timelines/tag/kochen"), "tag-kochen-2.json");
            instance.stub(InstanceStub.api("/api/v1/directory"), "directory-1.json");
            MastodonConnector connector = instance.connector();
            connector.fetchCreators(
                    List.of(InstanceStub.HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), r -> {
                        crawled.add(r);
                        writer.write(r);
                    });
            connector.refresh(
                    List.of(new KnownAccount(InstanceStub.CREATOR, null, null, null)),
                    CrawlOptions.DEFAULT,
                    new InMemoryCrawlStateStore(),
                    r -> {
                        crawled.add(r);
                        writer.write(r);
                    });
            connector.discover(
                    DiscoveryQuery.keyword("kochen"), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), r -> {
                        crawled.add(r);
                        writer.write(r);
                    });
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
        // crawl 24, refresh 2 + 4 posts + 10 replies, discovery 4 accounts with their follower counts
        assertThat(read).hasSameSizeAs(crawled).hasSize(24 + 16 + 8);
        assertThat(read).containsExactlyElementsOf(crawled);
    }
}
