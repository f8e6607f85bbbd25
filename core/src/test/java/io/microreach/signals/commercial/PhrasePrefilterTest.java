package io.microreach.signals.commercial;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.signals.LiteralPrefilter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prefiltered matching of the marker patterns must find exactly the matches of the plain regex (same positions,
 * same order) on random captions built from the marker lists' own words, so classification is exactly the regex's.
 */
class PhrasePrefilterTest {
    static final SponsorshipMarkers MARKERS = SponsorshipMarkers.bundled();

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 77L * i + 5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void prefiltersNeverHideAMatch(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SponsorshipMarkers.Phrases> lists = List.of(
                MARKERS.disclosurePhrases,
                MARKERS.disclosureLabels,
                MARKERS.weakPhrases,
                MARKERS.codeKeywords,
                MARKERS.codePhrases,
                MARKERS.affiliateWords);
        List<String> vocabulary = vocabulary(lists);
        int matched = 0;
        for (int i = 0; i < 300; i++) {
            String folded = TextFolding.fold(caption(rng, vocabulary));
            for (SponsorshipMarkers.Phrases p : lists) {
                List<String> reference = new ArrayList<>();
                java.util.regex.Matcher m = p.pattern().matcher(folded);
                while (m.find()) {
                    reference.add(m.start() + "-" + m.end() + ":" + m.group());
                }
                List<String> filtered = new ArrayList<>();
                p.forEachMatch(
                        folded,
                        LiteralPrefilter.wordStartPositions(folded),
                        f -> filtered.add(f.start() + "-" + f.end() + ":" + f.group()));
                assertThat(filtered).as("%s on [%s]", p.pattern(), folded).isEqualTo(reference);
                boolean matchedAny = !reference.isEmpty();
                matched += matchedAny ? 1 : 0;
            }
            String original = caption(rng, vocabulary);
            if (SponsorshipDetector.LINK.matcher(original).find()) {
                assertThat(LiteralPrefilter.mayHoldLink(original)).as(original).isTrue();
            }
        }
        assertThat(matched).as("the generated captions exercise the patterns").isPositive();
    }

    /** Words of the patterns' own phrases (cut apart, so that partial phrases occur too) and some filler. */
    static List<String> vocabulary(List<SponsorshipMarkers.Phrases> lists) {
        List<String> words = new ArrayList<>();
        for (SponsorshipMarkers.Phrases p : lists) {
            for (String w : p.pattern().pattern().split("\\\\Q|\\\\E")) {
                if (!w.isBlank() && w.length() < 30 && !w.contains("(") && !w.contains("[")) {
                    words.add(w);
                }
            }
        }
        words.addAll(List.of(
                "LENA15",
                "GLOW",
                "summer20",
                "the",
                "Code",
                "Werbung",
                "PAID",
                "https://amzn.to/x",
                "www.Shop.de/ref/me",
                "shop.com/a?ref=1",
                "|",
                ":",
                "-",
                "*",
                "(",
                ")",
                "[",
                "]",
                "\n",
                "!",
                ".",
                "#ad",
                "@brand",
                "é",
                "ünd"));
        return words;
    }

    static String caption(SplittableRandom rng, List<String> vocabulary) {
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(25);
        String[] separators = {" ", " ", " ", "-", "\n", "  ", ""};
        for (int i = 0; i < n; i++) {
            b.append(vocabulary.get(rng.nextInt(vocabulary.size())));
            b.append(separators[rng.nextInt(separators.length)]);
        }
        return b.toString();
    }
}
