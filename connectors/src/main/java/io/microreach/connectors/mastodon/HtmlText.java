package io.microreach.connectors.mastodon;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML Mastodon sends for bios ({@code note}) and posts ({@code content}) into the plain text the core's
 * caption and bio signals read: tags dropped, entities decoded, {@code <br>} as a line break and paragraphs separated
 * by a blank line.
 *
 * <p>Why not an HTML parser: none is on this module's classpath, and the input is not arbitrary HTML but the small,
 * sanitised subset a Mastodon server emits: {@code p} and {@code br}, links ({@code a}) with {@code span}s inside,
 * and since 4.2 a few formatting tags ({@code blockquote}, {@code pre}, lists, emphasis) that remote servers may send
 * (Mastodon's {@code Sanitize::Config::MASTODON_STRICT}).
 * Attribute values there never contain a raw {@code >} (the sanitiser escapes it), so a tag ends at the first
 * {@code >}. Links are written as {@code <span class="invisible">https://</span><span class="ellipsis">host/pa</span>
 * <span class="invisible">th</span>}; dropping the tags joins the parts back into the whole URL.
 */
final class HtmlText {
    private static final Map<String, String> ENTITIES =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

    private static final Set<String> BLOCKS = Set.of("p", "blockquote", "pre", "ul", "ol");

    private HtmlText() {}

    /** The text of {@code html}; {@code null} for {@code null}, and blank text becomes {@code null} too. */
    static String toText(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break; // a cut-off tag at the end: drop it
                }
                String tag = tagName(html, i + 1, end);
                if (tag.equals("br") || tag.equals("li")) {
                    out.append('\n');
                } else if (BLOCKS.contains(tag) && out.length() > 0) {
                    out.append("\n\n");
                }
                i = end + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                String decoded = semi > i && semi - i <= 10 ? entity(html.substring(i + 1, semi)) : null;
                if (decoded == null) {
                    out.append('&');
                    i++;
                } else {
                    out.append(decoded);
                    i = semi + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        String text = out.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The lower-cased name of an opening tag; closing tags, comments and the like give "". */
    private static String tagName(String html, int from, int end) {
        int i = from;
        while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private static String entity(String name) {
        if (name.startsWith("#x") || name.startsWith("#X")) {
            return codePoint(name.substring(2), 16);
        }
        if (name.startsWith("#")) {
            return codePoint(name.substring(1), 10);
        }
        return ENTITIES.get(name);
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
