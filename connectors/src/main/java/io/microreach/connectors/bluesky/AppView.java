package io.microreach.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.http.JsonHttpClient;
import io.microreach.domain.Captions;
import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The XRPC queries of the public AppView, each returning typed values read from the lexicon's JSON. Every call
 * passes through the run's {@link RequestBudget} first, so a budget stop happens before a request is sent. A field
 * the response does not carry stays {@code null}: a missing {@code likeCount} is "not reported", not zero.
 */
final class AppView {
    static final int MAX_PAGE = 100;
    static final int MAX_PROFILES = 25;

    private final JsonHttpClient http;
    private final RequestBudget budget;

    AppView(JsonHttpClient http, RequestBudget budget) {
        this.http = http;
        this.budget = budget;
    }

    Profile profile(String actor) {
        return profile(call("app.bsky.actor.getProfile", Map.of("actor", List.of(actor))));
    }

    /** Detailed profiles of up to 25 actors; actors the AppView does not know are simply absent. */
    List<Profile> profiles(List<String> actors) {
        if (actors.size() > MAX_PROFILES) {
            throw new IllegalArgumentException("getProfiles takes at most 25 actors: " + actors.size());
        }
        JsonNode body = call("app.bsky.actor.getProfiles", Map.of("actors", actors));
        List<Profile> out = new ArrayList<>();
        for (JsonNode p : body.path("profiles")) {
            out.add(profile(p));
        }
        return out;
    }

    Page<FeedPost> authorFeed(String actor, int limit, String cursor) {
        Map<String, List<String>> q = query("actor", actor, limit, cursor);
        q.put("filter", List.of("posts_no_replies"));
        JsonNode body = call("app.bsky.feed.getAuthorFeed", q);
        List<FeedPost> out = new ArrayList<>();
        for (JsonNode item : body.path("feed")) {
            JsonNode post = item.path("post");
            String author = text(post.path("author"), "did");
            boolean own = item.path("reason").isMissingNode() && actor.equals(author);
            Long replies = count(post, "replyCount");
            Post mapped = post(post);
            if (mapped != null) {
                out.add(new FeedPost(mapped, own, replies == null ? 0 : replies));
            }
        }
        return new Page<>(out, cursor(body));
    }

    ReplyThread thread(String postUri) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("uri", List.of(postUri));
        q.put("depth", List.of("10"));
        q.put("parentHeight", List.of("0"));
        JsonNode root = call("app.bsky.feed.getPostThread", q).path("thread");
        List<Comment> replies = new ArrayList<>();
        int[] deletedAndBlocked = new int[2];
        if (root.has("post")) {
            for (JsonNode reply : root.path("replies")) {
                walk(reply, postUri, null, replies, deletedAndBlocked);
            }
        } else {
            count(root, deletedAndBlocked);
        }
        return new ReplyThread(replies, deletedAndBlocked[0], deletedAndBlocked[1]);
    }

    Page<Profile> followers(String actor, int limit, String cursor) {
        JsonNode body = call("app.bsky.graph.getFollowers", query("actor", actor, limit, cursor));
        return new Page<>(profiles(body.path("followers")), cursor(body));
    }

    Page<Profile> follows(String actor, int limit, String cursor) {
        JsonNode body = call("app.bsky.graph.getFollows", query("actor", actor, limit, cursor));
        return new Page<>(profiles(body.path("follows")), cursor(body));
    }

    Page<Profile> searchActors(String keyword, int limit, String cursor) {
        JsonNode body = call("app.bsky.actor.searchActors", query("q", keyword, limit, cursor));
        return new Page<>(profiles(body.path("actors")), cursor(body));
    }

    /**
     * The authors of the posts matching {@code keyword}, in the order of their first matching post, as plain views
     * (no counts). The AppView ranks by its default ({@code top}); {@code hitsTotal} is not read: the lexicon calls it
     * rounded and possibly unreachable by paging.
     */
    Page<Profile> searchPostAuthors(String keyword, int limit, String cursor) {
        JsonNode body = call("app.bsky.feed.searchPosts", query("q", keyword, limit, cursor));
        List<JsonNode> authors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode post : body.path("posts")) {
            JsonNode author = post.path("author");
            String did = text(author, "did");
            if (did != null && seen.add(did)) {
                authors.add(author);
            }
        }
        return new Page<>(profiles(authors), cursor(body));
    }

    private JsonNode call(String nsid, Map<String, List<String>> query) {
        budget.spend();
        return http.get("/xrpc/" + nsid, query);
    }

    private void walk(JsonNode node, String rootUri, String parentUri, List<Comment> out, int[] deletedAndBlocked) {
        if (!node.has("post")) {
            count(node, deletedAndBlocked);
            return; // a deleted or blocked reply hides its subtree too: the AppView sends no replies under it
        }
        JsonNode post = node.path("post");
        JsonNode author = post.path("author");
        JsonNode record = post.path("record");
        String uri = text(post, "uri");
        Instant created = firstInstant(text(record, "createdAt"), text(post, "indexedAt"));
        if (uri == null || text(author, "handle") == null || created == null) {
            return;
        }
        out.add(new Comment(
                Platform.BLUESKY,
                uri,
                rootUri,
                text(author, "did"),
                text(author, "handle"),
                nonNull(text(record, "text")),
                created,
                parentUri,
                count(post, "likeCount")));
        for (JsonNode reply : node.path("replies")) {
            walk(reply, rootUri, uri, out, deletedAndBlocked);
        }
    }

    private static void count(JsonNode node, int[] deletedAndBlocked) {
        if (node.path("blocked").asBoolean(false)) {
            deletedAndBlocked[1]++;
        } else {
            deletedAndBlocked[0]++;
        }
    }

    /** The post, or {@code null} when the view lacks what every post must have (uri, author, a date). */
    private static Post post(JsonNode post) {
        JsonNode record = post.path("record");
        String caption = text(record, "text");
        String uri = text(post, "uri");
        JsonNode author = post.path("author");
        Instant published = firstInstant(text(record, "createdAt"), text(post, "indexedAt"));
        if (uri == null || text(author, "did") == null || published == null) {
            return null;
        }
        Long reposts = count(post, "repostCount");
        Long quotes = count(post, "quoteCount");
        return new Post(
                Platform.BLUESKY,
                uri,
                text(author, "did"),
                published,
                format(post.path("embed")),
                caption,
                caption == null ? List.of() : Captions.hashtags(caption),
                caption == null ? List.of() : Captions.mentions(caption),
                count(post, "likeCount"),
                count(post, "replyCount"),
                // a repost and a quote both put the post in front of the sharer's followers
                reposts == null ? null : reposts + (quotes == null ? 0 : quotes),
                count(post, "bookmarkCount"),
                null, // the AppView reports no views
                null,
                null, // Bluesky has no paid-partnership label
                webUrl(text(author, "handle"), uri));
    }

    /** The embed decides the format; {@code recordWithMedia} (a quote with media) looks at its media. */
    private static PostFormat format(JsonNode embed) {
        String type = text(embed, "$type");
        if (type == null) {
            return PostFormat.TEXT;
        }
        if (type.startsWith("app.bsky.embed.recordWithMedia")) {
            return format(embed.path("media"));
        }
        if (type.startsWith("app.bsky.embed.video")) {
            return PostFormat.VIDEO;
        }
        if (type.startsWith("app.bsky.embed.images")) {
            return embed.path("images").size() > 1 ? PostFormat.CAROUSEL : PostFormat.PHOTO;
        }
        return PostFormat.TEXT;
    }

    private static String webUrl(String handle, String uri) {
        if (handle == null || uri == null) {
            return null;
        }
        int slash = uri.lastIndexOf('/');
        return "https://bsky.app/profile/" + handle + "/post/" + uri.substring(slash + 1);
    }

    private static List<Profile> profiles(Iterable<JsonNode> array) {
        List<Profile> out = new ArrayList<>();
        for (JsonNode p : array) {
            if (text(p, "did") != null && text(p, "handle") != null) {
                out.add(profile(p));
            }
        }
        return out;
    }

    private static Profile profile(JsonNode p) {
        return new Profile(
                text(p, "did"),
                text(p, "handle"),
                text(p, "displayName"),
                text(p, "description"),
                text(p, "avatar"),
                count(p, "followersCount"),
                count(p, "followsCount"),
                count(p, "postsCount"),
                // the account's createdAt is not read: nothing uses it, and parsing it for every profile of a follows
                // page was a tenth of the crawl's CPU
                "valid".equals(text(p.path("verification"), "verifiedStatus")));
    }

    private static Map<String, List<String>> query(String key, String value, int limit, String cursor) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put(key, List.of(value));
        q.put("limit", List.of(Integer.toString(Math.max(1, Math.min(MAX_PAGE, limit)))));
        if (cursor != null) {
            q.put("cursor", List.of(cursor));
        }
        return q;
    }

    private static String cursor(JsonNode body) {
        String c = text(body, "cursor");
        return c == null || c.isEmpty() ? null : c;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    static Long count(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() && v.asLong() >= 0 ? v.asLong() : null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** AT Protocol datetimes are RFC 3339 with a zone ("Z" or an offset); unreadable ones count as absent. */
    private static Instant firstInstant(String... values) {
        for (String v : values) {
            if (v == null) {
                continue;
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                // try the next candidate
            }
        }
        return null;
    }
}
