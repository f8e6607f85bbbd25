package io.microreach.briefs;

/**
 * One constraint read from a brief.
 *
 * @param field what it constrains
 * @param value the value in the search's own terms: an ISO country code ({@code DE}), a language code ({@code de}), a
 *     platform id ({@code youtube}) or a tier id ({@code micro})
 * @param label the value for people ("Germany", "German", "YouTube", "Micro (5k–50k followers)")
 * @param words the words of the brief it was read from, as written
 * @param mode whether it narrows the results or only ranks matching accounts higher
 */
public record BriefChip(Field field, String value, String label, String words, Mode mode) {

    /** What a chip constrains; {@link #param()} is the search filter of the same name. */
    public enum Field {
        COUNTRY("country", "Country"),
        LANGUAGE("language", "Language"),
        PLATFORM("platform", "Platform"),
        TIER("tier", "Size");

        private final String param;
        private final String label;

        Field(String param, String label) {
            this.param = param;
            this.label = label;
        }

        /** The search filter this field sets ({@code country=DE}). */
        public String param() {
            return param;
        }

        public String label() {
            return label;
        }
    }

    /** A filter leaves non-matching accounts out; a boost ranks matching accounts higher. */
    public enum Mode {
        FILTER,
        BOOST;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code field:value}, how a chip is named when the user removes it ({@code country:DE}). */
    public String key() {
        return field.param() + ":" + value;
    }

    public BriefChip withMode(Mode m) {
        return new BriefChip(field, value, label, words, m);
    }
}
