package io.microreach.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.generator.GeneratorConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedPoolTest {
    @TempDir
    Path dir;

    @Test
    void everyGeneratedAccountComesWithItsDataAndItsGroundTruth() {
        List<GeneratedPool.Member> pool = GeneratedPool.generate(GeneratorConfig.of(30, 3), dir);

        assertThat(pool).hasSizeGreaterThanOrEqualTo(30);
        assertThat(pool).allSatisfy(m -> {
            assertThat(m.truth()).as(m.key()).isNotNull();
            assertThat(m.activity().account()).isNotNull();
            assertThat(m.activity().posts()).isNotEmpty();
            assertThat(m.activity().followers())
                    .hasSize(m.truth().path("follower_sample").path("size").asInt());
        });
        assertThat(pool.stream().mapToLong(m -> m.activity().comments().size()).sum())
                .isPositive();
    }
}
