package io.microreach.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccentFoldingTest {
    /** The rule, one char at a time with the normaliser: what the table is built to answer. */
    private static char reference(char original) {
        char c = Character.toLowerCase(original);
        if (c < 128 || Character.isSurrogate(c)) {
            return c;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return d.length() > 1 && Character.isLetter(d.charAt(0)) ? d.charAt(0) : c;
    }

    @Test
    void knownAnswers() {
        assertThat(AccentFolding.fold("Código PROMO Größe")).isEqualTo("codigo promo große");
        assertThat(AccentFolding.fold("ÇA VA? Ñandú, ÅÄÖ, Ωmega")).isEqualTo("ca va? nandu, aao, ωmega");
        assertThat(AccentFolding.fold("")).isEmpty();
        assertThat(AccentFolding.fold("e\u0301😀")).isEqualTo("e\u0301😀").hasSize(4);
    }

    @Test
    void everyCharFoldsLikeTheNormaliser() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(AccentFolding.fold(c)).as("U+%04X", i).isEqualTo(reference(c));
        }
    }

    @Test
    void textsKeepTheirLengthAndFoldCharByChar() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            String text = TrickyTexts.next(rng, 12);
            String folded = AccentFolding.fold(text);
            assertThat(folded).hasSameSizeAs(text);
            for (int k = 0; k < text.length(); k++) {
                assertThat(folded.charAt(k)).isEqualTo(reference(text.charAt(k)));
            }
        }
    }

    @Test
    void textThatFoldingLeavesAsItIsComesBackUncopied() {
        String folded = "summer sale #ad 20%";
        assertThat(AccentFolding.fold(folded)).isSameAs(folded);
        assertThat(AccentFolding.fold("")).isEmpty();
        assertThat(AccentFolding.fold("sale É")).isEqualTo("sale e");
        assertThat(AccentFolding.fold("Éa")).isEqualTo("ea");
    }
}
