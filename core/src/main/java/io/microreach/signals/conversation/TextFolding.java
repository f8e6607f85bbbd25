package io.microreach.signals.conversation;

import io.microreach.signals.LiteralPrefilter;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text preparation shared by the caption and comment rules. Folding keeps the length of the text (one char in, one
 * char out) so that a match on folded text points at the same characters of the original.
 */
final class TextFolding {
    // A '?' inside a link (?ref=, ?utm_source=) is not a question, and niche hashtags such as #fitnesstips sit on
    // nearly every post of a niche, so links, hashtags and mentions are blanked before any rule looks at the text.
    static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b(?:[a-z0-9-]+\\.)+[a-z]{2,}/\\S*");
    private static final Pattern TAG_OR_MENTION = Pattern.compile("[#@][\\p{L}\\p{M}\\p{N}_.]+");

    private TextFolding() {}

    /** Lower case without accents ("Código" → "codigo"), same length as the input. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c < 128 || Character.isSurrogate(c)) {
                out.append(c);
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            out.append(d.length() > 1 && Character.isLetter(d.charAt(0)) ? d.charAt(0) : c);
        }
        return out.toString();
    }

    /** The text with links, hashtags and mentions replaced by spaces. */
    static String prose(String text) {
        // The checks skip patterns that cannot match (most texts have no link, many no tag): same result, less work.
        String s = LiteralPrefilter.mayHoldLink(text) ? LINK.matcher(text).replaceAll(" ") : text;
        return s.indexOf('#') >= 0 || s.indexOf('@') >= 0
                ? TAG_OR_MENTION.matcher(s).replaceAll(" ")
                : s;
    }
}
