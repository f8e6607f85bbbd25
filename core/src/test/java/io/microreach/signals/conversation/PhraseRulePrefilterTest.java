package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.LiteralPrefilter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule matches phrases (behind a prefilter) and "re:" entries apart; the answer must be exactly that of the one
 * alternation of all entries, the rule's definition. Checked on random texts built from the lists' own words.
 */
class PhraseRulePrefilterTest {
    static final List<String> LISTS = List.of("call_to_comment", "teaching", "question_openers");

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 31L * i + 3);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void answersLikeTheSingleAlternation(long seed) throws IOException {
        JsonNode root;
        try (InputStream in = PhraseRule.class.getResourceAsStream(PhraseRule.RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int found = 0;
        for (String list : LISTS) {
            List<String> entries = new ArrayList<>();
            root.get(list).forEach(language -> {
                if (language.isArray()) {
                    language.forEach(e -> entries.add(e.asText()));
                }
            });
            String alternation = String.join(
                    "|", entries.stream().map(PhraseRule::alternative).toList());
            Pattern anywhere = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])");
            Pattern atStart = Pattern.compile("^[\\s\\p{Punct}\\p{So}]*(?:" + alternation + ")(?![\\p{L}\\p{N}])");
            PhraseRule rule = PhraseRule.of(root, list);
            List<String> vocabulary = new ArrayList<>();
            for (String e : entries) {
                for (String w : TextFolding.fold(e.startsWith("re:") ? e.substring(3) : e)
                        .split("[\\s-]+")) {
                    vocabulary.add(w);
                }
            }
            vocabulary.addAll(List.of("12", "3", "tips", "ways", "tag", "a", "friend", "?", "!", ".", "-", "\n", "x"));
            for (int i = 0; i < 200; i++) {
                String text = text(rng, vocabulary);
                boolean reference = anywhere.matcher(text).find();
                assertThat(rule.foundIn(text, LiteralPrefilter.wordStartPositions(text)))
                        .as("%s: [%s]", list, text)
                        .isEqualTo(reference);
                assertThat(rule.opens(text))
                        .as("%s opens: [%s]", list, text)
                        .isEqualTo(atStart.matcher(text).find());
                found += reference ? 1 : 0;
            }
        }
        assertThat(found).as("the generated texts exercise the rules").isPositive();
    }

    @org.junit.jupiter.api.Test
    void leadingLiteralsOfRegexEntries() {
        assertThat(PhraseRule.leadingLiterals("tag (?:a|an)")).containsExactly("tag ");
        assertThat(PhraseRule.leadingLiterals("let us know")).containsExactly("let us know");
        assertThat(PhraseRule.leadingLiterals("friends? below")).containsExactly("friend");
        assertThat(PhraseRule.leadingLiterals("\\d+ (?:ways|tips)")).hasSize(10).contains("0", "9");
        assertThat(PhraseRule.leadingLiterals("tag|vote")).containsExactly("");
        assertThat(PhraseRule.leadingLiterals("(?:a|b) c")).containsExactly("");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void linkPrefilterNeverHidesALink(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> vocabulary = List.of(
                "www.", "WWW.", "http", "://", "/", "shop", ".de", ".com", "a", "-", "?ref=1", " ", "\n", "x.y", "w");
        for (int i = 0; i < 300; i++) {
            String text = text(rng, vocabulary);
            if (TextFolding.LINK.matcher(text).find()) {
                assertThat(LiteralPrefilter.mayHoldLink(text)).as(text).isTrue();
            }
        }
    }

    static String text(SplittableRandom rng, List<String> vocabulary) {
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(12);
        String[] separators = {" ", " ", " ", "-", "\n", ""};
        for (int i = 0; i < n; i++) {
            b.append(vocabulary.get(rng.nextInt(vocabulary.size())));
            b.append(separators[rng.nextInt(separators.length)]);
        }
        return b.toString();
    }
}
