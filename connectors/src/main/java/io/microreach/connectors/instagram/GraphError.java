package io.microreach.connectors.instagram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph API error answer, classified by what the crawl must do about it. The Graph API reports errors as
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}} with HTTP 400 or 403 (rate limits
 * included), which the HTTP client treats as final; this class reads the code back from the failure so that the
 * crawl can tell a missing account from a spent rate limit or a dead token. Its message never holds the request
 * URL, because the URL carries the access token.
 */
final class GraphError extends RuntimeException {

    enum Kind {
        /** No professional account of that username: a personal account, a typo, a deleted or age-gated one. */
        NOT_FOUND,
        /** The app user's token expired, was revoked or lacks a permission: every further call fails alike. */
        TOKEN,
        /** A Graph API rate limit is reached: further calls fail until its window has moved on. */
        RATE_LIMIT,
        /** Any other refusal; the account is reported and left open for the next run. */
        OTHER
    }

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d+)");
    private static final Pattern SUBCODE = Pattern.compile("\"error_subcode\"\\s*:\\s*(\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Kind kind;
    private final int status;
    private final Integer code;
    private final Integer subcode;

    private GraphError(Kind kind, int status, Integer code, Integer subcode, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.subcode = subcode;
    }

    Kind kind() {
        return kind;
    }

    Integer code() {
        return code;
    }

    Integer subcode() {
        return subcode;
    }

    int status() {
        return status;
    }

    /**
     * Classifies a failed answer from its HTTP status and the text the client kept of its body (the Graph error
     * JSON, possibly cut short: the code and subcode come early in it).
     */
    static GraphError of(int status, String text, String redactedFallback) {
        String body = text == null ? "" : text;
        Integer code = number(CODE, body);
        Integer subcode = number(SUBCODE, body);
        Matcher m = MESSAGE.matcher(body);
        String graphMessage = m.find() ? m.group(1) : null;
        Kind kind = classify(code, subcode);
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            sb.append(", Graph API error ").append(code);
            if (subcode != null) {
                sb.append('/').append(subcode);
            }
        }
        if (graphMessage != null) {
            sb.append(": ").append(graphMessage);
        } else if (code == null && redactedFallback != null) {
            sb.append(": ").append(redactedFallback);
        }
        return new GraphError(kind, status, code, subcode, sb.toString());
    }

    /** A 200 answer that holds no account: treated like the Graph API's own "no such professional account". */
    static GraphError notFound(String message) {
        return new GraphError(Kind.NOT_FOUND, 200, null, null, message);
    }

    private static Kind classify(Integer code, Integer subcode) {
        if (code == null) {
            return Kind.OTHER;
        }
        return switch (code) {
            // 110 "Invalid user id" with subcode 2207013 is Business Discovery's answer for a username that is no
            // professional account (a personal account and a non-existent one read the same); 100 with subcode
            // 2207013 is the same answer under the generic invalid-parameter code
            case 110 -> Kind.NOT_FOUND;
            case 100 -> subcode != null && subcode == 2207013 ? Kind.NOT_FOUND : Kind.OTHER;
            // 190: token expired, revoked or invalid; 102: session invalid; 10 and 200-299: a permission is missing,
            // so every call with the same fields fails alike
            case 190, 102, 10 -> Kind.TOKEN;
            // 4 app-level, 17 user-level, 32 page-level, 613 custom rate limit; 80002 the Instagram business
            // use-case limit
            case 4, 17, 32, 613, 80002 -> Kind.RATE_LIMIT;
            default -> code >= 200 && code <= 299 ? Kind.TOKEN : Kind.OTHER;
        };
    }

    private static Integer number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            return null;
        }
        try {
            return Integer.valueOf(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
