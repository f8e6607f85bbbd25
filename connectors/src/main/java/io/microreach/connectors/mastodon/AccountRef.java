package io.microreach.connectors.mastodon;

import java.net.URI;
import java.util.Locale;

/**
 * How an input names an account of the instance {@code host}: by the instance's id ({@code localId}), or by an
 * {@code acct} for {@code accounts/lookup}, which is the bare username for a local account and {@code user@domain}
 * for a remote one the instance knows.
 */
record AccountRef(String localId, String acct) {

    /**
     * Reads {@code host:123} (a platform id of this instance), {@code user}, {@code @user}, {@code user@domain},
     * {@code @user@domain} and profile URLs {@code https://domain/@user}; {@code null} for anything else, such as a
     * platform id of another instance, whose ids mean nothing here.
     */
    static AccountRef parse(String input, String host) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String s = input.strip();
        if (s.startsWith("https://") || s.startsWith("http://")) {
            return fromUrl(s, host);
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            String id = s.substring(colon + 1);
            boolean ours = s.substring(0, colon).equalsIgnoreCase(host);
            return ours && !id.isEmpty() && id.chars().allMatch(Character::isDigit) ? new AccountRef(id, null) : null;
        }
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        return acct(s, host);
    }

    private static AccountRef fromUrl(String url, String host) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = uri.getPath();
        if (uri.getHost() == null || path == null || !path.startsWith("/@")) {
            return null;
        }
        String user = path.substring(2);
        int slash = user.indexOf('/');
        if (slash >= 0) {
            user = user.substring(0, slash);
        }
        // https://host/@user@other is how an instance links a remote account it shows
        return acct(user.indexOf('@') >= 0 ? user : user + "@" + uri.getHost(), host);
    }

    private static AccountRef acct(String s, String host) {
        int at = s.indexOf('@');
        String user = at < 0 ? s : s.substring(0, at);
        if (user.isEmpty()
                || !user.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
            return null;
        }
        if (at < 0) {
            return new AccountRef(null, user);
        }
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.indexOf('@') >= 0) {
            return null;
        }
        return new AccountRef(null, domain.equals(host.toLowerCase(Locale.ROOT)) ? user : user + "@" + domain);
    }
}
