package io.microreach.connectors.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.http.JsonHttpClient;
import io.microreach.domain.Captions;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one Graph API call this connector makes, Business Discovery, read into typed values.
 *
 * <p>{@code GET /{app user's ig-user-id}?fields=business_discovery.username(NAME){...}} returns the public fields of
 * another professional account and, through field expansion, a page of its media ({@code media.limit(N){...}},
 * the next page with {@code media.after(CURSOR).limit(N){...}}, the cursor read from {@code
 * business_discovery.media.paging.cursors.after}). Every call passes through the run's {@link RequestBudget} first,
 * so a budget stop happens before a request is sent. A field the answer does not carry stays {@code null}: a media
 * object whose owner hides its likes has no {@code like_count}, which is "not reported", not zero.
 *
 * <p>The access token travels as the {@code access_token} query parameter, as the Graph API documents; failures are
 * rethrown as {@link GraphError}, whose message is built from the Graph error's code and text and never from the
 * request URL, and any other text is passed through {@link #redact} first.
 */
final class GraphApi {
    /** Media per page; Business Discovery pages are small, and 50 keeps a default crawl at one call per account. */
    static final int MAX_PAGE = 50;

    static final String PROFILE_FIELDS =
            "id,username,name,biography,website,followers_count,follows_count,media_count,profile_picture_url";
    static final String MEDIA_FIELDS =
            "id,caption,comments_count,like_count,media_type,media_product_type,timestamp,permalink";

    /** The Graph API writes timestamps as {@code 2024-11-18T06:45:10+0000}: an offset without a colon. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssZ");

    /**
     * Graph cursors are URL-safe base64; anything else could not be put into {@code media.after(...)} without
     * changing the field expression, so it ends the paging instead.
     */
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,1000}");

    private static final Pattern TOKEN_PARAM = Pattern.compile("access_token=[^&\\s\"]*");

    private final JsonHttpClient http;
    private final RequestBudget budget;
    private final String accessToken;
    private final String businessAccountId;

    GraphApi(JsonHttpClient http, RequestBudget budget, String accessToken, String businessAccountId) {
        this.http = http;
        this.budget = budget;
        this.accessToken = accessToken;
        this.businessAccountId = businessAccountId;
    }

    /**
     * Looks a professional account up by username.
     *
     * @param mediaLimit media to ask for; 0 asks for the profile alone
     * @param after the media cursor of the page to read; {@code null} for the newest media
     * @param fullProfile whether to ask for every profile field, or only the id and username (later pages)
     */
    Discovered discover(String username, int mediaLimit, String after, boolean fullProfile) {
        StringBuilder fields = new StringBuilder("business_discovery.username(")
                .append(username)
                .append("){")
                .append(fullProfile ? PROFILE_FIELDS : "id,username");
        if (mediaLimit > 0) {
            fields.append(",media");
            if (after != null) {
                fields.append(".after(").append(after).append(')');
            }
            fields.append(".limit(").append(Math.min(MAX_PAGE, mediaLimit)).append("){");
            fields.append(MEDIA_FIELDS).append('}');
        }
        fields.append('}');
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("fields", List.of(fields.toString()));
        query.put("access_token", List.of(accessToken));
        budget.spend();
        JsonNode body;
        try {
            body = http.get("/" + businessAccountId, query);
        } catch (ConnectorException e) {
            throw GraphError.of(e.status(), e.getMessage(), redact(e.getMessage()));
        }
        JsonNode bd = body.path("business_discovery");
        if (!bd.isObject()) {
            // a 200 without the object names no account to store; asking again would get the same answer
            throw GraphError.notFound("the answer holds no business_discovery object");
        }
        Profile profile = profile(bd);
        List<Post> posts = new ArrayList<>();
        int skipped = 0;
        for (JsonNode m : bd.path("media").path("data")) {
            Post p = post(m, profile.id());
            if (p == null) {
                skipped++;
            } else {
                posts.add(p);
            }
        }
        JsonNode paging = bd.path("media").path("paging");
        String cursor = text(paging.path("cursors"), "after");
        // The Graph API marks a last page by leaving out paging.next, yet may still send an after cursor; a page
        // shorter than asked for without a next link is the end as well. The next URL itself is of no use: it
        // names the other account's /media edge, which this token may not read, so paging goes through
        // media.after(CURSOR) in the same field expansion.
        boolean more = cursor != null
                && CURSOR.matcher(cursor).matches()
                && (text(paging, "next") != null || posts.size() + skipped >= Math.min(MAX_PAGE, mediaLimit));
        return new Discovered(profile, posts, more ? cursor : null, skipped);
    }

    /** The text with the token and any {@code access_token} parameter blanked out, for problems and messages. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = TOKEN_PARAM.matcher(text).replaceAll("access_token=REDACTED");
        return accessToken.isEmpty() ? out : out.replace(accessToken, "REDACTED");
    }

    private static Profile profile(JsonNode bd) {
        String picture = text(bd, "profile_picture_url");
        return new Profile(
                text(bd, "id"),
                text(bd, "username"),
                text(bd, "name"),
                text(bd, "biography"),
                text(bd, "website"),
                count(bd, "followers_count"),
                count(bd, "follows_count"),
                count(bd, "media_count"),
                picture != null && !picture.isEmpty());
    }

    /** The post, or {@code null} when the media object lacks what every post needs (an id, a date, a known type). */
    private static Post post(JsonNode m, String owner) {
        String id = text(m, "id");
        Instant published = instant(text(m, "timestamp"));
        PostFormat format = format(text(m, "media_type"), text(m, "media_product_type"));
        if (id == null || owner == null || published == null || format == null) {
            return null;
        }
        String caption = text(m, "caption");
        return new Post(
                Platform.INSTAGRAM,
                id,
                owner,
                published,
                format,
                caption,
                caption == null ? List.of() : Captions.hashtags(caption),
                caption == null ? List.of() : Captions.mentions(caption),
                count(m, "like_count"), // absent when the owner hides like counts
                count(m, "comments_count"),
                null, // shares are not public on Instagram
                null, // nor saves
                null, // nor views or reach through Business Discovery at this version
                null,
                null, // the paid-partnership label is not exposed for other accounts' media
                text(m, "permalink"));
    }

    /**
     * IMAGE is a photo, CAROUSEL_ALBUM a carousel; a VIDEO is a reel when its product type says REELS, a story
     * when it says STORY, and a feed video otherwise. An unknown type gives {@code null}: the post is skipped and
     * counted rather than filed under a format it may not have.
     */
    static PostFormat format(String mediaType, String productType) {
        if ("STORY".equals(productType)) {
            return PostFormat.STORY;
        }
        if (mediaType == null) {
            return null;
        }
        return switch (mediaType) {
            case "IMAGE" -> PostFormat.PHOTO;
            case "CAROUSEL_ALBUM" -> PostFormat.CAROUSEL;
            case "VIDEO" -> "REELS".equals(productType) ? PostFormat.REEL : PostFormat.VIDEO;
            default -> null;
        };
    }

    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    static Long count(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() && v.asLong() >= 0 ? v.asLong() : null;
    }
}
