package io.microreach.connectors.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.connectors.ConnectorException;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.http.JsonHttpClient;
import io.microreach.domain.Captions;
import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The YouTube Data API v3 calls the crawl makes, each returning typed values read from the documented resources
 * ({@code youtube#channel}, {@code youtube#playlistItem}, {@code youtube#video}, {@code youtube#commentThread},
 * {@code youtube#searchResult}). Every call first asks the {@link Quota} whether its units fit today, then spends one
 * request of the run's {@link RequestBudget}, so neither stop sends a request. The API key goes as the {@code key}
 * query parameter; the HTTP client redacts it from every message. Counts arrive as JSON strings ({@code
 * "subscriberCount": "4210"}) in channels and videos and as numbers in comments; both are read, and a missing count
 * stays {@code null}.
 */
final class DataApi {
    static final int MAX_IDS = 50;
    static final int MAX_PAGE = 50;
    static final int MAX_COMMENT_PAGE = 100;
    static final int LIST_UNITS = 1;
    static final int SEARCH_UNITS = 100;
    /** The duration up to which an upload is a Short whatever its text says. */
    static final Duration SHORT_MAX = Duration.ofSeconds(60);
    /** Since October 2024 a Short may run 3 minutes; between 60 s and this, {@code #shorts} in its text decides. */
    static final Duration TAGGED_SHORT_MAX = Duration.ofSeconds(180);

    private static final String CHANNEL_PARTS = "snippet,statistics,contentDetails,brandingSettings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonHttpClient http;
    private final String key;
    private final RequestBudget budget;
    private final Quota quota;

    DataApi(JsonHttpClient http, String key, RequestBudget budget, Quota quota) {
        this.http = http;
        this.key = key;
        this.budget = budget;
        this.quota = quota;
    }

    /** The channels among up to 50 ids that exist; unknown ids are simply absent from the answer. */
    List<Channel> channels(List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("channels.list takes at most 50 ids: " + ids.size());
        }
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of(CHANNEL_PARTS));
        q.put("id", List.of(String.join(",", ids))); // maxResults does not apply to an id list
        return channels(call("channels", q, LIST_UNITS));
    }

    /** The channel with this handle ({@code @} optional), or {@code null} when there is none. */
    Channel channelByHandle(String handle) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of(CHANNEL_PARTS));
        q.put("forHandle", List.of(handle.startsWith("@") ? handle : "@" + handle));
        List<Channel> found = channels(call("channels", q, LIST_UNITS));
        return found.isEmpty() ? null : found.get(0);
    }

    Page<Upload> uploads(String playlistId, int maxResults, String pageToken) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("contentDetails"));
        q.put("playlistId", List.of(playlistId));
        q.put("maxResults", List.of(Integer.toString(Math.max(1, Math.min(MAX_PAGE, maxResults)))));
        token(q, pageToken);
        JsonNode body = call("playlistItems", q, LIST_UNITS);
        List<Upload> out = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            JsonNode details = item.path("contentDetails");
            String videoId = text(details, "videoId");
            if (videoId != null) {
                out.add(new Upload(videoId, instant(text(details, "videoPublishedAt"))));
            }
        }
        return new Page<>(out, next(body));
    }

    /** The videos among up to 50 ids that are still available, in the order asked, as posts. */
    List<Post> videos(List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("videos.list takes at most 50 ids: " + ids.size());
        }
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("snippet,statistics,contentDetails"));
        q.put("id", List.of(String.join(",", ids))); // maxResults does not apply to an id list
        JsonNode body = call("videos", q, LIST_UNITS);
        Map<String, Post> byId = new HashMap<>();
        for (JsonNode item : body.path("items")) {
            Post p = post(item);
            if (p != null) {
                byId.put(p.platformId(), p);
            }
        }
        List<Post> out = new ArrayList<>();
        for (String id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    CommentPage commentThreads(String videoId, String pageToken) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("snippet,replies"));
        q.put("videoId", List.of(videoId));
        q.put("maxResults", List.of(Integer.toString(MAX_COMMENT_PAGE)));
        q.put("textFormat", List.of("plainText"));
        token(q, pageToken);
        JsonNode body = call("commentThreads", q, LIST_UNITS);
        List<Comment> out = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode thread : body.path("items")) {
            Comment top = comment(thread.path("snippet").path("topLevelComment"), videoId, null);
            JsonNode replies = thread.path("replies").path("comments");
            if (top == null) {
                // a reply without its top-level comment could not be tied to the thread it answers
                unreadable += 1 + replies.size();
                continue;
            }
            out.add(top);
            for (JsonNode reply : replies) {
                Comment c = comment(reply, videoId, top.platformId());
                if (c == null) {
                    unreadable++;
                } else {
                    out.add(c);
                }
            }
            Long total = count(thread.path("snippet"), "totalReplyCount");
            if (total != null && total > replies.size()) {
                incomplete.add(top.platformId());
            }
        }
        return new CommentPage(out, unreadable, incomplete, next(body));
    }

    /** One page of the replies to a top-level comment ({@code comments.list} with {@code parentId}). */
    Page<Comment> replies(String videoId, String parentId, String pageToken) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("snippet"));
        q.put("parentId", List.of(parentId));
        q.put("maxResults", List.of(Integer.toString(MAX_COMMENT_PAGE)));
        q.put("textFormat", List.of("plainText"));
        token(q, pageToken);
        JsonNode body = call("comments", q, LIST_UNITS);
        List<Comment> out = new ArrayList<>();
        for (JsonNode reply : body.path("items")) {
            Comment c = comment(reply, videoId, parentId);
            if (c != null) {
                out.add(c);
            }
        }
        return new Page<>(out, next(body));
    }

    /** Channel ids of one page of {@code search.list} for {@code type} channel or video (100 units a page). */
    Page<String> search(String keyword, String type, String pageToken) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("snippet"));
        q.put("q", List.of(keyword));
        q.put("type", List.of(type));
        q.put("maxResults", List.of(Integer.toString(MAX_PAGE)));
        token(q, pageToken);
        JsonNode body = call("search", q, SEARCH_UNITS);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : body.path("items")) {
            String id = "channel".equals(type) ? text(item.path("id"), "channelId") : null;
            if (id == null) {
                id = text(item.path("snippet"), "channelId");
            }
            if (id != null) {
                ids.add(id);
            }
        }
        return new Page<>(List.copyOf(ids), next(body));
    }

    /** Channel ids of one page of a channel's public subscriptions (403 {@code subscriptionForbidden} if private). */
    Page<String> subscriptions(String channelId, String pageToken) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("snippet"));
        q.put("channelId", List.of(channelId));
        q.put("maxResults", List.of(Integer.toString(MAX_PAGE)));
        token(q, pageToken);
        JsonNode body = call("subscriptions", q, LIST_UNITS);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : body.path("items")) {
            String id = text(item.path("snippet").path("resourceId"), "channelId");
            if (id != null) {
                ids.add(id);
            }
        }
        return new Page<>(List.copyOf(ids), next(body));
    }

    /** The channels a channel features on its page: its {@code multipleChannels} sections, in one unpaged call. */
    Page<String> featuredChannels(String channelId) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("part", List.of("snippet,contentDetails"));
        q.put("channelId", List.of(channelId));
        JsonNode body = call("channelSections", q, LIST_UNITS);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode section : body.path("items")) {
            if ("multiplechannels".equalsIgnoreCase(text(section.path("snippet"), "type"))) {
                for (JsonNode id : section.path("contentDetails").path("channels")) {
                    if (id.isTextual()) {
                        ids.add(id.asText());
                    }
                }
            }
        }
        return new Page<>(List.copyOf(ids), null);
    }

    private JsonNode call(String resource, Map<String, List<String>> query, int units) {
        quota.check(units);
        budget.spend();
        quota.spend(units);
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.put("key", List.of(key));
        try {
            return http.get("/" + resource, q);
        } catch (ConnectorException e) {
            String reason = reason(e);
            if (e.status() == 403 && ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason))) {
                throw quota.spentByServer(reason);
            }
            throw e;
        }
    }

    /** The first {@code error.errors[].reason} of an error body, or {@code null} when it has none. */
    static String reason(ConnectorException e) {
        if (e.body() == null) {
            return null;
        }
        try {
            JsonNode errors = JSON.readTree(e.body()).path("error").path("errors");
            return errors.isArray() && !errors.isEmpty() ? text(errors.get(0), "reason") : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static List<Channel> channels(JsonNode body) {
        List<Channel> out = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            String id = text(item, "id");
            if (id == null) {
                continue;
            }
            JsonNode snippet = item.path("snippet");
            JsonNode stats = item.path("statistics");
            boolean hidden = stats.path("hiddenSubscriberCount").asBoolean(false);
            String customUrl = text(snippet, "customUrl");
            out.add(new Channel(
                    id,
                    customUrl == null || customUrl.isBlank() ? null : stripAt(customUrl.trim()),
                    text(snippet, "title"),
                    text(snippet, "description"),
                    country(first(
                            text(snippet, "country"),
                            text(item.path("brandingSettings").path("channel"), "country"))),
                    language(first(
                            text(snippet, "defaultLanguage"),
                            text(item.path("brandingSettings").path("channel"), "defaultLanguage"))),
                    hidden ? null : count(stats, "subscriberCount"),
                    hidden,
                    count(stats, "videoCount"),
                    text(item.path("contentDetails").path("relatedPlaylists"), "uploads")));
        }
        return out;
    }

    /** The video as a post, or {@code null} when it lacks what every post needs (id, channel, date). */
    private static Post post(JsonNode item) {
        JsonNode snippet = item.path("snippet");
        JsonNode stats = item.path("statistics");
        String id = text(item, "id");
        String channel = text(snippet, "channelId");
        Instant published = instant(text(snippet, "publishedAt"));
        if (id == null || channel == null || published == null) {
            return null;
        }
        String title = text(snippet, "title");
        String description = text(snippet, "description");
        String caption = caption(title, description);
        List<String> tags = new ArrayList<>();
        for (JsonNode t : snippet.path("tags")) {
            if (t.isTextual()) {
                tags.add(t.asText());
            }
        }
        PostFormat format = format(text(item.path("contentDetails"), "duration"), caption, tags);
        return new Post(
                Platform.YOUTUBE,
                id,
                channel,
                published,
                format,
                caption,
                hashtags(tags, description),
                description == null ? List.of() : Captions.mentions(description),
                count(stats, "likeCount"),
                count(stats, "commentCount"),
                null, // the API reports no shares
                null, // nor saves
                count(stats, "viewCount"),
                null,
                null, // paidProductPlacementDetails is only visible to the video's owner
                format == PostFormat.SHORT
                        ? "https://www.youtube.com/shorts/" + id
                        : "https://www.youtube.com/watch?v=" + id);
    }

    /**
     * SHORT for an upload of at most 60 s, or of at most 180 s that calls itself a Short ({@code #shorts} in its
     * title, description or tags); VIDEO otherwise, and for a live or upcoming broadcast (duration zero or absent).
     * The API has no Shorts flag, so this is the documented proxy.
     */
    static PostFormat format(String isoDuration, String caption, List<String> tags) {
        Duration d;
        try {
            d = isoDuration == null ? Duration.ZERO : Duration.parse(isoDuration);
        } catch (DateTimeParseException e) {
            d = Duration.ZERO;
        }
        if (d.isZero() || d.isNegative()) {
            return PostFormat.VIDEO;
        }
        if (d.compareTo(SHORT_MAX) <= 0) {
            return PostFormat.SHORT;
        }
        boolean tagged = (caption != null && caption.toLowerCase(Locale.ROOT).contains("#shorts"))
                || tags.stream().anyMatch(t -> t.equalsIgnoreCase("shorts") || t.equalsIgnoreCase("#shorts"));
        return tagged && d.compareTo(TAGGED_SHORT_MAX) <= 0 ? PostFormat.SHORT : PostFormat.VIDEO;
    }

    /** Title and description, as a viewer reads them: the caption the core's text signals look at. */
    private static String caption(String title, String description) {
        if (title == null) {
            return description;
        }
        return description == null || description.isBlank() ? title : title + "\n\n" + description;
    }

    /** The video's tags (spaces dropped, lower-cased, as the import format keeps hashtags) and the description's. */
    private static List<String> hashtags(List<String> tags, String description) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String tag = stripPrefix(t.trim(), '#').replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (!tag.isEmpty()) {
                out.add(tag);
            }
        }
        if (description != null) {
            out.addAll(Captions.hashtags(description));
        }
        return List.copyOf(out);
    }

    /**
     * A {@code youtube#comment}, or {@code null} without an author or a date. The display name is the author's
     * handle ({@code @name}) for channels that have one; the channel id stands in when it is missing.
     */
    private static Comment comment(JsonNode node, String videoId, String parentId) {
        String id = text(node, "id");
        JsonNode s = node.path("snippet");
        String authorId = text(s.path("authorChannelId"), "value");
        String display = text(s, "authorDisplayName");
        String handle = display == null || stripAt(display.trim()).isBlank() ? authorId : stripAt(display.trim());
        Instant created = instant(text(s, "publishedAt"));
        if (id == null || handle == null || created == null) {
            return null;
        }
        String text = first(text(s, "textDisplay"), text(s, "textOriginal"));
        String parent = parentId == null ? null : first(text(s, "parentId"), parentId);
        return new Comment(
                Platform.YOUTUBE,
                id,
                videoId,
                authorId,
                handle,
                text == null ? "" : text,
                created,
                parent,
                count(s, "likeCount"));
    }

    private static void token(Map<String, List<String>> q, String pageToken) {
        if (pageToken != null) {
            q.put("pageToken", List.of(pageToken));
        }
    }

    private static String next(JsonNode body) {
        String t = text(body, "nextPageToken");
        return t == null || t.isEmpty() ? null : t;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    /** A count sent as a JSON string of digits (channels, videos) or as a number (comments). */
    static Long count(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isIntegralNumber()) {
            return v.asLong() >= 0 ? v.asLong() : null;
        }
        if (v.isTextual() && !v.asText().isEmpty() && v.asText().chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        return null;
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO 3166-1 alpha-2, upper-cased; anything else is not a country the import format accepts. */
    private static String country(String value) {
        return value != null && value.matches("[A-Za-z]{2}") ? value.toUpperCase(Locale.ROOT) : null;
    }

    /** The ISO 639-1 part of a BCP-47 tag ({@code de}, {@code en-US} → {@code en}); others are dropped. */
    private static String language(String value) {
        if (value == null) {
            return null;
        }
        String primary = value.split("[-_]", 2)[0];
        return primary.matches("[A-Za-z]{2}") ? primary.toLowerCase(Locale.ROOT) : null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String stripAt(String handle) {
        return stripPrefix(handle, '@');
    }

    private static String stripPrefix(String s, char prefix) {
        return !s.isEmpty() && s.charAt(0) == prefix ? s.substring(1) : s;
    }
}
