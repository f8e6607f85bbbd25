package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.TrickyTexts;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextFoldingTest {
    private static final Pattern QUESTION_MARK = Pattern.compile("[?¿？]");

    @Test
    void blanksTagsAndMentionsKnownAnswers() {
        assertThat(TextFolding.blankTagsAndMentions("Tips? #fitnesstips @coach.anna!"))
                .isEqualTo("Tips?    !");
        assertThat(TextFolding.blankTagsAndMentions("no tags here")).isEqualTo("no tags here");
        assertThat(TextFolding.blankTagsAndMentions("# @ #! end#")).isEqualTo("# @ #! end#");
        assertThat(TextFolding.blankTagsAndMentions("##tag")).isEqualTo("# ");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).boxed();
    }

    /** Property against the exact reference: the scanner replaces what the defining expression replaces. */
    @ParameterizedTest
    @MethodSource("seeds")
    void blanksLikeTheExpression(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            String text = TrickyTexts.next(rng, 14);
            assertThat(TextFolding.blankTagsAndMentions(text))
                    .as(text)
                    .isEqualTo(TextFolding.TAG_OR_MENTION.matcher(text).replaceAll(" "));
            assertThat(TextFolding.hasQuestionMark(text))
                    .as(text)
                    .isEqualTo(QUESTION_MARK.matcher(text).find());
        }
    }

    /** The hand-written end of the start patterns' leading run against the regex prefix itself. */
    @ParameterizedTest
    @MethodSource("seeds")
    void leadingRunEndsWhereTheExpressionStops(long seed) {
        Pattern run = Pattern.compile("^[\\s\\p{Punct}\\p{So}]*");
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            String text = TrickyTexts.next(rng, 6);
            var m = run.matcher(text);
            m.lookingAt(); // a starred class: matches at the start of every text, possibly empty
            assertThat(PhraseRule.leadingRunEnd(text)).as(text).isEqualTo(m.end());
        }
    }
}
