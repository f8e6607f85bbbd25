package io.microreach.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void demoIsFiveThousandCreatorsWithSeed42AndTheDefaults() {
        GeneratorConfig demo = GeneratorConfig.demo();
        assertThat(demo.creators()).isEqualTo(5000);
        assertThat(demo.seed()).isEqualTo(42);
        assertThat(demo.now()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(demo.postsPerCreator()).isEqualTo(30);
        assertThat(demo.commentedPosts()).isEqualTo(10);
        assertThat(demo.followerSampleSize()).isEqualTo(100);
        assertThat(demo.historyDays()).isEqualTo(90);
    }

    @Test
    void withersChangeOneSetting() {
        GeneratorConfig c = GeneratorConfig.demo().withCreators(10).withSeed(1).withHistoryDays(30);
        assertThat(c).isEqualTo(new GeneratorConfig(10, 1, GeneratorConfig.DEFAULT_NOW, 30, 10, 100, 30));
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        GeneratorConfig d = GeneratorConfig.demo();
        assertThatThrownBy(() -> d.withCreators(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("creators");
        assertThatThrownBy(() -> d.withCreators(GeneratorConfig.MAX_CREATORS + 1))
                .hasMessageContaining("creators");
        assertThatThrownBy(() -> d.withPostsPerCreator(0)).hasMessageContaining("postsPerCreator");
        assertThatThrownBy(() -> d.withCommentedPosts(-1)).hasMessageContaining("commentedPosts");
        assertThatThrownBy(() -> d.withFollowerSampleSize(-5)).hasMessageContaining("followerSampleSize");
        assertThatThrownBy(() -> d.withHistoryDays(0)).hasMessageContaining("historyDays");
        assertThatThrownBy(() -> d.withNow(null)).hasMessageContaining("now");
    }

    @Test
    void generatorRejectsMissingArguments() {
        assertThatThrownBy(() -> new SyntheticDataGenerator(null)).hasMessageContaining("config");
        assertThatThrownBy(() -> new SyntheticDataGenerator(GeneratorConfig.of(1, 1)).generate(null))
                .hasMessageContaining("outDir");
    }
}
