package io.microreach.niches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LexicalFeaturesTest {
    /** Values computed independently (a short Python script of FNV-1a 32 over UTF-16 units, then fmix32). */
    @Test
    void hashKnownAnswers() {
        assertThat(LexicalFeatures.hash("a")).isEqualTo(444641715);
        assertThat(LexicalFeatures.hash("vegan")).isEqualTo(507645153);
        assertThat(LexicalFeatures.hash("vegan recipes")).isEqualTo(-431118650);
        assertThat(LexicalFeatures.hash("müsli")).isEqualTo(-853685013);
    }

    @Test
    void featureKnownAnswer() {
        // "vegan" ×2 (1 + ln 2), "recipes", "and", "müsli" in 16 buckets: two of them collide in bucket 11 with the
        // same sign and add up; L2-normalised.
        LexicalFeatures.Hashed f = new LexicalFeatures(4).of("Vegan recipes, vegan and Müsli!");
        assertThat(f.indices()).containsExactly(1, 8, 11);
        assertThat(f.values()[0]).isCloseTo(0.60366654f, within(1e-6f));
        assertThat(f.values()[1]).isCloseTo(0.35653518f, within(1e-6f));
        assertThat(f.values()[2]).isCloseTo(-0.71307037f, within(1e-6f));
    }

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigits() {
        assertThat(LexicalFeatures.words("Müsli & Café-au-lait #2 🔥!!"))
                .containsExactly("müsli", "café", "au", "lait", "2");
        assertThat(new LexicalFeatures(18).of(" \t").size()).isZero();
        assertThat(new LexicalFeatures(18).of("🔥 !!").size()).isZero();
    }

    @Test
    void badBitsAreRefused() {
        assertThatThrownBy(() -> new LexicalFeatures(0)).hasMessageContaining("bits must be 1 to 24, not 0");
        assertThatThrownBy(() -> new LexicalFeatures(25)).hasMessageContaining("not 25");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Against a plain reference: count words, weigh by 1 + ln tf with the hash's sign, add per bucket, normalise. */
    @ParameterizedTest
    @MethodSource("seeds")
    void matchesAReferenceOnRandomTexts(long seed) {
        Random random = new Random(seed);
        String[] vocabulary = {"gym", "Recipe", "reise", "skincare", "vegan", "the", "and", "Über", "日本", "42"};
        String[] glue = {" ", ", ", "!", " #", "\n", "🔥"};
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(25);
        for (int i = 0; i < n; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(glue[random.nextInt(glue.length)]);
        }
        int bits = 1 + random.nextInt(12);
        LexicalFeatures.Hashed got = new LexicalFeatures(bits).of(text.toString());

        List<String> words = LexicalFeatures.words(text.toString());
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words) {
            counts.merge(w, 1, Integer::sum);
        }
        double[] dense = new double[1 << bits];
        counts.forEach((f, c) -> {
            int h = LexicalFeatures.hash(f);
            dense[Math.floorMod(h, 1 << bits)] += (1 + Math.log(c)) * Math.signum(h == 0 ? 1 : h);
        });
        double norm = Math.sqrt(java.util.Arrays.stream(dense).map(v -> v * v).sum());
        double[] fromGot = new double[1 << bits];
        for (int k = 0; k < got.size(); k++) {
            if (k > 0) {
                assertThat(got.indices()[k]).isGreaterThan(got.indices()[k - 1]);
            }
            fromGot[got.indices()[k]] = got.values()[k];
        }
        for (int b = 0; b < dense.length; b++) {
            double expected = norm == 0 ? 0 : dense[b] / norm;
            assertThat(fromGot[b]).isCloseTo(expected, within(1e-6));
        }
        if (norm > 0) {
            double length = 0;
            for (float v : got.values()) {
                length += v * v;
            }
            assertThat(length).isCloseTo(1, within(1e-5));
        }
    }
}
