package io.microreach.niches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmbedderTest {
    private static StaticEmbedder fast;
    private static MiniLmEmbedder full;

    @BeforeAll
    static void load() {
        System.setProperty(
                "DJL_CACHE_DIR",
                java.nio.file.Path.of("target", "djl").toAbsolutePath().toString());
        fast = StaticEmbedder.load();
        full = new MiniLmEmbedder();
    }

    static Stream<String> texts() {
        String[] words = {"gym", "recipe", "Reise", "skincare", "#vegan", "🔥", "stocks", "puppy", "the", "and", "!!"};
        SplittableRandom rng = new SplittableRandom(9);
        return IntStream.range(0, 30).mapToObj(i -> {
            StringBuilder s = new StringBuilder();
            for (int k = 0, n = 1 + rng.nextInt(20); k < n; k++) {
                s.append(words[rng.nextInt(words.length)]).append(' ');
            }
            return s.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("texts")
    void fastVectorsAreUnitLengthAndDeterministic(String text) {
        float[] v = fast.embed(text);
        assertThat(v).hasSize(fast.dimensions());
        assertThat((double) Vectors.dot(v, v)).isCloseTo(1.0, within(1e-4));
        assertThat(fast.embed(text)).containsExactly(v);
    }

    @Test
    void theFastPathHasBgeAndMiniLmHalves() {
        // bge-small-en-v1.5's 384 dimensions, then MiniLM's 384 (StaticTableDistiller says why both).
        assertThat(fast.dimensions()).isEqualTo(768);
        assertThat(fast.modelId()).isEqualTo("bge-minilm-static-int8@1");
    }

    @Test
    void blankTextsGiveZeroVectors() {
        assertThat(fast.embed("")).containsOnly(0f);
        assertThat(full.embed(" ")).hasSize(384).containsOnly(0f);
        assertThat(full.embedAll(List.of("", "gym"))).hasSize(2);
    }

    @Test
    void bothEmbeddersPutRelatedTextsCloser() {
        for (TextEmbedder e : List.<TextEmbedder>of(fast, full)) {
            float[] gym = e.embed("strength training and squats at the gym");
            float[] fitness = e.embed("my workout routine for building muscle");
            float[] money = e.embed("investing in stocks and saving for retirement");
            assertThat(Vectors.dot(gym, fitness)).as(e.modelId()).isGreaterThan(Vectors.dot(gym, money));
        }
    }

    @Test
    void theFullModelsVectorsAreUnitLength() {
        float[] v = full.embed("Trail running in the Alps");
        assertThat(v).hasSize(MiniLmEmbedder.DIMENSIONS);
        assertThat((double) Vectors.dot(v, v)).isCloseTo(1.0, within(1e-4));
        List<float[]> batch = full.embedAll(List.of("Trail running in the Alps", "pasta"));
        assertThat((double) Vectors.dot(batch.get(0), v)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void vectorBytesRoundTripAsLittleEndianFloats() {
        float[] v = {1.5f, -2.25f, 0f};
        byte[] b = Vectors.toBytes(v);
        assertThat(b).hasSize(12);
        assertThat(b[0]).isEqualTo((byte) 0); // 1.5f = 0x3FC00000, little-endian
        assertThat(b[3]).isEqualTo((byte) 0x3F);
        assertThat(Vectors.fromBytes(b)).containsExactly(v);
    }
}
