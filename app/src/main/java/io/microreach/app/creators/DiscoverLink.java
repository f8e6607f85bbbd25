package io.microreach.app.creators;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The creator page's way back to Discover with the user's search: the Discover query string travels in a {@code
 * from} parameter (or comes from a Referer that is a Discover page), and the link is always {@code /discover?…} on
 * this site, whatever the parameter holds.
 */
final class DiscoverLink {
    static final int MAX_QUERY = 4000;

    private DiscoverLink() {}

    /** The query string of a Referer that is this site's Discover page, else {@code null}. */
    static String queryOf(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            if (!"/discover".equals(uri.getPath())) {
                return null;
            }
            return uri.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code /discover} with the query (stripped of a leading '?', '#' fragments and over-long input dropped). */
    static String url(String query) {
        if (query == null) {
            return "/discover";
        }
        String q = query.startsWith("?") ? query.substring(1) : query;
        int hash = q.indexOf('#');
        if (hash >= 0) {
            q = q.substring(0, hash);
        }
        if (q.isBlank() || q.length() > MAX_QUERY) {
            return "/discover";
        }
        return "/discover?" + q;
    }
}
