package io.microreach.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Evaluation step, not a unit test: converts the real data sets in {@code ../shared/data/} and reads the output
 * back with the importer. Its name does not match Surefire's default test patterns, so {@code verify} never runs
 * it (a user's checkout has no shared data); when asked for explicitly it fails, never skips, if the data is absent.
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=RealDataConversionCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dmicroreach.realdata=DIR}). It prints the summaries, which hold counts and fixed reasons
 * only, never a username or bio from the data.
 */
class RealDataConversionCheck {
    static final String DATA_PROPERTY = "microreach.realdata";

    @Test
    void convertsTheRealDataSets() throws Exception {
        Path root = dataRoot().orElseThrow(() -> new AssertionError(missingMessage()));
        Path out = Path.of("target", "real-data");

        Result fake = run(RealDataSet.INSTAFAKE, root, out);
        assertThat(fake.check.rejections()).isEmpty();
        assertThat(fake.summary.totalSkipped()).isZero();
        assertThat(fake.summary.written(RecordType.ACCOUNT)).isEqualTo(700 + 2);
        assertThat(fake.summary.written(RecordType.POST)).isEqualTo(57_816);
        assertThat(fake.summary.written(RecordType.FOLLOWER_SAMPLE)).isEqualTo(1_194);
        List<String> labels = Files.readAllLines(fake.summary.labelsFile());
        assertThat(labels).hasSize(1 + 1_194);
        assertThat(labels.stream().filter(l -> l.endsWith(",true"))).hasSize(200);
        assertThat(labels.stream().filter(l -> l.endsWith(",false"))).hasSize(994);
        for (DataRecord r : fake.check.records()) {
            // Synthesised handles must still be plausible Instagram usernames.
            String handle = r instanceof Account a ? a.handle() : r instanceof FollowerSample s ? s.handle() : "x";
            assertThat(handle).matches("[a-z0-9_]{1,30}");
        }

        Result reach = run(RealDataSet.INSTAGRAM_REACH, root, out);
        assertThat(reach.check.rejections()).isEmpty();
        assertThat(reach.summary.totalSkipped()).isZero();
        assertThat(reach.summary.written(RecordType.ACCOUNT)).isEqualTo(95);
        assertThat(reach.summary.written(RecordType.POST)).isEqualTo(100);
    }

    public static void main(String[] args) throws Exception {
        Optional<Path> root = args.length > 0 ? Optional.of(Path.of(args[0])) : dataRoot();
        if (root.isEmpty()) {
            System.err.println(missingMessage());
            System.exit(2);
        }
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("target", "real-data");
        int rejected = 0;
        for (RealDataSet set : RealDataSet.values()) {
            rejected += run(set, root.get(), out).check.rejections().size();
        }
        System.exit(rejected == 0 ? 0 : 1);
    }

    private record Result(ConversionSummary summary, ImportCheck check) {}

    private static Result run(RealDataSet set, Path root, Path outDir) throws Exception {
        Path outFile = outDir.resolve(set.cliName() + ".jsonl");
        ConversionSummary summary = new RealDataConverter().convert(set, root.resolve(set.folderName()), outFile);
        ImportCheck check = ImportCheck.read(outFile);
        System.out.println(summary.describe());
        System.out.println("read back: " + check.records().size() + " record(s), "
                + check.rejections().size() + " rejection(s)");
        System.out.println();
        return new Result(summary, check);
    }

    /** The property, else {@code ../shared/data} seen from the checkout root or from a module folder. */
    static Optional<Path> dataRoot() throws IOException {
        String given = System.getProperty(DATA_PROPERTY);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path candidate : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toRealPath());
            }
        }
        return Optional.empty();
    }

    private static String missingMessage() {
        String given = System.getProperty(DATA_PROPERTY);
        return given != null && !given.isBlank()
                ? "real data folder " + given + " (from -D" + DATA_PROPERTY + ") does not exist"
                : "real data not found: expected ../shared/data/ beside the checkout, or pass -D" + DATA_PROPERTY
                        + "=DIR";
    }
}
