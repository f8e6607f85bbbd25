package io.microreach.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated data set read back through the project's own importer, shared by the test classes of a run (each
 * configuration is generated once per JVM into a temporary folder that is deleted at exit).
 */
final class TestData {
    /** The data set most tests use: enough creators for statistics, small enough to stay fast. */
    static final GeneratorConfig STANDARD = GeneratorConfig.of(1200, 7)
            .withPostsPerCreator(16)
            .withFollowerSampleSize(60)
            .withHistoryDays(60);

    /** Many creators with few records each, for shares of rare tiers. */
    static final GeneratorConfig LIGHT = GeneratorConfig.of(6000, 11)
            .withPostsPerCreator(12)
            .withCommentedPosts(0)
            .withFollowerSampleSize(0)
            .withHistoryDays(1);

    private static final Map<GeneratorConfig, TestData> CACHE = new HashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final GeneratorConfig config;
    final GenerationSummary summary;
    final long rejected;
    final List<Account> accounts = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<FollowerSample> samples = new ArrayList<>();
    final List<FollowEdge> edges = new ArrayList<>();
    final List<FollowerCount> counts = new ArrayList<>();
    final List<JsonNode> truth = new ArrayList<>();

    private TestData(GeneratorConfig config) throws IOException, UnusableInputException {
        this.config = config;
        Path dir = Files.createTempDirectory("microreach-generator-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        this.summary = new SyntheticDataGenerator(config).generate(dir);
        long rejections = 0;
        try (RecordSource source = InputFiles.open(summary.dataFile())) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Rejected) {
                    rejections++;
                } else {
                    add(((ParsedLine.Parsed) line).record());
                }
            }
        }
        this.rejected = rejections;
        try (BufferedReader in = Files.newBufferedReader(summary.groundTruthFile(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    truth.add(MAPPER.readTree(line));
                }
            }
        }
    }

    static synchronized TestData of(GeneratorConfig config) {
        return CACHE.computeIfAbsent(config, c -> {
            try {
                return new TestData(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UnusableInputException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static TestData standard() {
        return of(STANDARD);
    }

    static TestData light() {
        return of(LIGHT);
    }

    private void add(DataRecord r) {
        if (r instanceof Account a) {
            accounts.add(a);
        } else if (r instanceof Post p) {
            posts.add(p);
        } else if (r instanceof Comment c) {
            comments.add(c);
        } else if (r instanceof FollowerSample s) {
            samples.add(s);
        } else if (r instanceof FollowEdge e) {
            edges.add(e);
        } else if (r instanceof FollowerCount c) {
            counts.add(c);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
