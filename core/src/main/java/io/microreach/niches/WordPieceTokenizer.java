package io.microreach.niches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BERT's uncased WordPiece tokenizer (the one all-MiniLM-L6-v2 and bge-small-en-v1.5 were trained with), in plain Java: clean the text,
 * put spaces around CJK characters, lower-case, strip accents (NFD, drop combining marks), split on white space and
 * punctuation, then cut each word into the longest vocabulary pieces from the left ({@code ##} marks a continuation);
 * a word that cannot be cut becomes {@code [UNK]}. The vocabulary is read from the bundled model's
 * {@code tokenizer.json}, so ids match the ONNX model exactly.
 *
 * <p>Why not DJL's native tokenizer that the full model uses: the fast path calls this once per word of a million
 * texts, and a JNI round trip per text plus token strings cost more than the embedding itself; here a word's pieces are
 * memoised, so common words cost one hash lookup. Reference: Devlin et al. 2019 (BERT), the reference
 * {@code BasicTokenizer}/{@code WordpieceTokenizer} of google-research/bert and HuggingFace's {@code BertNormalizer}.
 */
final class WordPieceTokenizer {
    /** The tokenizer of the bundled all-MiniLM-L6-v2 model. */
    static final String MINILM_TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    public static final int UNK = 100;
    public static final int CLS = 101;
    public static final int SEP = 102;
    /** First id of BERT's frequency-ordered whole-word vocabulary (ids below are special tokens and characters). */
    static final int FIRST_WORD = 1996;

    private static final int MAX_WORD_CHARS = 100;
    private static final int MEMO_LIMIT = 500_000;
    private static final int[] UNKNOWN = {UNK};

    private final Map<String, Integer> vocab;
    private final String[] tokens;
    private final Map<String, int[]> memo = new ConcurrentHashMap<>();

    WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
        int max = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        this.tokens = new String[max + 1];
        vocab.forEach((t, i) -> tokens[i] = t);
    }

    /** The tokenizer of the bundled MiniLM model (BERT uncased; the fast path's table uses the same vocabulary). */
    public static WordPieceTokenizer miniLm() {
        return read(MINILM_TOKENIZER);
    }

    /** The WordPiece vocabulary of a HuggingFace {@code tokenizer.json} resource. */
    static WordPieceTokenizer read(String resource) {
        try (InputStream in = WordPieceTokenizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the tokenizer " + resource + " is not on the classpath");
            }
            JsonNode vocabNode = new ObjectMapper().readTree(in).path("model").path("vocab");
            Map<String, Integer> vocab = new HashMap<>();
            vocabNode
                    .fields()
                    .forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
            return new WordPieceTokenizer(vocab);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer " + resource + ": " + e.getMessage(), e);
        }
    }

    /** True when both map every token to the same id. */
    boolean sameVocabulary(WordPieceTokenizer other) {
        return vocab.equals(other.vocab);
    }

    public int vocabularySize() {
        return tokens.length;
    }

    /**
     * Frequency rank of a whole word of the vocabulary (1 = most frequent: BERT's vocabulary lists whole words roughly
     * by frequency from id {@value #FIRST_WORD} on), or 0 when {@code word} is not one (a sub-word piece, a special
     * token or a character).
     */
    int wordRank(String word) {
        Integer id = vocab.get(word);
        return id == null || id < FIRST_WORD || word.startsWith("##") ? 0 : id - FIRST_WORD + 1;
    }

    /** The vocabulary entry of an id ({@code ##ing}, {@code the}). */
    public String token(int id) {
        return tokens[id];
    }

    /** Token ids of a text, without {@code [CLS]}/{@code [SEP]}. */
    public int[] encode(String text) {
        List<String> words = basicTokens(text);
        int[] out = new int[Math.max(8, words.size() * 2)];
        int n = 0;
        for (String w : words) {
            int[] pieces = pieces(w);
            if (n + pieces.length > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + pieces.length));
            }
            System.arraycopy(pieces, 0, out, n, pieces.length);
            n += pieces.length;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private int[] pieces(String word) {
        int[] known = memo.get(word);
        if (known != null) {
            return known;
        }
        int[] cut = wordPiece(word);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(word, cut);
        }
        return cut;
    }

    private int[] wordPiece(String word) {
        if (word.length() > MAX_WORD_CHARS) {
            return UNKNOWN;
        }
        List<Integer> ids = new ArrayList<>(4);
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String sub = word.substring(start, end);
                if (start > 0) {
                    sub = "##" + sub;
                }
                found = vocab.get(sub);
                if (found != null) {
                    break;
                }
                end--;
            }
            if (found == null) {
                return UNKNOWN;
            }
            ids.add(found);
            start = end;
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Cleaning, CJK spacing, lower-casing, accent stripping and splitting on white space and punctuation. */
    static List<String> basicTokens(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String lowered = text.toLowerCase(java.util.Locale.ROOT);
        String decomposed = Normalizer.normalize(lowered, Normalizer.Form.NFD);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == 0 || cp == 0xFFFD || type == Character.NON_SPACING_MARK || isControl(cp, type)) {
                continue;
            }
            if (isWhitespace(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp, type) || isCjk(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' '
                || cp == '\t'
                || cp == '\n'
                || cp == '\r'
                || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp, int type) {
        return (type == Character.CONTROL || type == Character.FORMAT) && !isWhitespace(cp);
    }

    private static boolean isPunctuation(int cp, int type) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B81F)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
