package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.home.MicroreachHome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the search benchmark end to end on a few hundred accounts so that it keeps working; no timing is asserted. */
class SearchBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void indexesEveryAccountAndBothSidesAgreeOnTheFiltersOnlyQuery() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SearchBenchmark.Result r = SearchBenchmark.run(
                400,
                5,
                3,
                3,
                io.microreach.app.search.SearchSettings.DEFAULT,
                new MicroreachHome(dir.resolve("home")).create(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(r.indexed()).isEqualTo(400);
        assertThat(r.vectors()).isEqualTo(400);
        assertThat(r.indexBytes()).isPositive();
        assertThat(r.kinds()).hasSize(3);
        // Same filters and the same order formula on both sides: the same top 20.
        assertThat(r.kinds().get(0).top20Agreement()).isEqualTo(1.0);
        assertThat(r.kinds().get(1).meanMatches()).isPositive();
        assertThat(r.kinds().get(2).meanMatches()).isPositive();
        assertThat(r.recallWithPool()).isGreaterThanOrEqualTo(0.95);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("index build")
                .contains("recall@50");
    }
}
