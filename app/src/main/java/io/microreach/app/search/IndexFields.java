package io.microreach.app.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Field names of the account documents and the analyzers of the text fields. Every account's text (bio, recent
 * captions, hashtags) goes into {@link #TEXT} (standard tokenizer + lower case, any language) and, when the account's
 * language is one of {@link #STEMMED_LANGUAGES}, also into {@code text_<lang>} with that language's stemming analyzer,
 * so "running" finds "runs" on English accounts and "Laufen" finds "läuft" on German ones without stemming other
 * languages with the wrong rules.
 *
 * <p>Bump {@link #SCHEMA_VERSION} whenever a field, analyzer or vector format changes: an index written under an
 * older version is rebuilt at start.
 */
final class IndexFields {
    static final int SCHEMA_VERSION = 5;

    static final String ID = "id";
    static final String PLATFORM = "platform";
    static final String HANDLE = "handle";
    static final String HANDLE_SORT = "handle_sort";
    static final String HANDLE_LC = "handle_lc";
    static final String NAME_LC = "name_lc";
    static final String DISPLAY_NAME = "display_name";
    static final String TIER = "tier";
    static final String FOLLOWERS = "followers";
    static final String FOLLOWING = "following";
    static final String POSTS = "posts";
    static final String LAST_SEEN = "last_seen";
    static final String ER = "er";
    static final String ER_PERCENTILE = "er_pct";
    static final String TRUST = "trust";
    /** The share of the trust score's weight that had data (doc values; absent when the scorecard does not say). */
    static final String TRUST_COVERAGE = "trust_coverage";

    static final String SUSPICIOUS = "suspicious";
    static final String REPLY_RATE = "reply_rate";
    static final String PRICE_LOW = "price_low";
    static final String PRICE_HIGH = "price_high";
    static final String PRICE_CURRENCY = "price_currency";
    static final String PRICE_BASIS = "price_basis";
    static final String PRICE_CONVERTED = "price_converted";
    static final String COUNTRY = "country";
    static final String LANGUAGE = "language";
    static final String HAS_CONTACT = "has_contact";
    static final String VERIFIED = "verified";
    static final String HAS_VECTOR = "has_vector";
    /** "true" for accounts of the generated demo data set, "false" for real ones (keyword, stored, 1/0 doc values). */
    static final String DEMO = "demo";
    /** Niches at or above the facet threshold (a multi-valued keyword with doc values, for filters and facets). */
    static final String NICHE = "niche";
    /** Stored "niche:confidence" pairs for the result rows. */
    static final String NICHES_STORED = "niches";
    /** Prefix of the per-niche confidence fields ({@code niche_conf.fitness}): points for filters, doc values for rank. */
    static final String NICHE_CONFIDENCE_PREFIX = "niche_conf.";

    static final String TEXT = "text";
    static final String VECTOR = "embedding";

    static final List<String> STEMMED_LANGUAGES = List.of("en", "de", "es", "fr", "it", "pt");

    private IndexFields() {}

    static String nicheConfidence(String nicheId) {
        return NICHE_CONFIDENCE_PREFIX + nicheId;
    }

    static String stemmedText(String language) {
        return TEXT + "_" + language;
    }

    /** The text fields a keyword query searches: the standard field and every stemmed one. */
    static List<String> textFields() {
        List<String> fields = new java.util.ArrayList<>();
        fields.add(TEXT);
        STEMMED_LANGUAGES.forEach(l -> fields.add(stemmedText(l)));
        return fields;
    }

    /** The stemmed field for an account language ("en", "en-GB", "EN"), or null when none fits. */
    static String stemmedFieldFor(String language) {
        if (language == null || language.length() < 2) {
            return null;
        }
        String primary = language.substring(0, 2).toLowerCase(Locale.ROOT);
        return STEMMED_LANGUAGES.contains(primary) ? stemmedText(primary) : null;
    }

    /** Shared by queries (analyzers are thread-safe); each index writer gets its own, which it may close. */
    static final Analyzer ANALYZER = newAnalyzer();

    /** Standard analysis for {@link #TEXT}, each language's own analyzer for its stemmed field. */
    static Analyzer newAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(stemmedText("en"), new EnglishAnalyzer());
        perField.put(stemmedText("de"), new GermanAnalyzer());
        perField.put(stemmedText("es"), new SpanishAnalyzer());
        perField.put(stemmedText("fr"), new FrenchAnalyzer());
        perField.put(stemmedText("it"), new ItalianAnalyzer());
        perField.put(stemmedText("pt"), new PortugueseAnalyzer());
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }
}
