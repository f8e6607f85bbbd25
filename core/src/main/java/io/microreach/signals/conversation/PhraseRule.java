package io.microreach.signals.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.signals.LiteralPrefilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One list of {@code invitations.json}, all languages merged into a single alternation: whole-word phrases (folded
 * like the text) and {@code re:} regular expressions.
 */
final class PhraseRule {
    static final String RESOURCE = "invitations.json";

    // Phrases and regular expressions are matched apart: a phrase match starts with the phrase's literal first word,
    // so the phrase patterns run only on text holding one of those words (LiteralPrefilter); the few "re:" entries
    // have no such literal and always run. "Some alternative matches" is the same question either way, so the
    // answers are those of the single alternation.
    private final Pattern phrasesAnywhere;
    private final Pattern phrasesAtStart;
    private final LiteralPrefilter phrasePrefilter;
    private final Pattern regexAnywhere;
    private final Pattern regexAtStart;
    private final LiteralPrefilter regexPrefilter;

    private PhraseRule(List<String> phrases, List<String> firstWords, List<String> regexes, List<String> leading) {
        this.phrasesAnywhere = phrases.isEmpty() ? null : anywhere(phrases);
        this.phrasesAtStart = phrases.isEmpty() ? null : atStart(phrases);
        this.phrasePrefilter = LiteralPrefilter.anyOf(firstWords);
        this.regexAnywhere = regexes.isEmpty() ? null : anywhere(regexes);
        this.regexAtStart = regexes.isEmpty() ? null : atStart(regexes);
        this.regexPrefilter = LiteralPrefilter.anyOf(leading);
    }

    // Whole words: a phrase must not start or end inside a word ("tip" is not in "tipsy", "hai" not in "chair").
    private static Pattern anywhere(List<String> alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }

    private static Pattern atStart(List<String> alternatives) {
        return Pattern.compile("^[\\s\\p{Punct}\\p{So}]*(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }

    /**
     * Whether a phrase occurs anywhere in the folded text.
     *
     * @param positions {@link LiteralPrefilter#wordStartPositions} of {@code folded}, found once for all rules
     */
    boolean foundIn(String folded, int[] positions) {
        // A phrase match starts where its first word does: only those positions are tried.
        if (phrasesAnywhere != null) {
            boolean[] found = {false};
            phrasePrefilter.forEachMatch(phrasesAnywhere, folded, positions, m -> {
                found[0] = true;
                return false;
            });
            if (found[0]) {
                return true;
            }
        }
        return regexAnywhere != null
                && regexPrefilter.mayMatch(folded)
                && regexAnywhere.matcher(folded).find();
    }

    /** Whether the folded text opens with a phrase (after spaces, punctuation and symbols). */
    boolean opens(String folded) {
        return find(phrasesAtStart, regexAtStart, folded);
    }

    // Both patterns open with "^" (not multi-line), so a match can only start at the start: lookingAt() tries there
    // alone, where find() would try every later position and fail at each.
    private boolean find(Pattern phrases, Pattern regexes, String folded) {
        // A phrase can only start inside or right after the leading run of spaces, punctuation and symbols (the
        // run may give chars back to a phrase that begins with one), so only those positions need a first word.
        if (phrases != null
                && phrasePrefilter.startsWithin(folded, 0, leadingRunEnd(folded))
                && phrases.matcher(folded).lookingAt()) {
            return true;
        }
        return regexes != null
                && regexPrefilter.mayMatch(folded)
                && regexes.matcher(folded).lookingAt();
    }

    /** Where the leading run of {@code [\s\p{Punct}\p{So}]} (the start patterns' prefix) ends. */
    static int leadingRunEnd(String text) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean space = cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
            boolean punct = cp < 128 && cp > ' ' && cp != 127 && !Character.isLetterOrDigit(cp);
            if (!space && !punct && Character.getType(cp) != Character.OTHER_SYMBOL) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The three lists of the bundled resource. */
    record Rules(PhraseRule callToComment, PhraseRule teaching, PhraseRule questionOpeners) {}

    static Rules bundled() {
        try (InputStream in = PhraseRule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing beside " + PhraseRule.class);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new Rules(of(root, "call_to_comment"), of(root, "teaching"), of(root, "question_openers"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PhraseRule of(JsonNode root, String list) {
        JsonNode byLanguage = root.get(list);
        if (byLanguage == null || !byLanguage.isObject()) {
            throw new IllegalStateException(RESOURCE + ": list '" + list + "' missing");
        }
        List<String> phrases = new ArrayList<>();
        List<String> firstWords = new ArrayList<>();
        List<String> regexes = new ArrayList<>();
        List<String> leading = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byLanguage.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> language = it.next();
            if (!language.getValue().isArray()) {
                continue; // "_comment"
            }
            for (JsonNode entry : language.getValue()) {
                String text = entry.asText();
                if (text.startsWith("re:")) {
                    regexes.add(alternative(text));
                    leading.addAll(leadingLiterals(text.substring(3)));
                } else {
                    phrases.add(alternative(text));
                    firstWords.add(TextFolding.fold(text.trim()).split("[\\s-]+")[0]);
                }
            }
        }
        if (phrases.isEmpty() && regexes.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": list '" + list + "' is empty");
        }
        return new PhraseRule(phrases, firstWords, regexes, leading);
    }

    /**
     * Literals one of which every match of the regular expression starts with: its leading run of lower-case letters
     * and spaces ("tag (?:a|the)" → "tag "), the digits for a leading {@code \\d}, else the empty literal (no
     * prefilter). A letter followed by a quantifier is optional and ends the run before it; an alternation at the top
     * level means no common start.
     */
    static List<String> leadingLiterals(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return List.of("");
            }
        }
        if (regex.startsWith("\\d")) {
            return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
        int end = 0;
        while (end < regex.length()
                && (Character.isLowerCase(regex.charAt(end)) && regex.charAt(end) < 128 || regex.charAt(end) == ' ')) {
            end++;
        }
        if (end < regex.length() && "?*+{".indexOf(regex.charAt(end)) >= 0) {
            end--;
        }
        return List.of(regex.substring(0, Math.max(0, end)));
    }

    /** A resource entry as one regex alternative: {@code re:} entries verbatim, phrases quoted after folding. */
    static String alternative(String entry) {
        if (entry.startsWith("re:")) {
            return "(?:" + entry.substring(3) + ")";
        }
        // Spaces and hyphens in a phrase match any run of spaces or a hyphen ("dites-moi" = "dites moi").
        String[] words = TextFolding.fold(entry.trim()).split("[\\s-]+");
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(Pattern.quote(w));
        }
        return String.join("[\\s-]+", quoted);
    }
}
