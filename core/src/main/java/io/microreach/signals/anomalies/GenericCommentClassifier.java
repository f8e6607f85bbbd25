package io.microreach.signals.anomalies;

import io.microreach.domain.WordChars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells generic comments from specific ones. Generic: nothing but emoji, symbols and punctuation, or at most
 * {@link #MAX_WORDS} words that are all in the praise lexicon ({@code generic-praise.txt}: English, German,
 * Spanish, French, Italian, Portuguese). A lexicon rather than a model: the generic comments engagement groups and
 * bots post are a small closed vocabulary, and a word list is auditable — a user can see why a comment counted. Any
 * word outside the list (a topic, a question, a name) makes the comment specific, which keeps false positives low
 * at the price of missing praise phrased in other words or languages.
 */
final class GenericCommentClassifier {
    static final int MAX_WORDS = 6;
    // The definitions, as regular expressions; isGeneric applies them by hand (the tests check it against these).
    static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}@_]+");

    private final Set<String> praise;

    GenericCommentClassifier() {
        this.praise = load();
    }

    boolean isGeneric(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isBlank()) {
            return false;
        }
        // Words are the runs of letters, digits, '@' and '_' (what NOT_WORD splits on); written out because every
        // recent comment of every creator passes here and the regex split was most of the cost. A comment with more
        // than MAX_WORDS words is specific however praising, so counting stops there.
        int[] bounds = new int[2 * (MAX_WORDS + 1)];
        int words = 0;
        int n = lower.length();
        for (int i = 0; i < n; ) {
            int cp = lower.codePointAt(i);
            if (!wordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            if (words > MAX_WORDS - 1) {
                return false;
            }
            int start = i;
            while (i < n && wordPart(cp = lower.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            bounds[2 * words] = start;
            bounds[2 * words + 1] = i;
            words++;
        }
        for (int w = 0; w < words; w++) {
            String word = lower.substring(bounds[2 * w], bounds[2 * w + 1]);
            // "sooo" and "yesss" mean "so" and "yes", "goooood" means "good": try one and two letters.
            if (!praiseWord(collapseRepeats(word, 1)) && !praiseWord(collapseRepeats(word, 2))) {
                return false;
            }
        }
        return true; // no word at all: nothing but emoji, symbols and punctuation
    }

    /** Whether a lower-case word is in the praise lexicon. */
    boolean praiseWord(String word) {
        return praise.contains(word);
    }

    /** Runs of three or more of the same letter cut to {@code keep} letters: {@code REPEATS.replaceAll("$1")}. */
    static String collapseRepeats(String word, int keep) {
        int n = word.length();
        StringBuilder out = null;
        for (int i = 0; i < n; ) {
            int cp = word.codePointAt(i);
            int width = Character.charCount(cp);
            int end = i + width;
            while (end < n && word.codePointAt(end) == cp) {
                end += width;
            }
            int run = (end - i) / width;
            if (run >= 3 && Character.isLetter(cp)) {
                if (out == null) {
                    out = new StringBuilder(n).append(word, 0, i);
                }
                for (int k = 0; k < keep; k++) {
                    out.appendCodePoint(cp);
                }
            } else if (out != null) {
                out.append(word, i, end);
            }
            i = end;
        }
        return out == null ? word : out.toString();
    }

    /** {@code [\p{L}\p{N}@_]}. */
    private static boolean wordPart(int cp) {
        return cp == '@' || cp == '_' || WordChars.letterOrNumber(cp);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = GenericCommentClassifier.class.getResourceAsStream("generic-praise.txt")) {
            if (in == null) {
                throw new IllegalStateException("generic-praise.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
