package io.microreach.signals.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.TrickyTexts;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier tokenises by hand; its definition is the regex form kept here as the reference (split on {@code
 * NOT_WORD}, collapse {@code REPEATS}), which the classifier must answer exactly like.
 */
class GenericCommentReferenceTest {
    private final GenericCommentClassifier classifier = new GenericCommentClassifier();

    private boolean reference(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (lower.isEmpty()) {
            return false;
        }
        String[] words = GenericCommentClassifier.NOT_WORD
                .matcher(lower)
                .replaceAll(" ")
                .strip()
                .split(" ");
        if (words.length == 1 && words[0].isEmpty()) {
            return true;
        }
        if (words.length > GenericCommentClassifier.MAX_WORDS) {
            return false;
        }
        for (String w : words) {
            String one = GenericCommentClassifier.REPEATS.matcher(w).replaceAll("$1");
            String two = GenericCommentClassifier.REPEATS.matcher(w).replaceAll("$1$1");
            if (!(inLexicon(one) || inLexicon(two))) {
                return false;
            }
        }
        return true;
    }

    private boolean inLexicon(String word) {
        return classifier.praiseWord(word);
    }

    @Test
    void collapsesRepeatedLettersLikeTheExpression() {
        for (String w : new String[] {
            "sooo", "goooood", "yesss", "aa", "aaa", "ööö", "\uD835\uDC9C\uD835\uDC9C\uD835\uDC9C", "111", "x"
        }) {
            assertThat(GenericCommentClassifier.collapseRepeats(w, 1))
                    .as(w)
                    .isEqualTo(GenericCommentClassifier.REPEATS.matcher(w).replaceAll("$1"));
            assertThat(GenericCommentClassifier.collapseRepeats(w, 2))
                    .as(w)
                    .isEqualTo(GenericCommentClassifier.REPEATS.matcher(w).replaceAll("$1$1"));
        }
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void answersLikeTheRegexDefinition(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int generic = 0;
        for (int i = 0; i < 500; i++) {
            String text = TrickyTexts.next(rng, 1 + (i % 9));
            boolean expected = reference(text);
            assertThat(classifier.isGeneric(text)).as(text).isEqualTo(expected);
            generic += expected ? 1 : 0;
        }
        assertThat(generic).as("the texts exercise both answers").isBetween(20, 480);
    }
}
