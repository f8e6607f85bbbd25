package io.microreach.signals.commercial;

import io.microreach.signals.AccentFolding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phrase lists as patterns over folded text. Folding ({@link AccentFolding}) keeps the length of the text, so that a
 * match on folded text points at the same characters of the original (a discount code's capitals are read from the
 * original).
 */
final class TextFolding {
    private TextFolding() {}

    /** Lower case without accents ("Código" → "codigo"), same length as the input ({@link AccentFolding}). */
    static String fold(String text) {
        return AccentFolding.fold(text);
    }

    /**
     * A regex alternation of phrases, longest first (so that "code promo" wins over "code"); spaces and hyphens in a
     * phrase match any run of spaces or a hyphen.
     */
    static String alternation(List<String> phrases) {
        List<String> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> out = new ArrayList<>();
        for (String phrase : sorted) {
            List<String> quoted = new ArrayList<>();
            for (String w : fold(phrase.trim()).split("[\\s-]+")) {
                quoted.add(Pattern.quote(w));
            }
            out.add(String.join("[\\s-]+", quoted));
        }
        return String.join("|", out);
    }

    /** The folded first word of each phrase: every match of {@link #alternation} starts with one of them. */
    static List<String> firstWords(List<String> phrases) {
        List<String> out = new ArrayList<>();
        for (String phrase : phrases) {
            out.add(fold(phrase.trim()).split("[\\s-]+")[0]);
        }
        return out;
    }

    /** Whole-word matcher for a list of phrases. */
    static Pattern words(List<String> phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation(phrases) + ")(?![\\p{L}\\p{N}])");
    }
}
