package io.microreach.connectors.instagram;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the account names users paste: {@code lena.kocht}, {@code @lena.kocht}, {@code
 * https://www.instagram.com/lena.kocht/} (with or without {@code www.}, {@code m.}, a query or a trailing slash).
 * Instagram usernames are at most 30 letters, digits, periods and underscores, compared without case; anything
 * else is refused before a request is spent, which also keeps the name from breaking out of the {@code
 * username(...)} field expression it is put in.
 */
final class Usernames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9._]{1,30}");
    private static final Pattern PROFILE_URL =
            Pattern.compile("(?i)^(?:https?://)?(?:www\\.|m\\.)?instagram\\.com/([^/?#]+)/?(?:[?#].*)?$");

    private Usernames() {}

    /** The username in lower case, or {@code null} when the input names no valid Instagram username. */
    static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String s = input.trim();
        var url = PROFILE_URL.matcher(s);
        if (url.matches()) {
            s = url.group(1);
        }
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        s = s.toLowerCase(Locale.ROOT);
        return valid(s) ? s : null;
    }

    static boolean valid(String username) {
        return username != null && VALID.matcher(username).matches();
    }
}
