package io.microreach.app.search;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Country and language names as a marketer types them ("Germany", "Deutschland", "Allemagne", "de", "DEU"; "German",
 * "Deutsch", "deu"), mapped to the ISO codes the index stores (ISO 3166-1 alpha-2 upper case, ISO 639-1 lower case).
 * The names come from the JDK's locale data (CLDR) in the languages of the product's users, plus the everyday names
 * CLDR does not list (UK, England, USA, Holland). Case, accents and punctuation are ignored.
 */
final class PlaceNames {
    /** The languages whose names for countries and languages are understood. */
    private static final List<Locale> NAMED_IN = List.of(
            Locale.ENGLISH,
            Locale.GERMAN,
            Locale.FRENCH,
            Locale.ITALIAN,
            Locale.forLanguageTag("es"),
            Locale.forLanguageTag("pt"),
            Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("sv"),
            Locale.forLanguageTag("da"));

    private static final Map<String, String> COUNTRY_ALIASES = Map.ofEntries(
            Map.entry("uk", "GB"),
            Map.entry("england", "GB"),
            Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"),
            Map.entry("britain", "GB"),
            Map.entry("great britain", "GB"),
            Map.entry("usa", "US"),
            Map.entry("america", "US"),
            Map.entry("united states of america", "US"),
            Map.entry("holland", "NL"),
            Map.entry("grossbritannien", "GB"));

    private static final Map<String, String> COUNTRIES = countries();
    private static final Map<String, String> LANGUAGES = languages();

    private PlaceNames() {}

    /** The ISO 3166-1 alpha-2 code (upper case) of a country name or code, or null when it is none. */
    static String countryCode(String text) {
        return find(COUNTRIES, text);
    }

    /** The ISO 639-1 code (lower case) of a language name or code, or null when it is none. */
    static String languageCode(String text) {
        return find(LANGUAGES, text);
    }

    private static String find(Map<String, String> names, String text) {
        String code = names.get(key(text));
        return code != null ? code : names.get(key(transliterated(text)));
    }

    private static Map<String, String> countries() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            names.put(key(code), code);
            try {
                names.put(key(country.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // no alpha-3 code known: the alpha-2 code and the names still work
            }
            for (Locale in : NAMED_IN) {
                put(names, country.getDisplayCountry(in), code);
            }
        }
        COUNTRY_ALIASES.forEach((name, code) -> names.put(key(name), code));
        return Map.copyOf(names);
    }

    private static Map<String, String> languages() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale language = Locale.forLanguageTag(code);
            names.put(key(code), code);
            try {
                names.putIfAbsent(key(language.getISO3Language()), code);
            } catch (MissingResourceException e) {
                // no alpha-3 code known: the alpha-2 code and the names still work
            }
            for (Locale in : NAMED_IN) {
                put(names, language.getDisplayLanguage(in), code);
            }
            put(names, language.getDisplayLanguage(language), code);
        }
        return Map.copyOf(names);
    }

    /** A name under its accent-free key ("osterreich") and its German spelling without umlauts ("oesterreich"). */
    private static void put(Map<String, String> names, String name, String code) {
        names.putIfAbsent(key(name), code);
        names.putIfAbsent(key(transliterated(name)), code);
    }

    private static String transliterated(String text) {
        return text == null
                ? null
                : text.replace("ä", "ae")
                        .replace("ö", "oe")
                        .replace("ü", "ue")
                        .replace("Ä", "Ae")
                        .replace("Ö", "Oe")
                        .replace("Ü", "Ue")
                        .replace("ß", "ss");
    }

    private static String key(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ");
        return plain.strip();
    }
}
