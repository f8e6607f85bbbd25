package io.microreach.connectors.mastodon;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code max_id} of the {@code rel="next"} link in a {@code Link} header (RFC 8288), which is how Mastodon
 * pages followers, follows, account statuses and timelines: {@code <https://host/api/v1/accounts/1/followers?limit=80
 * &max_id=7486869>; rel="next", <...since_id=...>; rel="prev"}. For followers and follows that id is the id of the
 * follow relation, which no response body carries, so the header is the only way to the next page.
 *
 * <p>Only the {@code max_id} query parameter is read, never the URL itself: the next request goes to the configured
 * base URL (a proxy or a test server) with the connector's own parameters. No library in the module's dependencies
 * parses {@code Link}, and the subset Mastodon sends (comma-separated {@code <uri>; rel="..."} entries, URIs without
 * commas) needs a dozen lines.
 */
final class LinkHeader {
    private LinkHeader() {}

    /** The {@code max_id} of the next page, or {@code null} when there is no next page. */
    static String nextMaxId(String header) {
        if (header == null) {
            return null;
        }
        for (String link : header.split(",")) {
            int open = link.indexOf('<');
            int close = link.indexOf('>', open + 1);
            if (open < 0 || close < 0 || !isNext(link.substring(close + 1))) {
                continue;
            }
            String uri = link.substring(open + 1, close);
            int q = uri.indexOf('?');
            if (q < 0) {
                return null;
            }
            for (String param : uri.substring(q + 1).split("&")) {
                if (param.startsWith("max_id=") && param.length() > "max_id=".length()) {
                    return URLDecoder.decode(param.substring("max_id=".length()), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
        return null;
    }

    private static boolean isNext(String params) {
        for (String p : params.split(";")) {
            String v = p.strip();
            if (v.startsWith("rel=")) {
                String rel = v.substring(4).replace("\"", "");
                for (String r : rel.split(" ")) {
                    if (r.equals("next")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
