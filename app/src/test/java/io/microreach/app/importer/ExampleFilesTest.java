package io.microreach.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The example import files in docs/examples are real: each imports without a rejected line. */
class ExampleFilesTest extends SpringAppTest {
    static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Autowired
    Importer importer;

    @BeforeEach
    void empty() {
        emptyPublicTables();
    }

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyExampleFileImportsWithoutRejections() throws Exception {
        List<Path> jsonl = files(".jsonl");
        List<Path> csv = files(".csv");
        assertThat(jsonl.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(
                        "accounts.jsonl",
                        "comments.jsonl",
                        "follow-edges.jsonl",
                        "follower-counts.jsonl",
                        "follower-samples.jsonl",
                        "posts.jsonl");
        assertThat(csv.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("accounts.csv", "posts.csv");
        for (Path file : Stream.concat(jsonl.stream(), csv.stream()).toList()) {
            ImportReport report = importer.importFile(file, ImportProgress.NONE);
            assertThat(report.rejected())
                    .as(file + ": " + report.firstRejections())
                    .isZero();
            assertThat(report.stored() + report.unchanged()).as(file.toString()).isPositive();
        }
        assertThat(count("account")).isEqualTo(3);
        assertThat(count("post")).isEqualTo(3);
        assertThat(count("comment")).isEqualTo(3);
        assertThat(count("follower_sample")).isEqualTo(3);
        assertThat(count("follow_edge")).isEqualTo(2);
        assertThat(count("follower_count")).isEqualTo(3);
        // Comments arrived after their posts in one order of files and before them in another: all are linked.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM comment WHERE post_id IS NULL", Long.class))
                .isZero();
    }

    @Test
    void theCsvExamplesSayTheSameAsTheJsonlOnes() throws Exception {
        importer.importFile(EXAMPLES.resolve("accounts.jsonl"), ImportProgress.NONE);
        importer.importFile(EXAMPLES.resolve("posts.jsonl"), ImportProgress.NONE);
        ImportReport accounts = importer.importFile(EXAMPLES.resolve("accounts.csv"), ImportProgress.NONE);
        ImportReport posts = importer.importFile(EXAMPLES.resolve("posts.csv"), ImportProgress.NONE);
        assertThat(accounts.stored())
                .as("accounts.csv changed what accounts.jsonl stored")
                .isZero();
        assertThat(accounts.unchanged()).isEqualTo(3);
        assertThat(posts.stored())
                .as("posts.csv changed what posts.jsonl stored")
                .isZero();
        assertThat(posts.unchanged()).isEqualTo(3);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
