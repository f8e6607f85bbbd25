package io.microreach.signals.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final Pattern anywhere;
    private final Pattern atStart;

    private PhraseRule(List<String> alternatives) {
        String alternation = String.join("|", alternatives);
        // Whole words: a phrase must not start or end inside a word ("tip" is not in "tipsy", "hai" not in "chair").
        this.anywhere = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])");
        this.atStart = Pattern.compile("^[\\s\\p{Punct}\\p{So}]*(?:" + alternation + ")(?![\\p{L}\\p{N}])");
    }

    /** Whether a phrase occurs anywhere in the folded text. */
    boolean foundIn(String folded) {
        return anywhere.matcher(folded).find();
    }

    /** Whether the folded text opens with a phrase (after spaces, punctuation and symbols). */
    boolean opens(String folded) {
        return atStart.matcher(folded).find();
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
        List<String> alternatives = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byLanguage.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> language = it.next();
            if (!language.getValue().isArray()) {
                continue; // "_comment"
            }
            for (JsonNode entry : language.getValue()) {
                alternatives.add(alternative(entry.asText()));
            }
        }
        if (alternatives.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": list '" + list + "' is empty");
        }
        return new PhraseRule(alternatives);
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
