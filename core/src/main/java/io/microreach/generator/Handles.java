package io.microreach.generator;

import io.microreach.domain.Platform;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Handle spelling. Creators build handles from their name and niche words; audience members from their name, fitted
 * to a target length and digit count drawn from the calibrated profile model (short, few digits); bots from farm
 * styles (syllable strings, words, digit runs) fitted the same way to the fake-class lengths and digit shares.
 * Platform rules: Instagram/TikTok/YouTube allow letters, digits, dots and underscores (30 characters, TikTok 24);
 * Bluesky handles are domain names, here {@code name.bsky.social}.
 */
final class Handles {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> ASCII = new ConcurrentHashMap<>();
    private static final String[] CREATOR_TEMPLATES = {
        "{first}{last}",
        "{first}.{last}",
        "{first}_{last}",
        "{first}.{word}",
        "{word}with{first}",
        "{first}{word}",
        "the{first}{last}",
        "{first}.{last}{yy}",
        "{first}_{word}_{cc}",
        "{first}{last}.{word}",
        "{word}.by.{first}",
        "{first}.{last}.{word}"
    };
    private static final String CONSONANTS = "bcdfghjklmnprstvwxz";
    private static final String VOWELS = "aeiouy";

    private Handles() {}

    /** Lower-case ASCII letters and digits only: "Müller" becomes "muller", "Jiménez" "jimenez". */
    static String ascii(String text) {
        String known = ASCII.get(text);
        if (known != null) {
            return known;
        }
        String folded = fold(text);
        // Only phrase-bank words are remembered (names, niche words), so the map stays small.
        if (ASCII.size() < 10_000) {
            ASCII.put(text, folded);
        }
        return folded;
    }

    private static String fold(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("æ", "ae");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String creator(String first, String last, String word, String country, Rng rng) {
        String template = CREATOR_TEMPLATES[rng.below(CREATOR_TEMPLATES.length)];
        String yy = String.format(Locale.ROOT, "%02d", rng.intBetween(80, 109) % 100);
        return template.replace("{first}", ascii(first))
                .replace("{last}", ascii(last))
                .replace("{word}", ascii(word))
                .replace("{yy}", yy)
                .replace("{cc}", country.toLowerCase(Locale.ROOT));
    }

    /** Applies the platform's character set and length rules to a handle built for Instagram. */
    static String forPlatform(String handle, Platform platform) {
        boolean bluesky = platform == Platform.BLUESKY;
        StringBuilder sb = new StringBuilder(handle.length() + 12);
        for (int i = 0; i < handle.length(); i++) {
            char c = Character.toLowerCase(handle.charAt(i));
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!bluesky && (c == '.' || c == '_'));
            if (keep) {
                sb.append(c);
            }
        }
        String h = sb.toString();
        return switch (platform) {
            case BLUESKY -> (h.length() > 20 ? h.substring(0, 20) : h) + ".bsky.social";
            case TIKTOK -> trim(h, 24);
            default -> trim(h, 30);
        };
    }

    /** A person's handle from their name, fitted to {@code length} characters of which {@code digits} are digits. */
    static String person(String first, String last, int length, int digits, Rng rng) {
        String f = ascii(first);
        String l = ascii(last);
        String base = switch (rng.below(6)) {
            case 0 -> f + l;
            case 1 -> f + "." + l;
            case 2 -> f + "_" + l;
            case 3 -> f + l.charAt(0);
            case 4 -> f.charAt(0) + l;
            default -> l + "." + f;
        };
        return fit(base, length, digits, rng, f + l);
    }

    /** A bot handle in one of the farm styles, fitted to the drawn length and digit count. */
    static String bot(
            int style, List<String> syllables, List<String> words, String name, int length, int digits, Rng rng) {
        StringBuilder sb = new StringBuilder();
        switch (style) {
            case 0 -> {
                while (sb.length() < length) {
                    sb.append(rng.pick(syllables));
                }
            }
            case 1 ->
                sb.append(ascii(name)).append('_').append(rng.pick(syllables)).append(rng.pick(syllables));
            case 2 ->
                sb.append(rng.pick(words))
                        .append('.')
                        .append(rng.pick(syllables))
                        .append(rng.pick(syllables));
            default -> {
                for (int i = 0; i < length; i++) {
                    sb.append(
                            i % 3 == 1
                                    ? VOWELS.charAt(rng.below(VOWELS.length()))
                                    : CONSONANTS.charAt(rng.below(CONSONANTS.length())));
                }
            }
        }
        return fit(sb.toString(), length, digits, rng, "x");
    }

    /**
     * Cuts or pads {@code base} to {@code length - digits} characters and adds the digits, as a year ("94", "2001")
     * or a random run. Separators never end up at the edges.
     */
    private static String fit(String base, int length, int digits, Rng rng, String padSource) {
        int letters = Math.max(3, length - digits);
        StringBuilder sb = new StringBuilder(base.length() > letters ? base.substring(0, letters) : base);
        int p = 0;
        boolean separated = base.indexOf('_') >= 0 || base.indexOf('.') >= 0;
        while (sb.length() < letters) {
            if (!separated && sb.length() > 2 && rng.chance(0.3)) {
                sb.append('_');
                separated = true;
            } else {
                sb.append(padSource.charAt(p++ % padSource.length()));
            }
        }
        while (sb.length() > 0 && (sb.charAt(sb.length() - 1) == '.' || sb.charAt(sb.length() - 1) == '_')) {
            sb.setCharAt(sb.length() - 1, 'x');
        }
        if (sb.charAt(0) == '.' || sb.charAt(0) == '_') {
            sb.setCharAt(0, 'x');
        }
        if (digits > 0) {
            if ((digits == 2 || digits == 4) && rng.chance(0.5)) {
                int year = rng.intBetween(1970, 2010);
                String y = Integer.toString(year);
                sb.append(digits == 2 ? y.substring(2) : y);
            } else {
                for (int i = 0; i < digits; i++) {
                    sb.append((char) ('0' + rng.below(10)));
                }
            }
        }
        return sb.toString();
    }

    private static String trim(String h, int max) {
        String out = h.length() > max ? h.substring(0, max) : h;
        while (out.endsWith(".") || out.endsWith("_")) {
            out = out.substring(0, out.length() - 1);
        }
        return out.isEmpty() ? "user" : out;
    }
}
