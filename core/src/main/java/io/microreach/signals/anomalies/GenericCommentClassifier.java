package io.microreach.signals.anomalies;

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
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}@_]+");

    private final Set<String> praise;

    GenericCommentClassifier() {
        this.praise = load();
    }

    boolean isGeneric(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (lower.isEmpty()) {
            return false;
        }
        String[] words = NOT_WORD.matcher(lower).replaceAll(" ").strip().split(" ");
        if (words.length == 1 && words[0].isEmpty()) {
            return true;
        }
        if (words.length > MAX_WORDS) {
            return false;
        }
        for (String w : words) {
            // "sooo" and "yesss" mean "so" and "yes", "goooood" means "good": try one and two letters.
            if (!praise.contains(REPEATS.matcher(w).replaceAll("$1"))
                    && !praise.contains(REPEATS.matcher(w).replaceAll("$1$1"))) {
                return false;
            }
        }
        return true;
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
