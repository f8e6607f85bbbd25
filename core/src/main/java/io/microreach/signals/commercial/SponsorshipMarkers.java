package io.microreach.signals.commercial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.LiteralPrefilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker lists a {@link SponsorshipDetector} looks for, compiled. The bundled lists ({@code markers.json} beside
 * this class, documented in docs/signals-conversation.md) cover English, German, Spanish, French, Italian and
 * Portuguese; an installation can pass its own file in the same format.
 */
final class SponsorshipMarkers {
    static final String RESOURCE = "markers.json";
    private static final SponsorshipMarkers BUNDLED = loadBundled();

    /** Folded hashtag → {@code true} for a disclosure tag, {@code false} for a weak one (disclosure wins). */
    final Map<String, Boolean> hashtags;

    final Phrases disclosurePhrases;
    final Phrases disclosureLabels;
    final Phrases weakPhrases;
    final Phrases codeKeywords;
    final Phrases codePhrases;
    final Phrases affiliateWords;
    final Set<String> affiliateHosts;
    final Set<String> affiliateQueryParameters;
    final Set<String> affiliatePathSegments;
    /** A negation, up to three words, a negated term, within one sentence; empty lists switch it off. */
    final Pattern negation;

    final Phrases ownProduct;
    final List<String> partnerTagSuffixes;
    final Set<String> platformHandles;
    /** Credit words as a pattern that must end right before a mention (only spaces and punctuation between). */
    final Pattern credit;

    private SponsorshipMarkers(JsonNode root) {
        // One hash lookup per tag of every post instead of two set probes: tags are checked on every caption.
        Map<String, Boolean> tags = new HashMap<>();
        folded(entries(root, "weak_hashtags")).forEach(t -> tags.put(t, false));
        folded(entries(root, "disclosure_hashtags")).forEach(t -> tags.put(t, true));
        hashtags = tags;
        disclosurePhrases = Phrases.words(entries(root, "disclosure_phrases"));
        List<String> labelList = entries(root, "disclosure_labels");
        String labels = TextFolding.alternation(labelList);
        // A label is a common noun ("Werbung" = advertising) and counts only where it stands as a label: opening a
        // line before a separator or alone on it, in brackets or asterisks, as the last word in brackets ("(jeans and
        // blazer gifted)"), or as the last word of a line.
        disclosureLabels = new Phrases(
                Pattern.compile("(?m)^[\\s\\p{Punct}]*(?:" + labels + ")\\s*(?:[|:•·\\-–—/]|$)"
                        + "|[\\[(*]\\s*(?:" + labels + ")\\s*[\\])*]"
                        + "|(?<=\\s)(?:" + labels + ")\\s*[\\])]"
                        + "|(?<=\\s)(?:" + labels + ")[\\s.!]*$"),
                LiteralPrefilter.anyOf(TextFolding.firstWords(labelList)),
                false);
        weakPhrases = Phrases.words(entries(root, "weak_phrases"));
        // The keyword, then separators, then the token that may be the code (checked for code shape separately).
        List<String> keywords = entries(root, "code_keywords");
        codeKeywords = new Phrases(
                Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:" + TextFolding.alternation(keywords)
                                + ")(?![\\p{L}\\p{N}])[\\s:=\"'«»“”„‘’‚*>→\\p{So}-]*([\\p{L}\\p{N}][\\p{L}\\p{N}_-]{2,24})(?![\\p{L}\\p{N}])"),
                LiteralPrefilter.anyOf(TextFolding.firstWords(keywords)),
                true);
        codePhrases = Phrases.words(entries(root, "code_phrases"));
        affiliateWords = Phrases.words(entries(root, "affiliate_words"));
        affiliateHosts = folded(entries(root, "affiliate_hosts"));
        affiliateQueryParameters = folded(entries(root, "affiliate_query_parameters"));
        affiliatePathSegments = folded(entries(root, "affiliate_path_segments"));
        List<String> negations = optionalEntries(root, "negation_words");
        List<String> fillers = optionalEntries(root, "negation_fillers");
        List<String> negated = optionalEntries(root, "negated_terms");
        // Between the negation and the term only filler words ("not *an* ad", "in no *way* sponsored") and the
        // spaces and marks around them, never a sentence end: "saying no easier Paid partnership" and the giveaway
        // small print "not sponsored by Instagram." followed by "#ad" keep their disclosure.
        String gap = "[^\\p{L}\\p{N}.!?\\n]+";
        String filler = fillers.isEmpty()
                ? ""
                : "(?:" + gap + "(?:" + TextFolding.alternation(fillers) + ")(?![\\p{L}\\p{N}])){0,3}";
        negation = negations.isEmpty() || negated.isEmpty()
                ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + TextFolding.alternation(negations)
                        + "|\\p{L}+n['’]t)" + filler + gap + "(?:" + TextFolding.alternation(negated)
                        + ")(?![\\p{L}\\p{N}])");
        List<String> own = optionalEntries(root, "own_product_phrases");
        ownProduct = own.isEmpty() ? null : Phrases.words(own);
        partnerTagSuffixes = folded(optionalEntries(root, "partner_tag_suffixes")).stream()
                .sorted()
                .toList();
        platformHandles = folded(optionalEntries(root, "platform_handles"));
        List<String> credits = optionalEntries(root, "credit_words");
        String creditWords =
                credits.isEmpty() ? "" : "(?<![\\p{L}\\p{N}])(?:" + TextFolding.alternation(credits) + ")|";
        credit = Pattern.compile("(?:" + creditWords + "[📸📷🎥])[^\\p{L}\\p{N}@]{0,4}$");
    }

    /**
     * A compiled list with its prefilter: the pattern runs only on text that contains one of the list's first
     * words, which every match starts with (see {@link LiteralPrefilter}).
     */
    record Phrases(Pattern pattern, LiteralPrefilter prefilter, boolean startsAtWord) {
        static Phrases words(List<String> phrases) {
            return new Phrases(
                    TextFolding.words(phrases), LiteralPrefilter.anyOf(TextFolding.firstWords(phrases)), true);
        }

        /**
         * Calls {@code onMatch} with the matcher at each match in {@code folded}, in the order of {@link
         * Matcher#find()}. Patterns whose matches start at a phrase's first word are tried only where such a word
         * starts; the others ({@code startsAtWord} false: the labels pattern) only when such a word stands somewhere
         * as a whole word.
         *
         * @param positions {@link LiteralPrefilter#wordStartPositions} of {@code folded}, found once for all lists
         */
        void forEachMatch(String folded, int[] positions, Consumer<Matcher> onMatch) {
            if (!startsAtWord) {
                if (!prefilter.mayMatch(folded)) {
                    return;
                }
                // The labels pattern: in each of its alternatives the label stands between non-letters (line start,
                // space, punctuation or bracket before it; separator, bracket, space or line end after it), so the
                // whole regex need only run where a label's first word stands as a word. "ad" sits inside countless
                // words ("made", "already"): without this the regex ran on nearly every caption.
                if (!prefilter.mayMatchAsWord(folded)) {
                    return;
                }
                Matcher m = pattern.matcher(folded);
                while (m.find()) {
                    onMatch.accept(m);
                }
                return;
            }
            prefilter.forEachMatch(pattern, folded, positions, m -> {
                onMatch.accept(m);
                return true;
            });
        }
    }

    /** The lists shipped with microreach. */
    public static SponsorshipMarkers bundled() {
        return BUNDLED;
    }

    /**
     * Reads lists in the format of the bundled {@code markers.json}: every key of it must be present, each either a
     * list of strings or an object of such lists by language.
     *
     * @throws IOException when the input is not JSON or a list is missing
     */
    public static SponsorshipMarkers read(InputStream json) throws IOException {
        Objects.requireNonNull(json, "json");
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("marker lists: expected a JSON object");
        }
        try {
            return new SponsorshipMarkers(root);
        } catch (IllegalArgumentException e) {
            throw new IOException("marker lists: " + e.getMessage(), e);
        }
    }

    private static SponsorshipMarkers loadBundled() {
        try (InputStream in = SponsorshipMarkers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing beside " + SponsorshipMarkers.class);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + RESOURCE, e);
        }
    }

    /** A list, or all lists of an object keyed by language (keys starting with '_' are comments). */
    private static List<String> entries(JsonNode root, String key) {
        JsonNode node = root.get(key);
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(e -> out.add(e.asText()));
        } else if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("_") && e.getValue().isArray()) {
                    e.getValue().forEach(v -> out.add(v.asText()));
                }
            }
        }
        out.removeIf(String::isBlank);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("list '" + key + "' missing or empty");
        }
        return out;
    }

    /** A list that older marker files may lack: empty when missing. */
    private static List<String> optionalEntries(JsonNode root, String key) {
        return root.has(key) ? entries(root, key) : List.of();
    }

    private static Set<String> folded(List<String> entries) {
        Set<String> out = new HashSet<>();
        for (String e : entries) {
            out.add(TextFolding.fold(e.trim()));
        }
        return Set.copyOf(out);
    }
}
