package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.connectors.bluesky.BlueskyConnector;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.JsonlRecordWriter;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real connector crawls 20 accounts of the stand-in; what it emits, written as JSONL and read back by the core's
 * import reader, is exactly the network the generator describes, counted here independently of the connector.
 * Timings are never asserted.
 */
class CrawlBenchmarkTest {
    private static final int ACCOUNTS = 20;
    private final SyntheticBluesky net = new SyntheticBluesky(ACCOUNTS, 400, 7);

    @Test
    void aCrawlOfTheStandInReadsBackAsTheGeneratedNetwork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crawl.jsonl");
        CrawlResult result;
        long served;
        try (BlueskyStandIn standIn = new BlueskyStandIn(net);
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonlRecordWriter writer = new JsonlRecordWriter(out)) {
            BlueskyConnector connector = BlueskyConnector.create(CrawlBenchmark.unthrottledSettings(standIn));
            result = connector.fetchCreators(
                    CrawlBenchmark.handles(net, ACCOUNTS),
                    CrawlOptions.DEFAULT,
                    new InMemoryCrawlStateStore(),
                    writer::write);
            served = standIn.requests();
        }
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.problems()).isEmpty();
        assertThat(result.requests()).as("no retries").isEqualTo(served);

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
        assertThat(read).hasSize((int) result.records());

        Map<String, Long> byType = new TreeMap<>();
        read.forEach(r -> byType.merge(r.getClass().getSimpleName(), 1L, Long::sum));
        assertThat(byType).isEqualTo(expected());

        Account three = read.stream()
                .filter(Account.class::isInstance)
                .map(Account.class::cast)
                .filter(a -> a.platformId().equals(net.did(3)))
                .findFirst()
                .orElseThrow();
        assertThat(three.handle()).isEqualTo("creator3.bench.example");
        assertThat(three.followers()).isEqualTo(net.followersCount(3));
        assertThat(three.postsCount()).isEqualTo((long) net.postsCount(3));
        assertThat(three.bio()).as("every seventh account has no bio").isNull();
        Post newest = read.stream()
                .filter(Post.class::isInstance)
                .map(Post.class::cast)
                .filter(p -> p.platformId().equals(net.postUri(3, 0)))
                .findFirst()
                .orElseThrow();
        assertThat(newest.publishedAt()).isEqualTo(net.createdAt(3, 0));
        assertThat(newest.likes()).isEqualTo(net.likes(3, 0));
        assertThat(newest.comments()).isEqualTo((long) net.replies(3, 0));
        assertThat(newest.shares()).isEqualTo(net.reposts(3, 0) + net.quotes(3, 0));
        assertThat(newest.views()).isNull();
    }

    /** Records per type that CrawlOptions.DEFAULT should yield, computed from the generator alone. */
    private Map<String, Long> expected() {
        CrawlOptions o = CrawlOptions.DEFAULT;
        long posts = 0;
        long comments = 0;
        long samples = 0;
        long edges = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            int n = Math.min(net.postsCount(i), o.maxPostsPerAccount());
            posts += n;
            int threads = 0;
            for (int j = 0; j < n && threads < o.maxThreadsPerAccount(); j++) {
                int replies = net.replies(i, j);
                if (replies > 0) {
                    threads++;
                    comments += replies;
                    for (int k = 0; k < replies; k++) {
                        comments += net.answered(i, j, k) ? 1 : 0;
                    }
                }
            }
            int sampleSize = Math.min(net.followersListed(i), o.followerSampleSize());
            List<Integer> sample = new ArrayList<>();
            for (int r = 0; r < sampleSize; r++) {
                sample.add(net.follower(i, r));
            }
            samples += sample.size();
            Set<Integer> inSample = new HashSet<>(sample);
            for (int s = 0; s < Math.min(o.followsSampleSize(), sample.size()); s++) {
                int k = sample.get(s);
                int read = Math.min(net.followsListed(k), 100 * o.maxFollowsPagesPerFollower());
                Set<Integer> targets = new HashSet<>();
                for (int r = 0; r < read; r++) {
                    int t = net.follow(k, r);
                    if (inSample.contains(t) && t != k) {
                        targets.add(t);
                    }
                }
                edges += targets.size();
            }
        }
        Map<String, Long> out = new TreeMap<>();
        out.put("Account", (long) ACCOUNTS);
        out.put("FollowerCount", (long) ACCOUNTS);
        out.put("Post", posts);
        out.put("Comment", comments);
        out.put("FollowerSample", samples);
        out.put("FollowEdge", edges);
        return out;
    }

    @Test
    void theBenchmarkRunsAllThreeMeasurementsAndPrintsThem() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        CrawlBenchmark.Result r = CrawlBenchmark.run(
                net, ACCOUNTS, true, 5, ACCOUNTS, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(r.crawl().records()).isPositive();
        assertThat(r.baseline().requests()).isEqualTo(r.crawl().requests());
        assertThat(r.throttled().requests()).isEqualTo(5);
        // 20 unchanged creators: one getProfiles for all of them
        assertThat(r.freshness().requestsUnchanged()).isEqualTo(1);
        // two of them (0 and 10) have two new posts each: their feeds, and the threads of new posts with replies
        assertThat(r.freshness().postsChanged()).isEqualTo(4);
        assertThat(r.freshness().requestsChanged()).isBetween(3L, 7L);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("microreach crawl", "raw HTTP replay", "throttled crawl", "nothing changed");
    }
}
