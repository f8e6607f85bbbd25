package io.microreach.signals;

import java.text.Normalizer;

/**
 * Case and accent folding that keeps the length of the text (one char in, one char out), so that a match on folded
 * text points at the same characters of the original: lower case ({@link Character#toLowerCase(char)}), then a
 * letter with accents becomes its base letter ("Código" → "codigo", the first char of the canonical decomposition
 * when that is a letter); surrogates and everything else stay as they are.
 *
 * <p>The text signals fold every caption and comment, so the per-char rule is precomputed once into a table of all
 * 65,536 chars (128 KB, built in a few milliseconds) instead of asking {@link Normalizer} per non-ASCII char: the
 * normaliser allocated two strings per accented letter and was a visible share of scoring.
 */
public final class AccentFolding {
    private static final char[] TABLE = table();

    private AccentFolding() {}

    /** The folded text, same length as {@code text}; {@code text} itself when folding changes nothing. */
    public static String fold(String text) {
        // Most hashtags and many comments are folded already (lower case, no accents): they cost one scan and no
        // copy. Every hashtag of every post is folded, tens of millions on the 100k benchmark pool.
        int n = text.length();
        int first = 0;
        while (first < n && TABLE[text.charAt(first)] == text.charAt(first)) {
            first++;
        }
        if (first == n) {
            return text;
        }
        char[] out = new char[n];
        text.getChars(0, n, out, 0);
        for (int i = first; i < n; i++) {
            out[i] = TABLE[out[i]];
        }
        return new String(out);
    }

    /** The folded form of one char. */
    public static char fold(char c) {
        return TABLE[c];
    }

    private static char[] table() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = Character.toLowerCase((char) i);
            if (c < 128 || Character.isSurrogate(c)) {
                table[i] = c;
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            table[i] = d.length() > 1 && Character.isLetter(d.charAt(0)) ? d.charAt(0) : c;
        }
        return table;
    }
}
