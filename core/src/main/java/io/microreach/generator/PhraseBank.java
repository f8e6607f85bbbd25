package io.microreach.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts the generator writes, from {@code phrases.json} next to this class: per language the name parts,
 * caption templates, sponsorship phrases, bios and comments; per niche the handle words, invented brand handles and,
 * per language, topics, hashtags and bio taglines. Kept as a resource so that wording can be improved without
 * touching code. Loaded once and checked for completeness, so a missing language or niche fails at start-up.
 */
final class PhraseBank {
    private static final String RESOURCE = "phrases.json";

    record Language(
            String code,
            List<String> firstNames,
            List<String> lastNames,
            List<String> plainCaptions,
            List<String> questionCaptions,
            List<String> ctaCaptions,
            List<String> tipsCaptions,
            List<String> sponsorIntros,
            List<String> disclosures,
            List<String> codePhrases,
            List<String> affiliatePhrases,
            List<String> bios,
            List<String> contacts,
            List<String> genericComments,
            List<String> appreciationComments,
            List<String> questionComments,
            List<String> creatorThanks,
            List<String> creatorAnswers,
            List<String> otherReplies,
            List<String> otherQuestionReplies,
            List<String> followUps,
            List<String> personBios) {}

    record NicheText(List<String> topics, List<String> hashtags, List<String> taglines) {}

    record NicheWords(List<String> handleWords, List<String> brands, Map<String, NicheText> byLanguage) {
        NicheText in(String language) {
            return byLanguage.get(language);
        }
    }

    private final Map<String, Language> languages;
    private final Map<Niche, NicheWords> niches;
    private final Map<Country, List<String>> cities;
    private final List<String> emojiOnly;
    private final List<String> podComments;
    private final List<String> spamBios;
    private final List<String> botSyllables;
    private final List<String> botWords;

    private PhraseBank(JsonNode root) {
        languages = new HashMap<>();
        for (String code : Country.LANGUAGES) {
            JsonNode l = required(root.path("languages"), code);
            JsonNode caption = required(l, "caption");
            JsonNode comment = required(l, "comment");
            languages.put(
                    code,
                    new Language(
                            code,
                            strings(l, "first_names"),
                            strings(l, "last_names"),
                            strings(caption, "plain"),
                            strings(caption, "question"),
                            strings(caption, "cta"),
                            strings(caption, "tips"),
                            strings(l, "sponsor_intro"),
                            strings(l, "disclosure"),
                            strings(l, "code"),
                            strings(l, "affiliate"),
                            strings(l, "bio"),
                            strings(l, "contact"),
                            strings(comment, "generic"),
                            strings(comment, "appreciation"),
                            strings(comment, "question"),
                            strings(comment, "creator_thanks"),
                            strings(comment, "creator_answer"),
                            strings(comment, "other_reply"),
                            strings(comment, "other_reply_question"),
                            strings(comment, "follow_up"),
                            strings(l, "person_bio")));
        }
        niches = new EnumMap<>(Niche.class);
        for (Niche niche : Niche.values()) {
            JsonNode n = required(root.path("niches"), niche.id());
            Map<String, NicheText> byLanguage = new HashMap<>();
            for (String code : Country.LANGUAGES) {
                JsonNode t = required(n.path("languages"), code);
                byLanguage.put(
                        code, new NicheText(strings(t, "topics"), strings(t, "hashtags"), strings(t, "taglines")));
            }
            niches.put(niche, new NicheWords(strings(n, "handle_words"), strings(n, "brands"), Map.copyOf(byLanguage)));
        }
        cities = new EnumMap<>(Country.class);
        for (Country c : Country.values()) {
            cities.put(c, strings(root.path("cities"), c.name()));
        }
        JsonNode shared = required(root, "shared");
        emojiOnly = strings(shared, "emoji_only");
        podComments = strings(shared, "pod_comments");
        spamBios = strings(shared, "spam_bios");
        botSyllables = strings(shared, "bot_syllables");
        botWords = strings(shared, "bot_words");
    }

    static PhraseBank standard() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PhraseBank INSTANCE = load();

        private static PhraseBank load() {
            try (InputStream in = PhraseBank.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing next to PhraseBank");
                }
                return new PhraseBank(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    Language language(String code) {
        return languages.get(code);
    }

    NicheWords niche(Niche niche) {
        return niches.get(niche);
    }

    List<String> cities(Country country) {
        return cities.get(country);
    }

    List<String> emojiOnly() {
        return emojiOnly;
    }

    List<String> podComments() {
        return podComments;
    }

    List<String> spamBios() {
        return spamBios;
    }

    List<String> botSyllables() {
        return botSyllables;
    }

    List<String> botWords() {
        return botWords;
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalStateException(RESOURCE + ": missing '" + field + "'");
        }
        return node;
    }

    private static List<String> strings(JsonNode parent, String field) {
        JsonNode node = required(parent, field);
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' must be a non-empty list");
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode v : node) {
            out.add(v.asText());
        }
        return List.copyOf(out);
    }
}
