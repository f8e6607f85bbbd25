package io.microreach.app.outreach;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of outreach templates. Filling is one pass over the template: a value is never
 * scanned again, so a creator's handle or a campaign name that happens to contain braces stays literal text. Values
 * that go into a subject lose their line breaks, so no value can add a mail header.
 */
final class Placeholders {
    static final List<String> NAMES = List.of(
            "creator.handle",
            "creator.platform",
            "campaign.name",
            "campaign.hashtag",
            "brand.handles",
            "trackingUrl",
            "promoCode",
            "deliverables",
            "fee",
            "sender");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Placeholders() {}

    /** The first placeholder in {@code text} that is not one of {@link #NAMES}. */
    static Optional<String> unknown(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static String fill(String text, Map<String, String> values, boolean subject) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group());
            if (subject) {
                value = value.replaceAll("[\\r\\n]+", " ");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
