package io.microreach.signals;

import io.microreach.domain.WordChars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact, cheap test that rules a phrase regex out before it runs. The phrase lists of the text signals compile
 * to alternations with look-arounds ({@code (?<![\p{L}\p{N}])(?:phrase|phrase|…)(?![\p{L}\p{N}])}); Java's regex
 * engine tries every alternative at every position of the text, which made phrase matching the largest cost of
 * scoring. Every match of such an alternation starts with the literal first word of one of its phrases, so a text
 * that contains none of those words as a substring cannot match, and the regex need not run. When one of them
 * occurs the caller runs the unchanged regex, so results are exactly those of the regex alone.
 *
 * <p>Own code rather than a multi-pattern library (Aho–Corasick): texts are captions and comments of a few hundred
 * characters, and the positions that matter are word starts, so one pass that tries at each word start only the
 * literals beginning with its char ({@link #forEachMatch}) costs a fraction of a microsecond per text, and the
 * substring test ({@link #mayMatch}) uses {@link String#indexOf(String)}, a vectorised JIT intrinsic; no new
 * dependency in the pure core.
 */
public final class LiteralPrefilter {
    private static final LiteralPrefilter ALWAYS = new LiteralPrefilter(null, null);

    /** Literals none of which contains another, shortest first; {@code null}: always may match. */
    private final String[] literals;

    /** Every distinct literal, for {@link #mayMatchAsWord}. */
    private final String[] all;

    /** Every distinct literal by its first char, for {@link #wordStarts} and {@link #startsWithin}. */
    private final Map<Character, String[]> byFirstChar;

    /** The same for ASCII first chars, without boxing the char. */
    private final String[][] byAsciiFirstChar = new String[128][];

    /**
     * Bit {@code c & 63} set for each non-ASCII first char. Captions are full of emoji and accented letters, and a
     * boxed map lookup for each of them was 5% of the scorer's CPU samples on the 100k benchmark pool; this rules
     * most of them out with a shift.
     */
    private long nonAsciiFirstChars;

    private LiteralPrefilter(String[] literals, String[] all) {
        this.literals = literals;
        this.all = all;
        Map<Character, List<String>> grouped = new HashMap<>();
        if (all != null) {
            for (String l : all) {
                grouped.computeIfAbsent(l.charAt(0), c -> new ArrayList<>()).add(l);
            }
        }
        Map<Character, String[]> index = new HashMap<>();
        grouped.forEach((c, ls) -> index.put(c, ls.toArray(String[]::new)));
        this.byFirstChar = Map.copyOf(index);
        index.forEach((c, ls) -> {
            if (c < 128) {
                byAsciiFirstChar[c] = ls;
            } else {
                nonAsciiFirstChars |= 1L << (c & 63);
            }
        });
    }

    /**
     * A filter that lets a text through when it contains at least one of {@code literals}. An empty literal means
     * any text may match, so the filter lets everything through.
     */
    public static LiteralPrefilter anyOf(Collection<String> literals) {
        Objects.requireNonNull(literals, "literals");
        TreeSet<String> distinct = new TreeSet<>(
                (a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        for (String l : literals) {
            if (l == null || l.isEmpty()) {
                return ALWAYS;
            }
            distinct.add(l);
        }
        // A literal that contains a shorter one adds nothing: the shorter one occurs wherever the longer one does.
        TreeSet<String> minimal = new TreeSet<>(distinct.comparator());
        for (String l : distinct) {
            if (minimal.stream().noneMatch(l::contains)) {
                minimal.add(l);
            }
        }
        return new LiteralPrefilter(minimal.toArray(String[]::new), distinct.toArray(String[]::new));
    }

    /** A filter that lets every text through. */
    public static LiteralPrefilter always() {
        return ALWAYS;
    }

    /** False only when {@code text} cannot match: it contains none of the literals. */
    public boolean mayMatch(String text) {
        if (literals == null) {
            return true;
        }
        for (String l : literals) {
            if (text.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when {@code text} cannot match a pattern whose matches start with one of the literals as a whole
     * word: no literal occurs with neither a letter nor a digit right before it and right after it. For a literal
     * "ad" this skips "made" and "already", which {@link #mayMatch} lets through.
     */
    public boolean mayMatchAsWord(String text) {
        if (all == null) {
            return true;
        }
        for (String l : all) {
            for (int at = text.indexOf(l); at >= 0; at = text.indexOf(l, at + 1)) {
                int end = at + l.length();
                // The char before, not the code point: like the patterns' look-behinds, which see only the low
                // surrogate of a letter outside the BMP (a surrogate is no letter, so this errs towards "may match").
                if ((at == 0 || !WordChars.letterOrNumber(text.charAt(at - 1)))
                        && (end == text.length() || !WordChars.letterOrNumber(text.codePointAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every position of {@code text} where one of the literals starts a word (no letter or digit right before it),
     * ascending; {@code null} for a filter that lets everything through (every position is a candidate). The phrase
     * patterns open with {@code (?<![\p{L}\p{N}])}, so they cannot match anywhere else: short first words such as
     * "ad" or "de" occur inside many words, and trying the whole alternation there was most of its cost. What
     * {@link #forEachMatch} tries, collected: package-private, for the tests that check those positions against a
     * reference.
     */
    int[] wordStarts(String text) {
        if (all == null) {
            return null;
        }
        int[] positions = wordStartPositions(text);
        int[] found = new int[positions.length];
        int n = 0;
        for (int i = nextStart(text, positions, 0); i >= 0; i = nextStart(text, positions, i + 1)) {
            found[n++] = positions[i];
        }
        return Arrays.copyOf(found, n);
    }

    /**
     * Calls {@code onMatch} with the matcher at each match of {@code pattern} in {@code text}, in the order of
     * successive {@link Matcher#find()} calls, until it returns {@code false}; for a pattern whose every match starts
     * where one of the literals starts a word (a whole-word alternation of phrases). The pattern is tried only at
     * those positions, each found from the text's {@link #wordStartPositions} when it is needed: a caption is tried
     * against many lists, its chars are scanned once for all of them, and nothing is allocated for a list that has
     * no first word in it (JFR of the 100k benchmark pool: scanning each caption once per list was 13% of the
     * scorer's CPU samples, and collecting each list's positions into an array another 6%).
     *
     * @param positions {@link #wordStartPositions} of {@code text}
     */
    public void forEachMatch(Pattern pattern, String text, int[] positions, Predicate<Matcher> onMatch) {
        if (all == null) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (!onMatch.test(m)) {
                    return;
                }
            }
            return;
        }
        int i = nextStart(text, positions, 0);
        if (i < 0) {
            return;
        }
        // Transparent, non-anchoring bounds: look-arounds see the whole text and "^" still means its start.
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        while (i >= 0) {
            m.region(positions[i], text.length());
            if (!m.lookingAt()) {
                i = nextStart(text, positions, i + 1);
                continue;
            }
            if (!onMatch.test(m)) {
                return;
            }
            // The next find() starts where this match ended (one further for an empty match).
            int next = Arrays.binarySearch(positions, Math.max(m.end(), positions[i] + 1));
            i = nextStart(text, positions, next >= 0 ? next : -next - 1);
        }
    }

    /** The first index from {@code from} on of a position where one of the literals starts; -1 when none does. */
    private int nextStart(String text, int[] positions, int from) {
        for (int i = from; i < positions.length; i++) {
            int at = positions[i];
            if (startsAt(text, at, text.charAt(at))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every position of {@code text} that has no letter or digit right before it, ascending: where a phrase pattern
     * opening with {@code (?<![\p{L}\p{N}])} may match, whatever its list. The char before is taken as the look-behind
     * sees it (only the low surrogate of a letter outside the BMP, which is no letter): this never drops a position
     * the pattern could match at.
     */
    public static int[] wordStartPositions(String text) {
        int[] found = new int[Math.min(text.length(), 16)];
        int n = 0;
        boolean afterWordChar = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!afterWordChar) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i;
            }
            afterWordChar = WordChars.letterOrNumber(c);
        }
        return n == found.length ? found : Arrays.copyOf(found, n);
    }

    /**
     * Whether one of the literals starts at a position from {@code from} to {@code to} (both included); always true
     * for a filter that lets everything through.
     */
    public boolean startsWithin(String text, int from, int to) {
        if (all == null) {
            return true;
        }
        for (int i = Math.max(0, from); i <= to && i < text.length(); i++) {
            if (startsAt(text, i, text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean startsAt(String text, int at, char c) {
        String[] candidates =
                c < 128 ? byAsciiFirstChar[c] : (nonAsciiFirstChars >>> (c & 63) & 1) == 0 ? null : byFirstChar.get(c);
        if (candidates == null) {
            return false;
        }
        for (String l : candidates) {
            if (text.startsWith(l, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text may hold a link as the link patterns of the text signals define it: every such link either
     * has a {@code /} or starts with {@code www.} (ASCII case ignored, like their {@code (?i)} flag).
     */
    public static boolean mayHoldLink(String text) {
        if (text.indexOf('/') >= 0) {
            return true;
        }
        for (int i = text.indexOf('.', 3); i >= 0; i = text.indexOf('.', i + 1)) {
            if ((text.charAt(i - 1) | 0x20) == 'w'
                    && (text.charAt(i - 2) | 0x20) == 'w'
                    && (text.charAt(i - 3) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }
}
