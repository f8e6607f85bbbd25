package io.microreach.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    private static final GeneratorConfig SMALL = GeneratorConfig.of(70, 123).withPostsPerCreator(12);

    @TempDir
    Path dir;

    @Test
    void sameSeedAndConfigGiveByteIdenticalFiles() throws IOException {
        GenerationSummary a = new SyntheticDataGenerator(SMALL).generate(dir.resolve("a"));
        GenerationSummary b = new SyntheticDataGenerator(SMALL).generate(dir.resolve("b"));
        assertThat(Files.readAllBytes(b.dataFile())).isEqualTo(Files.readAllBytes(a.dataFile()));
        assertThat(Files.readAllBytes(b.groundTruthFile())).isEqualTo(Files.readAllBytes(a.groundTruthFile()));
        assertThat(Files.readAllBytes(b.manifestFile())).isEqualTo(Files.readAllBytes(a.manifestFile()));
        assertThat(b)
                .usingRecursiveComparison()
                .ignoringFields("dataFile", "groundTruthFile", "manifestFile")
                .isEqualTo(a);
    }

    @Test
    void theNumberOfWorkerThreadsDoesNotChangeTheOutput() throws IOException {
        GenerationSummary one = new SyntheticDataGenerator(SMALL, 1).generate(dir.resolve("one"));
        GenerationSummary three = new SyntheticDataGenerator(SMALL, 3).generate(dir.resolve("three"));
        assertThat(Files.readAllBytes(three.dataFile())).isEqualTo(Files.readAllBytes(one.dataFile()));
        assertThat(Files.readAllBytes(three.groundTruthFile())).isEqualTo(Files.readAllBytes(one.groundTruthFile()));
    }

    @Test
    void aDifferentSeedGivesDifferentData() throws IOException {
        GenerationSummary a = new SyntheticDataGenerator(SMALL).generate(dir.resolve("a"));
        GenerationSummary b = new SyntheticDataGenerator(SMALL.withSeed(124)).generate(dir.resolve("b"));
        List<String> linesA = Files.readAllLines(a.dataFile());
        List<String> linesB = Files.readAllLines(b.dataFile());
        List<String> common = new ArrayList<>(linesA);
        common.retainAll(new java.util.HashSet<>(linesB));
        assertThat(common).isEmpty();
    }

    @Test
    void aCreatorsRecordsDoNotDependOnHowManyCreatorsAreGenerated() throws IOException {
        GenerationSummary few = new SyntheticDataGenerator(SMALL.withCreators(40)).generate(dir.resolve("few"));
        GenerationSummary many = new SyntheticDataGenerator(SMALL).generate(dir.resolve("many"));
        List<String> fewLines = Files.readAllLines(few.dataFile());
        List<String> manyLines = Files.readAllLines(many.dataFile());
        assertThat(manyLines.subList(0, fewLines.size())).isEqualTo(fewLines);
        List<String> fewTruth = Files.readAllLines(few.groundTruthFile());
        assertThat(Files.readAllLines(many.groundTruthFile()).subList(0, fewTruth.size()))
                .isEqualTo(fewTruth);
    }

    @Test
    void progressIsReportedForEveryCreatorInOrder() throws IOException {
        List<Long> done = new ArrayList<>();
        new SyntheticDataGenerator(SMALL.withCreators(25)).generate(dir.resolve("p"), (d, total) -> {
            assertThat(total).isEqualTo(25);
            done.add(d);
        });
        assertThat(done).hasSize(25).isSorted().startsWith(1L).endsWith(25L);
    }

    @Test
    void manifestRecordsConfigAndCounts() throws IOException {
        GenerationSummary s = new SyntheticDataGenerator(SMALL).generate(dir.resolve("m"));
        String manifest = Files.readString(s.manifestFile());
        assertThat(manifest)
                .contains("\"seed\" : 123")
                .contains("\"creators\" : 70")
                .contains("\"total_lines\" : " + s.totalLines())
                .contains("\"now\" : \"2026-11-01T00:00:00Z\"");
        assertThat(Files.readAllLines(s.dataFile())).hasSize((int) s.totalLines());
        assertThat(Files.readAllLines(s.groundTruthFile())).hasSize((int) s.accounts());
        assertThat(s.totalLines())
                .isEqualTo(s.accounts()
                        + s.posts()
                        + s.comments()
                        + s.followerSamples()
                        + s.followEdges()
                        + s.followerCounts());
    }
}
