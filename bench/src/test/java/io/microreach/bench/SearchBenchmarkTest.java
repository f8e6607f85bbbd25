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

    @Test
    void textModeEmbedsGeneratedTextsCachesTheVectorsAndReusesTheBuild() throws Exception {
        MicroreachHome home = new MicroreachHome(dir.resolve("text")).create();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        SearchBenchmark.Result r = SearchBenchmark.run(
                new SearchBenchmark.Options(300, 5, 3, 3, "text", false),
                io.microreach.app.search.SearchSettings.DEFAULT,
                home,
                out);
        assertThat(r.indexed()).isEqualTo(300);
        assertThat(r.vectors()).isEqualTo(300);
        assertThat(r.kinds().get(0).top20Agreement()).isEqualTo(1.0);
        // Keyword queries are words of the texts, so they find something.
        assertThat(r.kinds().get(1).meanMatches()).isPositive();
        assertThat(r.recallWithPool()).isGreaterThanOrEqualTo(0.95);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("embedded 300 texts");

        // Second run on the same home: vectors from the cache, no load and no build, the same answers.
        printed.reset();
        SearchBenchmark.Result again = SearchBenchmark.run(
                new SearchBenchmark.Options(300, 5, 3, 3, "text", true),
                io.microreach.app.search.SearchSettings.DEFAULT,
                home,
                out);
        String second = printed.toString(StandardCharsets.UTF_8);
        assertThat(second)
                .contains("vectors from the cache")
                .contains("reusing")
                .doesNotContain("index build");
        assertThat(again.indexed()).isEqualTo(300);
        assertThat(again.kinds().get(1).meanMatches())
                .isEqualTo(r.kinds().get(1).meanMatches());
        assertThat(again.recallWithPool()).isEqualTo(r.recallWithPool());
    }

    @Test
    void textModeDataIsAPureFunctionOfTheSeed() throws Exception {
        Path work = dir.resolve("work");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        TextDataSet a = new TextDataSet(5, 50, work.resolve("a"), quiet);
        TextDataSet b = new TextDataSet(5, 50, work.resolve("b"), quiet);
        for (int i = 0; i < 50; i += 7) {
            assertThat(a.row(i)).isEqualTo(b.row(i));
            assertThat(a.vector(i)).isEqualTo(b.vector(i));
            assertThat(a.keywords(i).query()).isEqualTo(b.keywords(i).query());
            assertThat(a.briefText(i)).isEqualTo(b.briefText(i)).isNotBlank();
        }
        // The cached vector is the product's embedding of the account's text.
        float[] direct =
                io.microreach.niches.StaticEmbedder.load().embed(a.row(3).bio());
        assertThat(a.vector(3)).containsExactly(direct, org.assertj.core.data.Offset.offset(0f));
    }
}
