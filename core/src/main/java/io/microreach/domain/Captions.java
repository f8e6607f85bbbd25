package io.microreach.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts hashtags and mentions from caption text, for sources that do not list them separately. */
public final class Captions {
    // Unicode letters so that #naturkosmetik, #maquillaje, #беауті and #料理 all count as hashtags; combining marks
    // (\p{M}) so that #योग, #กิน and decomposed umlauts stay whole (but a mark such as an emoji's
    // variation selector may come right before a tag). A '#' after '/' is a URL fragment, not a tag. The '#' or '@'
    // comes first and the look-behind checks the character before it (same matches as a leading look-behind, but
    // the engine no longer evaluates a look-behind at every position of the caption).
    private static final Pattern HASHTAG =
            Pattern.compile("#(?<![\\p{L}\\p{N}_&/]#)([\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*)");
    private static final Pattern MENTION = Pattern.compile(
            "@(?<![\\p{L}\\p{N}_.]@)([\\p{L}\\p{N}_](?:[\\p{L}\\p{M}\\p{N}_.]*[\\p{L}\\p{M}\\p{N}_])?)");

    private Captions() {}

    /** Distinct hashtags in order of appearance, lower-cased, without {@code #}. */
    public static List<String> hashtags(String text) {
        return extract(HASHTAG, text);
    }

    /** Distinct mentioned handles in order of appearance, lower-cased, without {@code @}. */
    public static List<String> mentions(String text) {
        return extract(MENTION, text);
    }

    private static List<String> extract(Pattern pattern, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(new ArrayList<>(found));
    }
}
