package io.microreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.TrickyTexts;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class CaptionsTest {

    static Stream<Arguments> hashtagCases() {
        return Stream.of(
                Arguments.of("#cleanbeauty", List.of("cleanbeauty")),
                Arguments.of(
                        "Heute #Naturkosmetik und #Pflegeroutine! #Öko #Grüße #straße",
                        List.of("naturkosmetik", "pflegeroutine", "öko", "grüße", "straße")),
                Arguments.of(
                        "¡Hola! #Maquillaje #CuidadoDeLaPiel ¿#Tips? #año2026",
                        List.of("maquillaje", "cuidadodelapiel", "tips", "año2026")),
                Arguments.of("🔥#fire🔥 #glow✨ ✨#shine", List.of("fire", "glow", "shine")),
                Arguments.of("\u2764\uFE0F#love 1\uFE0F\u20E3#one 👍🏽#thumbs", List.of("love", "one", "thumbs")),
                Arguments.of("#料理 #беауті #رمضان #한국", List.of("料理", "беауті", "رمضان", "한국")),
                Arguments.of("#योग और #ध्यान", List.of("योग", "ध्यान")),
                Arguments.of("#กินเที่ยว", List.of("กินเที่ยว")),
                Arguments.of("#DIY #diy #Diy #dIy", List.of("diy")),
                Arguments.of("#b #a #b", List.of("b", "a")),
                Arguments.of("#tag_2 #2026goals #2026 #_ #123_", List.of("tag_2", "2026goals")),
                Arguments.of("I code in C# and F#, also a#b and x#y", List.of()),
                Arguments.of("C#dev is not a tag", List.of()),
                Arguments.of("see https://example.com/page#section", List.of()),
                Arguments.of("see https://example.com/#top and example.com/docs/#intro", List.of()),
                Arguments.of("it&#39;s fine", List.of()),
                Arguments.of("##double", List.of("double")),
                Arguments.of("#end.", List.of("end")),
                Arguments.of("line1\n#next\t#tab", List.of("next", "tab")),
                Arguments.of("no tags here", List.of()),
                Arguments.of("# spaced", List.of()));
    }

    @ParameterizedTest
    @MethodSource("hashtagCases")
    void hashtags(String caption, List<String> expected) {
        assertThat(Captions.hashtags(caption)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> mentionCases() {
        return Stream.of(
                Arguments.of("thanks @mia", List.of("mia")),
                Arguments.of("mit @Lena.Grün und @Jörg_M!", List.of("lena.grün", "jörg_m")),
                Arguments.of("con @María_López. ¡Gracias @JOSÉ!", List.of("maría_lópez", "josé")),
                Arguments.of("🌿@mia🌿 @tom✨", List.of("mia", "tom")),
                Arguments.of("\u2764\uFE0F@mia", List.of("mia")),
                Arguments.of("trailing dot @mia. and @a.b.", List.of("mia", "a.b")),
                Arguments.of("write to lena@example.org or mail@sub.example.de", List.of()),
                Arguments.of("write to lena@example.org or @lena", List.of("lena")),
                Arguments.of("@Mia @mia @MIA", List.of("mia")),
                Arguments.of("@_under @9digits", List.of("_under", "9digits")),
                Arguments.of("@ nobody, @. nothing", List.of()),
                Arguments.of("@योग @ถ่าย", List.of("योग", "ถ่าย")),
                Arguments.of("#tag @handle #tag2", List.of("handle")));
    }

    @ParameterizedTest
    @MethodSource("mentionCases")
    void mentions(String caption, List<String> expected) {
        assertThat(Captions.mentions(caption)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingInNothing(String caption) {
        assertThat(Captions.hashtags(caption)).isEmpty();
        assertThat(Captions.mentions(caption)).isEmpty();
    }

    @Test
    void decomposedUmlautsStayInTheTag() {
        String nfd = Normalizer.normalize("#schön @jörg", Normalizer.Form.NFD);
        assertThat(Captions.hashtags(nfd)).containsExactly(Normalizer.normalize("schön", Normalizer.Form.NFD));
        assertThat(Captions.mentions(nfd)).containsExactly(Normalizer.normalize("jörg", Normalizer.Form.NFD));
    }

    @Test
    void resultsAreImmutable() {
        List<String> tags = Captions.hashtags("#a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tags.add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 30).boxed();
    }

    /** Property against the original patterns (look-behind first): the reordered ones find the same tags. */
    @ParameterizedTest
    @MethodSource("seeds")
    void sameTagsAsTheLookBehindFirstPatterns(long seed) {
        Pattern hashtag =
                Pattern.compile("(?<![\\p{L}\\p{N}_&/])#([\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*)");
        Pattern mention = Pattern.compile(
                "(?<![\\p{L}\\p{N}_.])@([\\p{L}\\p{N}_](?:[\\p{L}\\p{M}\\p{N}_.]*[\\p{L}\\p{M}\\p{N}_])?)");
        SplittableRandom rng = new SplittableRandom(seed);
        String alphabet = "#@#@a b_1./&é\u0301 x\n";
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = rng.nextInt(30); n > 0; n--) {
                b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(Captions.hashtags(text)).as(text).isEqualTo(reference(hashtag, text));
            assertThat(Captions.mentions(text)).as(text).isEqualTo(reference(mention, text));
        }
    }

    private static List<String> reference(Pattern p, String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(found);
    }

    /** What the regular expressions of the definitions find: distinct matches in order, lower-cased. */
    private static List<String> byRegex(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(found);
    }

    /** Property against the exact reference: the hand-written scanners find what the defining expressions find. */
    @ParameterizedTest
    @MethodSource("seeds")
    void scannersFindWhatTheExpressionsFind(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            String text = TrickyTexts.next(rng, 14);
            assertThat(Captions.hashtags(text)).as(text).isEqualTo(byRegex(Captions.HASHTAG, text));
            assertThat(Captions.mentions(text)).as(text).isEqualTo(byRegex(Captions.MENTION, text));
        }
    }
}
