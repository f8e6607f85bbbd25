package io.microreach.niches.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.ContentText;
import io.microreach.niches.NicheTaxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NicheEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void knownAnswer() {
        // a: truth 3, predicted 2, both right → P 1, R 2/3, F1 0.8. b: truth 1, predicted 2, 1 right → P 0.5, R 1, F1
        // 2/3.
        // c: never in the truth → not in the macro average.
        List<Set<String>> truth = List.of(Set.of("a"), Set.of("a", "b"), Set.of("a"), Set.of());
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of("a", "b"), Set.of("b"), Set.of("c"));
        NicheEvaluation e = NicheEvaluation.of(truth, predicted, List.of("a", "b", "c"));
        assertThat(e.n()).isEqualTo(4);
        assertThat(e.perNiche().get(0).precision()).isEqualTo(1.0);
        assertThat(e.perNiche().get(0).recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(e.perNiche().get(0).f1()).isCloseTo(0.8, within(1e-12));
        assertThat(e.perNiche().get(1).f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(e.perNiche().get(2).precision()).isZero();
        assertThat(e.macroF1()).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-12));
        // micro: tp 3, predicted 5, truth 4 → P 0.6, R 0.75
        assertThat(e.microF1()).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-12));
    }

    @Test
    void perfectPredictionsScoreOne() {
        List<Set<String>> truth = List.of(Set.of("a"), Set.of("b", "c"));
        NicheEvaluation e = NicheEvaluation.of(truth, truth, List.of("a", "b", "c"));
        assertThat(e.macroF1()).isEqualTo(1.0);
        assertThat(e.microF1()).isEqualTo(1.0);
    }

    @Test
    void readsLabelledFilesWithSeveralNichesPerRow() throws Exception {
        Path f = dir.resolve("l.csv");
        Files.writeString(f, "label,text\nfitness|sports,\"Gym, then football\"\ntravel,Lisbon trip\n");
        List<LabelledText> rows = LabelledTextFile.read(f, NicheTaxonomy.load());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).labels()).containsExactlyInAnyOrder("fitness", "sports");
        assertThat(rows.get(0).text()).isEqualTo("Gym, then football");
        assertThat(rows.get(1).line()).isEqualTo(3);

        Path back = dir.resolve("back.csv");
        LabelledTextFile.write(back, rows);
        assertThat(LabelledTextFile.read(back, NicheTaxonomy.load())).isEqualTo(rows);
    }

    @Test
    void badFilesAreRejectedNamingTheLine() throws Exception {
        Path unknown = dir.resolve("u.csv");
        Files.writeString(unknown, "label,text\nfitness,ok\nfitness|knitting,yarn\n");
        assertThatThrownBy(() -> LabelledTextFile.read(unknown, NicheTaxonomy.load()))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown niche 'knitting'");

        Path noText = dir.resolve("n.csv");
        Files.writeString(noText, "label,caption\nfitness,ok\n");
        assertThatThrownBy(() -> LabelledTextFile.read(noText, NicheTaxonomy.load()))
                .hasMessageContaining("line 1")
                .hasMessageContaining("'text'");

        Path emptyLabel = dir.resolve("e.csv");
        Files.writeString(emptyLabel, "label,text\n,hello\n");
        assertThatThrownBy(() -> LabelledTextFile.read(emptyLabel, NicheTaxonomy.load()))
                .hasMessageContaining("line 2: label: empty");

        assertThatThrownBy(() -> LabelledTextFile.read(dir.resolve("missing.csv"), NicheTaxonomy.load()))
                .hasMessageContaining("no such file");
    }

    @Test
    void taxonomyHasTheGeneratorsIdsWithExamplesInSeveralLanguages() {
        NicheTaxonomy t = NicheTaxonomy.load();
        assertThat(t.ids())
                .containsExactly(
                        "fitness",
                        "clean_beauty",
                        "beauty",
                        "fashion",
                        "gaming",
                        "travel",
                        "personal_development",
                        "food",
                        "parenting",
                        "pets",
                        "home_interior",
                        "tech",
                        "finance",
                        "sports",
                        "outdoor",
                        "music",
                        "education",
                        "sustainability");
        assertThat(t.niches()).allSatisfy(n -> {
            assertThat(n.name()).isNotBlank();
            assertThat(n.description()).isNotBlank();
            assertThat(n.examples()).hasSizeGreaterThanOrEqualTo(8);
        });
    }

    @Test
    void contentTextDropsLinksMentionsAndRanksHashtags() {
        String text = ContentText.of(
                "Runner | https://example.com",
                List.of("Morning run with @brandx #run #marathon", "Use code LENA15 www.shop.example"),
                List.of("run", "marathon", "run", "fyp"));
        assertThat(text).doesNotContain("https", "example.com", "@brandx", "#");
        assertThat(text).startsWith("Runner").endsWith("run marathon fyp . run marathon fyp . run marathon fyp");
        assertThat(ContentText.hash(text)).hasSize(32).isEqualTo(ContentText.hash(text));
        assertThat(ContentText.of(null, List.of("Tonight's dinner"), List.of("veganrecipes", "VeganRecipes", "ootd")))
                .isEqualTo("Tonight's dinner . vegan recipes ootd . vegan recipes ootd . vegan recipes ootd");
        // Long captions are cut, never the tags.
        String crowded = ContentText.of(
                "x".repeat(900), List.of("y".repeat(900), "z".repeat(900)), List.of("homedecor", "interiordesign"));
        assertThat(crowded).hasSize(ContentText.MAX_CHARS).endsWith("home decor interior design");
        String longText = ContentText.of("x".repeat(5000), List.of(), List.of());
        assertThat(longText).hasSize(ContentText.MAX_CHARS);
    }
}
