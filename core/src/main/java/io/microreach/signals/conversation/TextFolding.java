package io.microreach.signals.conversation;

import io.microreach.domain.WordChars;
import io.microreach.signals.AccentFolding;
import io.microreach.signals.LiteralPrefilter;
import java.util.regex.Pattern;

/**
 * Text preparation shared by the caption and comment rules. Folding keeps the length of the text (one char in, one
 * char out) so that a match on folded text points at the same characters of the original.
 */
final class TextFolding {
    // A '?' inside a link (?ref=, ?utm_source=) is not a question, and niche hashtags such as #fitnesstips sit on
    // nearly every post of a niche, so links, hashtags and mentions are blanked before any rule looks at the text.
    static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b(?:[a-z0-9-]+\\.)+[a-z]{2,}/\\S*");
    static final Pattern TAG_OR_MENTION = Pattern.compile("[#@][\\p{L}\\p{M}\\p{N}_.]+");

    private TextFolding() {}

    /** Lower case without accents ("Código" → "codigo"), same length as the input ({@link AccentFolding}). */
    static String fold(String text) {
        return AccentFolding.fold(text);
    }

    /** The text with links, hashtags and mentions replaced by spaces. */
    static String prose(String text) {
        // The checks skip patterns that cannot match (most texts have no link, many no tag): same result, less work.
        String s = LiteralPrefilter.mayHoldLink(text) ? LINK.matcher(text).replaceAll(" ") : text;
        return s.indexOf('#') >= 0 || s.indexOf('@') >= 0 ? blankTagsAndMentions(s) : s;
    }

    /**
     * {@code TAG_OR_MENTION.matcher(text).replaceAll(" ")}, written out: every caption has hashtags, and the regex
     * engine's replacement was a tenth of caption analysis. The regex stays as the reference of the tests.
     */
    static String blankTagsAndMentions(String text) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '#' || c == '@') && i + 1 < n) {
                int end = i + 1;
                while (end < n) {
                    int cp = text.codePointAt(end); // the run is [\p{L}\p{M}\p{N}_.]+
                    if (cp != '_' && cp != '.' && !WordChars.letterMarkOrNumber(cp)) {
                        break;
                    }
                    end += Character.charCount(cp);
                }
                if (end > i + 1) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(text, copied, i).append(' ');
                    copied = end;
                    i = end - 1;
                }
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** Whether the text has a question mark ({@code ?}, {@code ¿} or the full-width {@code ？}). */
    static boolean hasQuestionMark(String text) {
        return text.indexOf('?') >= 0 || text.indexOf('¿') >= 0 || text.indexOf('？') >= 0;
    }
}
