package io.microreach.signals.followers;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.SampledFollower;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FullNameWordsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Anna|1", "Anna Maria Schmidt|3", "a  \t b|2", "x\u00A0y|1"})
    void knownAnswers(String name, int words) {
        assertThat(SampledFollower.words(name)).isEqualTo(words);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).boxed();
    }

    /** Property against the definition it replaces: the number of parts of {@code strip().split("\\s+")}. */
    @ParameterizedTest
    @MethodSource("seeds")
    void countsLikeSplit(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "ab \t\n\r\f\u000B\u00A0\u2003é";
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = rng.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String name = b.toString();
            if (name.isBlank()) {
                continue;
            }
            String stripped = name.strip();
            assertThat(SampledFollower.words(stripped)).as("[%s]", name).isEqualTo(stripped.split("\\s+").length);
        }
    }
}
