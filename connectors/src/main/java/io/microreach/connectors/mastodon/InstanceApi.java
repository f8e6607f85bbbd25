package io.microreach.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.connectors.RequestBudget;
import io.microreach.connectors.http.JsonHttpClient;
import io.microreach.connectors.http.JsonResponse;
import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST calls of one Mastodon instance that need no login, each returning typed values read from the documented
 * entities ({@code Account}, {@code Status}, {@code Context}). Every call passes through the run's {@link
 * RequestBudget} first, so a budget stop happens before a request is sent. Ids are the instance's database ids; the
 * ids this class hands out are qualified with the instance's host ({@code mastodon.social:109302736583401234}),
 * because another instance gives the same account another id. A field the response lacks stays {@code null}.
 */
final class InstanceApi {
    /** Documented maxima: 40 statuses, 80 accounts, 40 search results per page. */
    static final int MAX_STATUSES = 40;

    static final int MAX_ACCOUNTS = 80;
    static final int MAX_SEARCH = 40;
    /** Descendants the context endpoint returns without a login (methods/statuses#context). */
    static final int PUBLIC_DESCENDANTS = 60;

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private final JsonHttpClient http;
    private final RequestBudget budget;
    private final String host;

    InstanceApi(JsonHttpClient http, RequestBudget budget, String host) {
        this.http = http;
        this.budget = budget;
        this.host = host;
    }

    String host() {
        return host;
    }

    /** The platform id of an instance-local id. */
    String qualify(String localId) {
        return host + ":" + localId;
    }

    /** {@code GET /api/v1/accounts/lookup?acct=}: a local {@code user} or a {@code user@host} the instance knows. */
    Profile lookup(String acct) {
        return profile(
                call("/api/v1/accounts/lookup", Map.of("acct", List.of(acct))).body());
    }

    /** {@code GET /api/v1/accounts/:id}. */
    Profile account(String localId) {
        return profile(call("/api/v1/accounts/" + segment(localId), Map.of()).body());
    }

    /**
     * {@code GET /api/v1/accounts/:id/statuses?exclude_reblogs=true&exclude_replies=true}, newest first, 40 a page.
     * Boosts are other people's posts; replies to others are conversation, not posts. Replies to oneself (threads)
     * still come and are marked as replies.
     */
    Page<Status> statuses(String localId, String maxId) {
        Map<String, List<String>> q = page(MAX_STATUSES, maxId);
        q.put("exclude_reblogs", List.of("true"));
        q.put("exclude_replies", List.of("true"));
        JsonResponse r = call("/api/v1/accounts/" + segment(localId) + "/statuses", q);
        List<Status> out = new ArrayList<>();
        for (JsonNode s : r.body()) {
            Post post = post(s);
            if (post != null && !s.path("reblog").isObject()) {
                Long replies = count(s, "replies_count");
                out.add(new Status(post, text(s, "in_reply_to_id") != null, replies == null ? 0 : replies));
            }
        }
        return new Page<>(out, next(r));
    }

    /**
     * {@code GET /api/v1/statuses/:id/context}: the descendants become comments on {@code root}, a reply to the root
     * without a parent, a reply to a reply with its parent.
     */
    ReplyThread context(String rootLocalId) {
        JsonNode descendants = call("/api/v1/statuses/" + segment(rootLocalId) + "/context", Map.of())
                .body()
                .path("descendants");
        String root = qualify(rootLocalId);
        Set<String> inThread = new HashSet<>();
        inThread.add(rootLocalId);
        for (JsonNode s : descendants) {
            inThread.add(s.path("id").asText());
        }
        List<Comment> out = new ArrayList<>();
        int orphans = 0;
        for (JsonNode s : descendants) {
            String id = text(s, "id");
            JsonNode account = s.path("account");
            String handle = handle(text(account, "acct"));
            Instant created = instant(text(s, "created_at"));
            String parent = text(s, "in_reply_to_id");
            if (id == null || handle == null || created == null) {
                continue;
            }
            if (parent != null && !inThread.contains(parent)) {
                orphans++;
            }
            String author = text(account, "id");
            String caption = caption(s);
            out.add(new Comment(
                    Platform.MASTODON,
                    qualify(id),
                    root,
                    author == null ? null : qualify(author),
                    handle,
                    caption == null ? "" : caption,
                    created,
                    parent == null || parent.equals(rootLocalId) ? null : qualify(parent),
                    count(s, "favourites_count")));
        }
        return new ReplyThread(out, orphans, descendants.size() >= PUBLIC_DESCENDANTS);
    }

    /** {@code GET /api/v1/accounts/:id/followers}, 80 a page, paged by the {@code Link} header. */
    Page<Profile> followers(String localId, String maxId) {
        return accounts(call("/api/v1/accounts/" + segment(localId) + "/followers", page(MAX_ACCOUNTS, maxId)));
    }

    /** {@code GET /api/v1/accounts/:id/following}, 80 a page, paged by the {@code Link} header. */
    Page<Profile> following(String localId, String maxId) {
        return accounts(call("/api/v1/accounts/" + segment(localId) + "/following", page(MAX_ACCOUNTS, maxId)));
    }

    /**
     * {@code GET /api/v2/search?type=accounts}: one page of 40, because without a login the API refuses {@code
     * offset} (methods/search#v2).
     */
    List<Profile> searchAccounts(String keyword) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("q", List.of(keyword));
        q.put("type", List.of("accounts"));
        q.put("limit", List.of(Integer.toString(MAX_SEARCH)));
        JsonNode body = call("/api/v2/search", q).body();
        List<Profile> out = new ArrayList<>();
        for (JsonNode a : body.path("accounts")) {
            Profile p = profile(a);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code GET /api/v1/timelines/tag/:tag}, 40 statuses a page: their authors, in order, once each. */
    Page<Profile> tagAuthors(String tag, String maxId) {
        JsonResponse r = call("/api/v1/timelines/tag/" + segment(tag), page(MAX_STATUSES, maxId));
        Map<String, Profile> authors = new LinkedHashMap<>();
        for (JsonNode s : r.body()) {
            Profile p = profile(s.path("account"));
            if (p != null) {
                authors.putIfAbsent(p.id(), p);
            }
        }
        return new Page<>(List.copyOf(authors.values()), next(r));
    }

    /**
     * {@code GET /api/v1/directory?order=active&local=true}, 80 a page: the instance's own accounts that chose to be
     * listed, most recently active first. Paged by offset; a page shorter than 80 is the last.
     */
    Page<Profile> directory(int offset) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("order", List.of("active"));
        q.put("local", List.of("true"));
        q.put("offset", List.of(Integer.toString(offset)));
        q.put("limit", List.of(Integer.toString(MAX_ACCOUNTS)));
        JsonNode body = call("/api/v1/directory", q).body();
        List<Profile> out = new ArrayList<>();
        for (JsonNode a : body) {
            Profile p = profile(a);
            if (p != null) {
                out.add(p);
            }
        }
        return new Page<>(out, body.size() < MAX_ACCOUNTS ? null : Integer.toString(offset + body.size()));
    }

    private JsonResponse call(String path, Map<String, List<String>> query) {
        budget.spend();
        return http.fetch(path, query);
    }

    private Page<Profile> accounts(JsonResponse r) {
        List<Profile> out = new ArrayList<>();
        for (JsonNode a : r.body()) {
            Profile p = profile(a);
            if (p != null) {
                out.add(p);
            }
        }
        return new Page<>(out, next(r));
    }

    private static String next(JsonResponse r) {
        return LinkHeader.nextMaxId(r.header("Link").orElse(null));
    }

    /** The account, or {@code null} when it lacks an id or an acct. */
    private Profile profile(JsonNode a) {
        String id = text(a, "id");
        String handle = handle(text(a, "acct"));
        if (id == null || handle == null) {
            return null;
        }
        String avatar = text(a, "avatar");
        return new Profile(
                id,
                handle,
                nonBlank(text(a, "display_name")),
                HtmlText.toText(text(a, "note")),
                text(a, "url"),
                link(a.path("fields")),
                avatar,
                avatar == null || avatar.endsWith("/missing.png"),
                count(a, "followers_count"),
                count(a, "following_count"),
                count(a, "statuses_count"),
                a.path("bot").asBoolean(false),
                a.path("locked").asBoolean(false),
                instant(text(a, "created_at")));
    }

    /** The post, or {@code null} when the status lacks what every post must have (id, author, a date). */
    private Post post(JsonNode s) {
        String id = text(s, "id");
        String author = text(s.path("account"), "id");
        Instant published = instant(text(s, "created_at"));
        if (id == null || author == null || published == null) {
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode t : s.path("tags")) {
            String name = nonBlank(text(t, "name"));
            if (name != null) {
                tags.add(name.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> mentions = new LinkedHashSet<>();
        for (JsonNode m : s.path("mentions")) {
            String acct = handle(text(m, "acct"));
            if (acct != null) {
                mentions.add(acct.toLowerCase(Locale.ROOT));
            }
        }
        return new Post(
                Platform.MASTODON,
                qualify(id),
                qualify(author),
                published,
                format(s.path("media_attachments")),
                caption(s),
                List.copyOf(tags),
                List.copyOf(mentions),
                count(s, "favourites_count"),
                count(s, "replies_count"),
                count(s, "reblogs_count"),
                null, // bookmarks are private to the bookmarker
                null, // Mastodon counts no views
                null,
                null, // no paid-partnership label exists
                text(s, "url"));
    }

    /** The text; a content warning ({@code spoiler_text}) is part of what the author wrote, so it leads. */
    private static String caption(JsonNode s) {
        String body = HtmlText.toText(text(s, "content"));
        String warning = nonBlank(text(s, "spoiler_text"));
        if (warning == null) {
            return body;
        }
        return body == null ? warning : warning + "\n\n" + body;
    }

    private static PostFormat format(JsonNode media) {
        int images = 0;
        for (JsonNode m : media) {
            String type = text(m, "type");
            if ("video".equals(type) || "gifv".equals(type)) {
                return PostFormat.VIDEO;
            }
            if ("image".equals(type)) {
                images++;
            }
        }
        return images > 1 ? PostFormat.CAROUSEL : images == 1 ? PostFormat.PHOTO : PostFormat.TEXT;
    }

    /** {@code acct} is {@code user} for local accounts and {@code user@domain} for remote ones. */
    private String handle(String acct) {
        if (acct == null || acct.isBlank()) {
            return null;
        }
        String a = acct.strip();
        return a.indexOf('@') >= 0 ? a : a + "@" + host;
    }

    /** The href of the first verified profile field, else of the first field holding a link. */
    private static String link(JsonNode fields) {
        String first = null;
        for (JsonNode f : fields) {
            Matcher m = HREF.matcher(f.path("value").asText(""));
            if (!m.find()) {
                continue;
            }
            String href = HtmlText.toText(m.group(1)); // decodes &amp; in the URL
            if (text(f, "verified_at") != null) {
                return href;
            }
            if (first == null) {
                first = href;
            }
        }
        return first;
    }

    private static Map<String, List<String>> page(int limit, String maxId) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("limit", List.of(Integer.toString(limit)));
        if (maxId != null) {
            q.put("max_id", List.of(maxId));
        }
        return q;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A count, or {@code null} when absent or negative (-1 is how a server says it hides the number). */
    static Long count(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() && v.asLong() >= 0 ? v.asLong() : null;
    }

    /** Mastodon datetimes are ISO 8601 with a zone; unreadable ones count as absent. */
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
}
