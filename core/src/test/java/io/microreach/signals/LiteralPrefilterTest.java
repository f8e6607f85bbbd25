package io.microreach.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LiteralPrefilterTest {

    @Test
    void letsThroughTextHoldingAnyLiteral() {
        LiteralPrefilter f = LiteralPrefilter.anyOf(List.of("paid", "werbung", "anzeige"));
        assertThat(f.mayMatch("eine bezahlte werbung")).isTrue();
        assertThat(f.mayMatch("unpaid")).isTrue(); // a substring: whole words are the regex's business
        assertThat(f.mayMatch("just my breakfast")).isFalse();
        assertThat(f.mayMatch("")).isFalse();
    }

    @Test
    void emptyLiteralOrAlwaysLetsEverythingThrough() {
        assertThat(LiteralPrefilter.anyOf(List.of("ad", "")).mayMatch("nothing"))
                .isTrue();
        assertThat(LiteralPrefilter.always().mayMatch("")).isTrue();
        assertThat(LiteralPrefilter.anyOf(List.of()).mayMatch("anything")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "see https://x.io|true",
                "WWW.shop.de|true",
                "wWw.a|true",
                "a/b|true",
                "shop.de and more|false",
                "ww.x|false",
                "w.w.w.|false",
                "no link here|false",
                "www|false"
            })
    void mayHoldLinkKnownAnswers(String text, boolean expected) {
        assertThat(LiteralPrefilter.mayHoldLink(text)).isEqualTo(expected);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 50).mapToObj(i -> 1000L + i);
    }

    /** Property against the exact reference: the filter rejects a text only when no literal is a substring. */
    @ParameterizedTest
    @MethodSource("seeds")
    void rejectsExactlyTheTextsWithoutAnyLiteral(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "abcw./ ";
        List<String> literals = literals(rng, alphabet);
        LiteralPrefilter f = LiteralPrefilter.anyOf(literals);
        for (int i = 0; i < 200; i++) {
            String text = word(rng, alphabet, rng.nextInt(20));
            boolean reference = literals.stream().anyMatch(text::contains);
            assertThat(f.mayMatch(text)).as("%s in %s", literals, text).isEqualTo(reference);
        }
    }

    /** One to six random literals of one to three chars. */
    private static List<String> literals(SplittableRandom rng, String alphabet) {
        return IntStream.range(0, 1 + rng.nextInt(6))
                .mapToObj(i -> word(rng, alphabet, 1 + rng.nextInt(3)))
                .toList();
    }

    private static String word(SplittableRandom rng, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void wordFilterKnownAnswers() {
        LiteralPrefilter f = LiteralPrefilter.anyOf(List.of("ad", "werbung"));
        assertThat(f.mayMatchAsWord("made already bad")).isFalse();
        assertThat(f.mayMatchAsWord("new look #ad")).isTrue();
        assertThat(f.mayMatchAsWord("ad")).isTrue();
        assertThat(f.mayMatchAsWord("[werbung]")).isTrue();
        assertThat(f.mayMatchAsWord("werbungen ad2")).isFalse();
        assertThat(f.mayMatchAsWord("ad\uD835\uDC9C"))
                .as("supplementary letter after")
                .isFalse();
    }

    /** Property against the exact reference: a literal as a whole word, by regex. */
    @ParameterizedTest
    @MethodSource("seeds")
    void wordFilterRejectsExactlyTheTextsWithoutAWholeWordLiteral(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> literals = List.of("ad", "adv", "werbung", "publi");
        LiteralPrefilter f = LiteralPrefilter.anyOf(literals);
        Pattern reference = Pattern.compile("(?<![\\p{L}\\p{N}])(?:ad|adv|werbung|publi)(?![\\p{L}\\p{N}])");
        for (int i = 0; i < 300; i++) {
            String text = AccentFolding.fold(TrickyTexts.next(rng, 8));
            assertThat(f.mayMatchAsWord(text))
                    .as(text)
                    .isEqualTo(reference.matcher(text).find());
        }
    }

    @Test
    void wordStartsKnownAnswers() {
        LiteralPrefilter f = LiteralPrefilter.anyOf(List.of("ad", "de", "code"));
        assertThat(f.wordStarts("made code ad #ad decode")).containsExactly(5, 10, 14, 17);
        assertThat(f.wordStarts("nothing here")).isEmpty();
        assertThat(LiteralPrefilter.always().wordStarts("ad")).isNull();
        assertThat(LiteralPrefilter.wordStartPositions("ab, c")).containsExactly(0, 3, 4);
        assertThat(LiteralPrefilter.wordStartPositions("")).isEmpty();
    }

    @Test
    void forEachMatchKnownAnswers() {
        LiteralPrefilter f = LiteralPrefilter.anyOf(List.of("ad", "de", "code"));
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])(?:code|ad|de)");
        String text = "made code ad #ad decode";
        int[] positions = LiteralPrefilter.wordStartPositions(text);
        List<Integer> all = new ArrayList<>();
        f.forEachMatch(p, text, positions, m -> all.add(m.start()));
        assertThat(all).containsExactly(5, 10, 14, 17);
        List<Integer> first = new ArrayList<>();
        f.forEachMatch(p, text, positions, m -> !first.add(m.start()));
        assertThat(first).containsExactly(5);
        List<String> everywhere = new ArrayList<>();
        LiteralPrefilter.always()
                .forEachMatch(
                        Pattern.compile("an?"),
                        "banana",
                        LiteralPrefilter.wordStartPositions("banana"),
                        m -> everywhere.add(m.start() + m.group()));
        assertThat(everywhere).containsExactly("1an", "3an", "5a");
    }

    /** Word-start positions against their definition, on texts long enough to grow the result several times. */
    @ParameterizedTest
    @MethodSource("seeds")
    void wordStartPositionsFollowTheirDefinition(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            String text = word(rng, "ab1 .é\u0301#", rng.nextInt(120));
            List<Integer> reference = new ArrayList<>();
            for (int at = 0; at < text.length(); at++) {
                if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                    reference.add(at);
                }
            }
            assertThat(LiteralPrefilter.wordStartPositions(text))
                    .as(text)
                    .containsExactly(
                            reference.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Property against the exact reference: every occurrence of a literal with no letter or digit before it. */
    @ParameterizedTest
    @MethodSource("seeds")
    void wordStartsAreTheOccurrencesAtWordStarts(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "abcw./ 1é";
        List<String> literals = literals(rng, alphabet);
        LiteralPrefilter f = LiteralPrefilter.anyOf(literals);
        for (int i = 0; i < 200; i++) {
            String text = word(rng, alphabet, rng.nextInt(20));
            TreeSet<Integer> reference = new TreeSet<>();
            for (String l : literals) {
                for (int at = text.indexOf(l); at >= 0; at = text.indexOf(l, at + 1)) {
                    if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                        reference.add(at);
                    }
                }
            }
            assertThat(f.wordStarts(text))
                    .as("%s in %s", literals, text)
                    .containsExactly(
                            reference.stream().mapToInt(Integer::intValue).toArray());
            int to = rng.nextInt(text.length() + 1);
            boolean within = literals.stream().anyMatch(l -> {
                int first = text.indexOf(l);
                return first >= 0 && first <= to;
            });
            assertThat(f.startsWithin(text, 0, to))
                    .as("%s in %s up to %d", literals, text, to)
                    .isEqualTo(within);
        }
    }
}
