package io.microreach.domain;

/**
 * The Unicode character classes that word, hashtag and mention boundaries are defined by in the text rules
 * ({@code \p{L}}, {@code \p{M}}, {@code \p{N}} of {@link java.util.regex.Pattern}), as plain tests on a code point:
 * the text scanners of scoring run them on every char of every caption and comment, with an ASCII fast path.
 */
public final class WordChars {
    private WordChars() {}

    /** {@code [\p{L}\p{N}]}: a letter or a number of any script. */
    public static boolean letterOrNumber(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        return Character.isLetter(cp) || number(cp);
    }

    /** {@code [\p{L}\p{M}\p{N}]}: a letter, a combining mark or a number. */
    public static boolean letterMarkOrNumber(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean number(int cp) {
        return switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
