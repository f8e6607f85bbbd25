package io.microreach.domain;

import java.util.function.IntPredicate;

/**
 * The Unicode character classes that word, hashtag and mention boundaries are defined by in the text rules
 * ({@code \p{L}}, {@code \p{M}}, {@code \p{N}} of {@link java.util.regex.Pattern}), as plain tests on a code point:
 * the text scanners of scoring run them on every char of every caption and comment.
 *
 * <p>Chars of the Basic Multilingual Plane are looked up in one bit table per class (8 KiB each), built once from
 * {@link Character#getType}: asking {@code Character} for every emoji and accented letter of the captions was 7% of
 * the scorer's CPU samples on the 100k benchmark pool. Code points outside the BMP ask {@code Character}.
 */
public final class WordChars {
    private static final long[] LETTER_OR_NUMBER = bmpTable(WordChars::isLetterOrNumber);
    private static final long[] LETTER_MARK_OR_NUMBER = bmpTable(WordChars::isLetterMarkOrNumber);

    private WordChars() {}

    /** {@code [\p{L}\p{N}]}: a letter or a number of any script. */
    public static boolean letterOrNumber(int cp) {
        if (cp >>> 16 == 0) {
            return (LETTER_OR_NUMBER[cp >>> 6] & 1L << cp) != 0;
        }
        return isLetterOrNumber(cp);
    }

    /** {@code [\p{L}\p{M}\p{N}]}: a letter, a combining mark or a number. */
    public static boolean letterMarkOrNumber(int cp) {
        if (cp >>> 16 == 0) {
            return (LETTER_MARK_OR_NUMBER[cp >>> 6] & 1L << cp) != 0;
        }
        return isLetterMarkOrNumber(cp);
    }

    private static long[] bmpTable(IntPredicate member) {
        long[] bits = new long[1 << 10];
        for (int c = 0; c < 1 << 16; c++) {
            if (member.test(c)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    private static boolean isLetterOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isLetterMarkOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> isLetterOrNumber(cp);
        };
    }
}
