package io.microreach.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where creators live. About 80% write in English, the rest in German, Spanish, French, Italian or Portuguese; the
 * country decides the language, the local posting hours (a fixed UTC offset is close enough for posting times) and
 * how large its audience pools are relative to the United States.
 */
enum Country {
    US("en", 0.45, -5, 1.00),
    GB("en", 0.18, 0, 0.35),
    CA("en", 0.12, -5, 0.20),
    AU("en", 0.13, 10, 0.20),
    IE("en", 0.05, 0, 0.06),
    NZ("en", 0.07, 12, 0.06),
    DE("de", 0.75, 1, 0.40),
    AT("de", 0.13, 1, 0.08),
    CH("de", 0.12, 1, 0.08),
    ES("es", 0.40, 1, 0.25),
    MX("es", 0.35, -6, 0.30),
    AR("es", 0.15, -3, 0.15),
    CO("es", 0.10, -5, 0.12),
    FR("fr", 0.85, 1, 0.30),
    BE("fr", 0.15, 1, 0.06),
    IT("it", 1.00, 1, 0.30),
    BR("pt", 0.70, -3, 0.50),
    PT("pt", 0.30, 0, 0.08);

    /** Share of creators per content language; the 20% outside English is what the brief asks for. */
    static final String[] LANGUAGES = {"en", "de", "es", "fr", "it", "pt"};

    static final double[] LANGUAGE_SHARES = {0.80, 0.06, 0.05, 0.04, 0.025, 0.025};

    private final String language;
    private final double shareInLanguage;
    private final int utcOffsetHours;
    private final double audienceSize;

    Country(String language, double shareInLanguage, int utcOffsetHours, double audienceSize) {
        this.language = language;
        this.shareInLanguage = shareInLanguage;
        this.utcOffsetHours = utcOffsetHours;
        this.audienceSize = audienceSize;
    }

    String language() {
        return language;
    }

    int utcOffsetHours() {
        return utcOffsetHours;
    }

    double audienceSize() {
        return audienceSize;
    }

    static List<Country> speaking(String language) {
        List<Country> out = new ArrayList<>();
        for (Country c : values()) {
            if (c.language.equals(language)) {
                out.add(c);
            }
        }
        return out;
    }

    static Country draw(String language, Rng rng) {
        List<Country> candidates = speaking(language);
        double[] w = new double[candidates.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = candidates.get(i).shareInLanguage;
        }
        return candidates.get(rng.weighted(w));
    }

    /** Another country of the same language (an audience spills over borders), or the US for single-country ones. */
    Country neighbour(Rng rng) {
        List<Country> same = speaking(language);
        same.remove(this);
        return same.isEmpty() ? US : same.get(rng.below(same.size()));
    }
}
