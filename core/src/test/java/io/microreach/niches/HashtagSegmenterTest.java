package io.microreach.niches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HashtagSegmenterTest {
    private final HashtagSegmenter standard = HashtagSegmenter.standard();

    @ParameterizedTest
    @CsvSource({
        "veganrecipes, vegan recipes",
        "fitnessmotivation, fitness motivation",
        "homedecor, home decor",
        "interiordesign, interior design",
        "healthyfood, healthy food",
        "weddingdress, wedding dress",
        "skincareroutine, skin care routine",
        "photooftheday, photo of the day",
        "streetstyle, street style",
        "momlife, mom life",
        "instafood, insta food",
        "babygirl, baby girl",
        // a vocabulary word, a short tag, a non-English phrase, digits and accents stay whole
        "fitness, fitness",
        "ootd, ootd",
        "recetasfaciles, recetasfaciles",
        "reiselust, reiselust",
        "fitnessstudio, fitness studio",
        "summer2019, summer2019",
        "caféparis, caféparis",
        "VeganRecipes, vegan recipes"
    })
    void knownAnswers(String tag, String words) {
        assertThat(standard.segment(tag)).isEqualTo(words);
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /**
     * On a small vocabulary the dynamic programme must find the cheapest of all cuts, compared with an enumeration of
     * every cut (2^(n-1) of them) under the same costs.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void findsTheCheapestCutOfAll(long seed) {
        Random random = new Random(seed);
        String[] words = {"cat", "cats", "of", "dog", "dogs", "life", "live", "love", "lover", "over", "a", "an", "ant"
        };
        Map<String, Integer> vocab = new HashMap<>();
        vocab.put("[UNK]", 100);
        for (int i = 0; i < words.length; i++) {
            vocab.put(words[i], WordPieceTokenizer.FIRST_WORD + 3 * i + random.nextInt(3));
        }
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(vocab);
        HashtagSegmenter segmenter = new HashtagSegmenter(tokenizer);
        StringBuilder tag = new StringBuilder();
        int parts = 2 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            tag.append(random.nextInt(5) == 0 ? "zq" : words[random.nextInt(words.length)]);
        }
        String t = tag.toString();
        String got = segmenter.segment(t);
        assertThat(got.replace(" ", "")).isEqualTo(t);
        if (t.length() < 6 || tokenizer.wordRank(t) > 0) {
            assertThat(got).isEqualTo(t);
            return;
        }
        assertThat(cost(tokenizer, got.split(" ")))
                .isCloseTo(cheapest(tokenizer, t), org.assertj.core.api.Assertions.within(1e-9));
    }

    private static double cheapest(WordPieceTokenizer tokenizer, String t) {
        double best = Double.POSITIVE_INFINITY;
        int n = t.length();
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 1; i < n; i++) {
                if ((mask & 1 << (i - 1)) != 0) {
                    parts.add(t.substring(start, i));
                    start = i;
                }
            }
            parts.add(t.substring(start));
            best = Math.min(best, cost(tokenizer, parts.toArray(String[]::new)));
        }
        return best;
    }

    /** The documented costs; two unknown pieces in a row or a piece over 20 letters are not allowed. */
    private static double cost(WordPieceTokenizer tokenizer, String[] parts) {
        double total = 0;
        boolean previousUnknown = false;
        for (String p : parts) {
            int rank = p.length() == 1 && !p.equals("a") ? 0 : tokenizer.wordRank(p);
            if (p.length() > 20) {
                return Double.POSITIVE_INFINITY;
            }
            if (rank > 0) {
                total += Math.log(rank + 10) + 5;
                previousUnknown = false;
            } else {
                if (previousUnknown) {
                    return Double.POSITIVE_INFINITY;
                }
                total += 6 + 3 * p.length();
                previousUnknown = true;
            }
        }
        return total;
    }

    @Test
    void wordRanksFollowTheVocabularyOrder() {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.miniLm();
        assertThat(tokenizer.wordRank("the")).isEqualTo(1);
        assertThat(tokenizer.wordRank("recipes")).isGreaterThan(tokenizer.wordRank("food"));
        assertThat(tokenizer.wordRank("##ing")).isZero();
        assertThat(tokenizer.wordRank("[CLS]")).isZero();
        assertThat(tokenizer.wordRank("comidasaludable")).isZero();
    }
}
