package io.microreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The char classes against the regex classes they stand for, on every code point. */
class WordCharsTest {
    private static final Pattern LETTER_OR_NUMBER = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern LETTER_MARK_OR_NUMBER = Pattern.compile("[\\p{L}\\p{M}\\p{N}]");

    @Test
    void everyBmpCharIsClassedAsTheRegexClassesIt() {
        int letters = 0;
        for (int c = 0; c < 1 << 16; c++) {
            String s = String.valueOf((char) c);
            assertThat(WordChars.letterOrNumber(c))
                    .as("U+%04X", c)
                    .isEqualTo(LETTER_OR_NUMBER.matcher(s).matches());
            assertThat(WordChars.letterMarkOrNumber(c))
                    .as("U+%04X", c)
                    .isEqualTo(LETTER_MARK_OR_NUMBER.matcher(s).matches());
            letters += WordChars.letterOrNumber(c) ? 1 : 0;
        }
        // Tens of thousands of BMP letters (CJK alone): a table left empty or full would not give this.
        assertThat(letters).isBetween(40_000, 60_000);
    }

    @Test
    void knownAnswers() {
        assertThat(WordChars.letterOrNumber('a')).isTrue();
        assertThat(WordChars.letterOrNumber('7')).isTrue();
        assertThat(WordChars.letterOrNumber('é')).isTrue();
        assertThat(WordChars.letterOrNumber('٣')).isTrue(); // Arabic-Indic digit three
        assertThat(WordChars.letterOrNumber('#')).isFalse();
        assertThat(WordChars.letterOrNumber('\u0301')).isFalse(); // combining acute accent
        assertThat(WordChars.letterMarkOrNumber('\u0301')).isTrue();
        assertThat(WordChars.letterOrNumber(0x1F600)).isFalse(); // emoji
        assertThat(WordChars.letterOrNumber(0x1D400)).isTrue(); // mathematical bold capital A
        assertThat(WordChars.letterOrNumber(-1)).isFalse();
    }

    @Test
    void codePointsBeyondTheBmpAskCharacter() {
        for (int cp = 0x10000; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            assertThat(WordChars.letterOrNumber(cp))
                    .as("U+%X", cp)
                    .isEqualTo(LETTER_OR_NUMBER.matcher(s).matches());
            assertThat(WordChars.letterMarkOrNumber(cp))
                    .as("U+%X", cp)
                    .isEqualTo(LETTER_MARK_OR_NUMBER.matcher(s).matches());
        }
    }
}
