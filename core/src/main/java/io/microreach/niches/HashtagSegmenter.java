package io.microreach.niches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits a concatenated hashtag into words ({@code veganrecipes} → "vegan recipes", {@code photooftheday} → "photo of
 * the day"), so that the embedding and the lexical features see the words a creator meant rather than one unknown
 * token that WordPiece cuts at arbitrary places.
 *
 * <p>Word-frequency segmentation by dynamic programming (the unigram model of Norvig's "Natural Language Corpus Data",
 * 2009): among all ways to cut the tag into pieces, take the cheapest, where a piece that is a whole word of BERT's
 * uncased WordPiece vocabulary costs {@code ln(rank + 10) + 5} (the vocabulary lists whole words roughly by frequency
 * from id 1996 on, so by Zipf's law {@code ln rank} is the word's surprisal up to a constant; the 5 per word prefers
 * fewer, longer words) and a piece that is not a word costs {@code 6 + 3 × length} (so a name or a non-English word
 * such as "comidasaludable" stays whole rather than being chopped into short English words, and "insta" in
 * "instafood" is tolerated between real words). Two unknown pieces never follow each other (they would be one).
 * Single letters other than "a" are never words. Only tags of at least 6 letters a–z are split, and a tag that is
 * itself a vocabulary word stays as it is. The constants were set by hand on common tags (the tests list them) and
 * then checked on the tuning half of the Instagram creators (docs/niches.md).
 */
final class HashtagSegmenter {
    private static final int MIN_LENGTH = 6;
    private static final int MAX_WORD = 20;
    private static final double WORD_COST = 5;
    private static final double UNKNOWN_COST = 6;
    private static final double UNKNOWN_COST_PER_CHAR = 3;

    /** Tags repeat across accounts (#ootd, #foodporn), so cuts are memoised up to a bound. */
    private static final int MEMO_LIMIT = 200_000;

    private final WordPieceTokenizer vocabulary;
    private final Map<String, String> memo = new ConcurrentHashMap<>();

    HashtagSegmenter(WordPieceTokenizer vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The segmenter over the fast path's (and MiniLM's) vocabulary, loaded once. */
    public static HashtagSegmenter standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final HashtagSegmenter STANDARD = new HashtagSegmenter(WordPieceTokenizer.miniLm());
    }

    /** The tag (without '#') as words separated by single spaces, lower-cased; unchanged words where no split helps. */
    public String segment(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        String known = memo.get(t);
        if (known != null) {
            return known;
        }
        String cut = cut(t);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(t, cut);
        }
        return cut;
    }

    private String cut(String t) {
        if (t.length() < MIN_LENGTH || !isAsciiLetters(t) || vocabulary.wordRank(t) > 0) {
            return t;
        }
        int n = t.length();
        double[] best = new double[n + 1];
        int[] back = new int[n + 1];
        boolean[] unknownEnds = new boolean[n + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - MAX_WORD); start < end; start++) {
                if (best[start] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                String piece = t.substring(start, end);
                int rank = piece.length() == 1 && !piece.equals("a") ? 0 : vocabulary.wordRank(piece);
                double cost;
                boolean unknown = rank <= 0;
                if (unknown) {
                    if (start > 0 && unknownEnds[start]) {
                        continue;
                    }
                    cost = UNKNOWN_COST + UNKNOWN_COST_PER_CHAR * piece.length();
                } else {
                    cost = Math.log(rank + 10) + WORD_COST;
                }
                if (best[start] + cost < best[end]) {
                    best[end] = best[start] + cost;
                    back[end] = start;
                    unknownEnds[end] = unknown;
                }
            }
        }
        if (best[n] == Double.POSITIVE_INFINITY) {
            return t; // longer than any allowed cut (unknown pieces of over 20 letters)
        }
        List<String> parts = new ArrayList<>();
        for (int end = n; end > 0; end = back[end]) {
            parts.add(0, t.substring(back[end], end));
        }
        return String.join(" ", parts);
    }

    private static boolean isAsciiLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
