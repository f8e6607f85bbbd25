package io.microreach.niches;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plain-Java tokenizer against the model's own (native HuggingFace) tokenizer, which is the exact reference. */
class WordPieceTokenizerTest {
    private static final WordPieceTokenizer TOKENIZER = WordPieceTokenizer.miniLm();
    private static HuggingFaceTokenizer reference;

    @BeforeAll
    static void reference() throws Exception {
        System.setProperty(
                "DJL_CACHE_DIR", Path.of("target", "djl").toAbsolutePath().toString());
        Path json = Files.createTempFile("tokenizer", ".json");
        try (InputStream in = WordPieceTokenizer.class.getResourceAsStream(WordPieceTokenizer.MINILM_TOKENIZER)) {
            Files.write(json, in.readAllBytes());
        }
        reference = HuggingFaceTokenizer.builder()
                .optTokenizerPath(json)
                .optTruncation(false)
                .optPadding(false)
                .optAddSpecialTokens(false)
                .build();
        Files.delete(json);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void theTableTeachersShareThisVocabulary() {
        // The fast path's table is indexed by these ids; its bge half is distilled with bge's own vocabulary (the
        // teacher is a build-time dependency, so it is on the test class path too).
        assertThat(WordPieceTokenizer.read("/bge-small-en-v1.5-q-tokenizer.json")
                        .sameVocabulary(TOKENIZER))
                .isTrue();
    }

    @Test
    void knownAnswers() {
        assertThat(TOKENIZER.encode("Hello, world!")).containsExactly(7592, 1010, 2088, 999);
        assertThat(Arrays.stream(TOKENIZER.encode("naturalskincare"))
                        .mapToObj(TOKENIZER::token)
                        .toList())
                .first()
                .isEqualTo("natural");
        assertThat(TOKENIZER.encode("")).isEmpty();
        assertThat(TOKENIZER.encode("   \n\t ")).isEmpty();
        // Accents are stripped, like BERT uncased: "Café" and "cafe" are the same token.
        assertThat(TOKENIZER.encode("Café")).isEqualTo(TOKENIZER.encode("cafe"));
    }

    private static final String[] PARTS = {
        "workout",
        "Naturkosmetik",
        "cosmétique",
        "maquillaje",
        "ÜBER",
        "straße",
        "gaming",
        "#cleanbeauty",
        "@brand",
        "https://example.com/x?y=1",
        "✨",
        "👇",
        "🌿",
        "10%",
        "LENA15",
        "don't",
        "e-mail",
        "(test)",
        "…",
        "“quoted”",
        "日本語",
        "naïve",
        "Ångström",
        "\u00a0",
        "--",
        "x",
        "ab12cd",
        "ﬁ",
        "ça",
        "São",
        "Zürich",
        "\t",
        "\n",
        "ção",
        "supercalifragilisticexpialidocious",
        "a".repeat(120)
    };

    static Stream<String> randomTexts() {
        SplittableRandom rng = new SplittableRandom(4);
        return IntStream.range(0, 60).mapToObj(i -> {
            StringBuilder s = new StringBuilder();
            int n = 1 + rng.nextInt(12);
            for (int k = 0; k < n; k++) {
                s.append(PARTS[rng.nextInt(PARTS.length)]);
                s.append(rng.nextInt(4) == 0 ? "" : " ");
            }
            return s.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void matchesTheModelsOwnTokenizer(String text) {
        long[] expected = reference.encode(text).getIds();
        assertThat(Arrays.stream(TOKENIZER.encode(text)).asLongStream().toArray())
                .as(text)
                .containsExactly(expected);
    }
}
