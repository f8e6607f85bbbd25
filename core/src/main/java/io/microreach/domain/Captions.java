package io.microreach.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Extracts hashtags and mentions from caption text, for sources that do not list them separately. */
public final class Captions {
    // Unicode letters so that #naturkosmetik, #maquillaje, #беауті and #料理 all count as hashtags; combining marks
    // (\p{M}) so that #योग, #กิน and decomposed umlauts stay whole (but a mark such as an emoji's
    // variation selector may come right before a tag). A '#' after '/' is a URL fragment, not a tag. The '#' or '@'
    // comes first and the look-behind checks the character before it (same matches as a leading look-behind, but
    // the engine no longer evaluates a look-behind at every position of the caption).
    // These expressions are the definitions; hashtags() and mentions() apply them by hand, because every caption of
    // every creator is scanned at each scoring and the regex engine cost twice as much (CaptionsTest checks one
    // against the other).
    static final Pattern HASHTAG =
            Pattern.compile("#(?<![\\p{L}\\p{N}_&/]#)([\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*)");
    static final Pattern MENTION = Pattern.compile(
            "@(?<![\\p{L}\\p{N}_.]@)([\\p{L}\\p{N}_](?:[\\p{L}\\p{M}\\p{N}_.]*[\\p{L}\\p{M}\\p{N}_])?)");

    private Captions() {}

    /** Distinct hashtags in order of appearance, lower-cased, without {@code #}. */
    public static List<String> hashtags(String text) {
        if (text == null || text.indexOf('#') < 0) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        int n = text.length();
        for (int at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
            // The char before, not the code point: the expression's look-behind sees only the low surrogate of a
            // letter outside the BMP, so such a letter does not block a tag there either.
            if (at > 0 && tagBlocker(text.charAt(at - 1))) {
                continue;
            }
            // The tag is the whole run of tag characters after '#' when the run holds a letter; else no tag here.
            int end = at + 1;
            boolean letter = false;
            while (end < n) {
                int cp = text.codePointAt(end);
                if (!tagPart(cp)) {
                    break;
                }
                letter |= Character.isLetter(cp);
                end += Character.charCount(cp);
            }
            if (letter) {
                found.add(text.substring(at + 1, end).toLowerCase(Locale.ROOT));
                at = end - 1;
            }
        }
        return List.copyOf(found);
    }

    /** Distinct mentioned handles in order of appearance, lower-cased, without {@code @}. */
    public static List<String> mentions(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at + 1 >= n || at > 0 && mentionBlocker(text.charAt(at - 1))) {
                continue;
            }
            int first = text.codePointAt(at + 1);
            if (!handleStart(first)) {
                continue;
            }
            // The handle runs on over letters, marks, digits, '_' and '.', but does not end with a '.'.
            int end = at + 1 + Character.charCount(first);
            int handleEnd = end;
            while (end < n) {
                int cp = text.codePointAt(end);
                if (!tagPart(cp) && cp != '.') {
                    break;
                }
                end += Character.charCount(cp);
                if (cp != '.') {
                    handleEnd = end;
                }
            }
            found.add(text.substring(at + 1, handleEnd).toLowerCase(Locale.ROOT));
            at = handleEnd - 1;
        }
        return List.copyOf(found);
    }

    /** {@code [\p{L}\p{M}\p{N}_]}. */
    private static boolean tagPart(int cp) {
        return cp == '_' || WordChars.letterMarkOrNumber(cp);
    }

    /** {@code [\p{L}\p{N}_]}: what a handle may start with. */
    private static boolean handleStart(int cp) {
        return cp == '_' || WordChars.letterOrNumber(cp);
    }

    /** A character right before '@' that makes it no mention: {@code [\p{L}\p{N}_.]}. */
    private static boolean mentionBlocker(int cp) {
        return cp == '_' || cp == '.' || WordChars.letterOrNumber(cp);
    }

    /** A character right before '#' that makes it no tag: {@code [\p{L}\p{N}_&/]}. */
    private static boolean tagBlocker(int cp) {
        return cp == '_' || cp == '&' || cp == '/' || WordChars.letterOrNumber(cp);
    }
}
