package io.microreach.connectors.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
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

/** What a crawl and a discovery emit passes the core's validating import reader unchanged: no rejection. */
class InstagramImportRoundTripTest {

    @Test
    void aCrawlWrittenAsJsonlReadsBackWithoutRejections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("instagram.jsonl");
        List<DataRecord> crawled = new ArrayList<>();
        try (GraphStub graph = new GraphStub().creators().candidates();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            InstagramConnector connector = graph.connector();
            connector.fetchCreators(
                    List.of("lena.kocht", "tomas.backt"), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), r -> {
                        crawled.add(r);
                        writer.write(r);
                    });
            connector.discover(
                    DiscoveryQuery.seed("tomas.backt", 1), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), r -> {
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
        // Lena: account, count, 5 posts; Tomás: account, count, 2 posts; discovery from Tomás's mentions accepts
        // Lena, Ayşe and Kiki: an account and a count each
        assertThat(read).hasSameSizeAs(crawled).hasSize(7 + 4 + 6);
        assertThat(read).containsExactlyElementsOf(crawled);
    }
}
