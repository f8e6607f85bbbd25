package io.microreach.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.search.IndexProgress;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.signals.trust.TrustComponent;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * One missing piece of data never breaks a shared feature. Next to a generated, scored pool, this imports accounts
 * that each lack one thing (an optional account field, a kind of data such as posts or the follower sample, or an
 * optional field of every post, comment or sampled follower), then opens every page, htmx section, API and export for
 * them and for the generated accounts, and checks that none answers 5xx or shows "NaN" or "null" to the user.
 */
class MissingDataTest extends SpringAppTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TAG = Pattern.compile("<script.*?</script>|<[^>]*>", Pattern.DOTALL);
    private static final Pattern SHOWN_NULL = Pattern.compile("\\bnull\\b|\\bNaN\\b|\\bundefined\\b");

    static final List<String> ACCOUNT_FIELDS = List.of(
            "display_name",
            "bio",
            "country",
            "language",
            "following",
            "posts_count",
            "verified",
            "is_business",
            "is_creator",
            "external_url",
            "email",
            "creator",
            "observed_at");
    static final List<String> KINDS = List.of("post", "comment", "follower_sample", "follow_edge", "follower_count");
    static final List<String> POST_FIELDS = List.of(
            "caption",
            "hashtags",
            "mentions",
            "likes",
            "comments",
            "shares",
            "saves",
            "views",
            "followers_at_post",
            "paid_partnership",
            "url");
    static final List<String> COMMENT_FIELDS = List.of("author_id", "parent_id", "likes");
    static final List<String> SAMPLE_FIELDS = List.of(
            "full_name",
            "bio",
            "followers",
            "following",
            "posts_count",
            "has_profile_pic",
            "is_private",
            "verified",
            "external_url",
            "sampled_at");

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    SearchIndex index;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    private WebClient web;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void pool() {
        web = new WebClient(port);
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir.resolve("pool"), 30, 23);
    }

    @Test
    void accountsMissingAnyOneFieldOrKindOfDataBreakNoPageOrApi() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String field : ACCOUNT_FIELDS) {
            lines.addAll(account("no-" + field, Map.of("account", field)));
        }
        for (String kind : KINDS) {
            lines.addAll(account("no-" + kind, Map.of(kind, "*")));
        }
        for (String field : POST_FIELDS) {
            lines.addAll(account("post-no-" + field, Map.of("post", field)));
        }
        for (String field : COMMENT_FIELDS) {
            lines.addAll(account("comment-no-" + field, Map.of("comment", field)));
        }
        for (String field : SAMPLE_FIELDS) {
            lines.addAll(account("sample-no-" + field, Map.of("follower_sample", field)));
        }
        lines.addAll(account("zero-followers", Map.of()).stream()
                .map(l -> l.replace("\"followers\":12000", "\"followers\":0"))
                .toList());
        importAndScore(lines);

        openEverything(sparseHandles());
        assertThat(failures).as("answers with 5xx, NaN or null").isEmpty();
    }

    /** Known crash: the lookalikes box of every creator page failed with NaN in the audience sketch's overlap. */
    @Test
    void anAccountWithFollowersButNoPostsAndNoFollowerSampleBreaksNoPage() throws IOException {
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("type", "account");
        bare.put("platform", "instagram");
        bare.put("id", "bare-9000");
        bare.put("handle", "bare9000");
        bare.put("followers", 9000);
        importAndScore(List.of(JSON.writeValueAsString(bare)));

        openEverything(List.of("bare9000"));
        assertThat(failures).as("answers with 5xx, NaN or null").isEmpty();
    }

    /** Known crash: two accounts with one handle on a platform (a renamed account) made every plan fail. */
    @Test
    void twoAccountsWithTheSameHandleBreakNoPlanOrPage() throws IOException {
        List<String> lines = new ArrayList<>(account("renamed", Map.of()));
        lines.addAll(account("renamed", Map.of()).stream()
                .map(l -> l.replace("\"acc-renamed\"", "\"acc-renamed-2\"")
                        .replace("\"p-renamed-", "\"p2-renamed-")
                        .replace("\"c-renamed-", "\"c2-renamed-"))
                .toList());
        importAndScore(lines);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE handle = 'renamed'", Long.class))
                .isEqualTo(2);

        openEverything(List.of("renamed"));
        assertThat(failures).as("answers with 5xx, NaN or null").isEmpty();
    }

    private List<String> sparseHandles() {
        return jdbc.queryForList(
                "SELECT DISTINCT handle FROM account WHERE platform_id LIKE 'acc-%' ORDER BY handle", String.class);
    }

    /**
     * Every page and API for the given handles and for a few generated accounts, plus a shortlist holding all of
     * them with its overlap, plan and exports, and searches that find them.
     */
    private void openEverything(List<String> handles) {
        List<Long> ids = new ArrayList<>();
        for (String h : handles) {
            ids.addAll(jdbc.queryForList("SELECT id FROM account WHERE handle = ? ORDER BY id", Long.class, h));
        }
        List<Long> others = jdbc.queryForList(
                "SELECT id FROM account WHERE platform_id NOT LIKE 'acc-%' ORDER BY followers DESC LIMIT 4",
                Long.class);
        List<Long> all = new ArrayList<>(ids);
        all.addAll(others);
        for (long id : all) {
            Map<String, Object> a = jdbc.queryForMap("SELECT platform, handle FROM account WHERE id = ?", id);
            String p = (String) a.get("platform");
            String h = (String) a.get("handle");
            page("/creators/" + id);
            page("/creators/" + id + "/lookalikes");
            page("/creators/" + id + "/niches");
            for (TrustComponent c : TrustComponent.values()) {
                // A component without data has no evidence page (404 with a message); it must not fail.
                mayRefuse("/creators/" + id + "/evidence/" + c.id());
            }
            api("/api/accounts/" + p + "/" + h + "/scorecard");
            mayRefuse("/api/accounts/" + p + "/" + h + "/lookalikes");
            api("/api/accounts/" + p + "/" + h + "/audience-lookalikes");
            api("/api/accounts/" + p + "/" + h + "/niches");
            api("/api/accounts/" + p + "/" + h + "/rate-card");
            api("/api/creators/" + id + "/scorecard.csv");
        }

        page("/discover");
        page("/discover?query=" + enc("skincare"));
        page("/discover?query=" + enc(handles.get(0)));
        page("/discover?brief=" + enc("organic vegan skincare in Germany, honest reviews"));
        for (String sort : List.of("trust", "er", "followers", "reply_rate", "suspicious_share", "last_seen")) {
            page("/discover?sort=" + sort);
            mayRefuse("/creators?sort=" + sort);
        }
        page("/creators");
        api("/api/search?limit=500");
        api("/api/search?query=" + enc(handles.get(0)));
        api("/api/search.csv?sort=trust");

        long list = shortlists.create("Everything").id();
        all.forEach(id -> shortlists.add(list, id));
        page("/shortlists?list=" + list);
        page("/shortlists/" + list + "/overlap");
        form("/shortlists/" + list + "/plan", Map.of("budget", "5000", "currency", "USD"));
        form("/shortlists/" + list + "/plan", Map.of("budget", "5000", "objective", "profit"));
        api("/api/shortlists/" + list);
        api("/api/shortlists/" + list + ".csv");
        api("/shortlists/" + list + "/plan.csv?budget=5000");
        List<String> instagram = jdbc.queryForList(
                "SELECT DISTINCT a.handle FROM account a JOIN shortlist_entry e ON e.account_id = a.id"
                        + " WHERE a.platform = 'instagram' ORDER BY a.handle",
                String.class);
        if (instagram.size() >= 2) {
            api("/api/overlap?platform=instagram&handles=" + enc(String.join(",", instagram)));
        }
        check(
                "POST /api/plans",
                web.json("POST", "/api/plans", "{\"budget\": 5000, \"currency\": \"USD\"}"),
                false,
                true);
    }

    /** A page that must work: 200, and nothing shown as null or NaN. */
    private void page(String path) {
        check("GET " + path, web.get(path, Map.of("Accept", "text/html")), true, true);
    }

    /** A page or API that may refuse (4xx with its message) but must not fail. */
    private void mayRefuse(String path) {
        boolean html = !path.startsWith("/api/");
        check("GET " + path, web.get(path, Map.of("Accept", html ? "text/html" : "application/json")), html, false);
    }

    private void api(String path) {
        check("GET " + path, web.get(path), false, true);
    }

    private void form(String path, Map<String, String> fields) {
        check("POST " + path + " " + fields, web.form(path, fields, true), true, true);
    }

    private void check(String what, HttpResponse<String> r, boolean html, boolean mustSucceed) {
        String body = r.body() == null ? "" : r.body();
        String text = TAG.matcher(body).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (r.statusCode() >= 500 || mustSucceed && r.statusCode() != 200) {
            failures.add(what + " -> " + r.statusCode() + " " + text.substring(0, Math.min(200, text.length())));
            return;
        }
        if (html) {
            var m = SHOWN_NULL.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60);
                failures.add(what + " shows '" + m.group() + "': …"
                        + text.substring(from, Math.min(text.length(), m.end() + 60)) + "…");
            }
        } else if (body.contains("NaN") || body.contains("Infinity")) {
            failures.add(what + " has NaN or Infinity in its answer");
        }
    }

    private void importAndScore(List<String> lines) throws IOException {
        Path file = dir.resolve("sparse.jsonl");
        Files.write(file, lines);
        try {
            ImportReport report = importer.importFile(file, ImportProgress.NONE);
            assertThat(report.rejected())
                    .as(report.firstRejections().toString())
                    .isZero();
        } catch (io.microreach.ingest.UnusableInputException e) {
            throw new IllegalStateException(e);
        }
        scorer.scoreAll(ScoringProgress.NONE);
        index.rebuild(IndexProgress.NONE);
    }

    /**
     * A complete account (profile, three posts with comments and a creator reply, three sampled followers with
     * follow edges, three days of follower counts) named {@code handle}, without what {@code drop} names: a record
     * type mapped to one of its fields, or to "*" for no record of that type.
     */
    static List<String> account(String handle, Map<String, String> drop) {
        String id = "acc-" + handle;
        List<Map<String, Object>> records = new ArrayList<>();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "account");
        a.put("platform", "instagram");
        a.put("id", id);
        a.put("handle", handle);
        a.put("display_name", "Sparse " + handle);
        a.put("bio", "Natural skincare and honest reviews");
        a.put("country", "DE");
        a.put("language", "de");
        a.put("followers", 12000);
        a.put("following", 400);
        a.put("posts_count", 120);
        a.put("verified", false);
        a.put("is_business", false);
        a.put("is_creator", true);
        a.put("external_url", "https://example.org/" + handle);
        a.put("email", handle + "@example.org");
        a.put("creator", "person-" + handle);
        a.put("observed_at", "2026-03-02T08:00:00Z");
        records.add(a);
        for (int i = 0; i < 3; i++) {
            String post = "p-" + handle + "-" + i;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", "post");
            p.put("platform", "instagram");
            p.put("id", post);
            p.put("account_id", id);
            p.put("published_at", "2026-02-2" + i + "T18:00:00Z");
            p.put("format", "photo");
            p.put("caption", "Which serum do you use? #skincare #naturkosmetik");
            p.put("hashtags", List.of("skincare", "naturkosmetik"));
            p.put("mentions", List.of());
            p.put("likes", 500 + i * 40);
            p.put("comments", 20 + i);
            p.put("shares", 3);
            p.put("saves", 12);
            p.put("views", 4000);
            p.put("followers_at_post", 11900);
            p.put("paid_partnership", i == 0);
            p.put("url", "https://example.org/p/" + post);
            records.add(p);
            for (int j = 0; j < 2; j++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("type", "comment");
                c.put("platform", "instagram");
                c.put("id", "c-" + handle + "-" + i + "-" + j);
                c.put("post_id", post);
                c.put("author_id", "fan-" + j);
                c.put("author_handle", "fan" + j);
                c.put("text", "Love it, which one?");
                c.put("created_at", "2026-02-2" + i + "T19:0" + j + ":00Z");
                c.put("likes", 2);
                records.add(c);
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("type", "comment");
            reply.put("platform", "instagram");
            reply.put("id", "c-" + handle + "-" + i + "-r");
            reply.put("post_id", post);
            reply.put("author_id", id);
            reply.put("author_handle", handle);
            reply.put("text", "The rosehip one!");
            reply.put("created_at", "2026-02-2" + i + "T20:00:00Z");
            reply.put("parent_id", "c-" + handle + "-" + i + "-0");
            reply.put("likes", 1);
            records.add(reply);
        }
        for (int i = 0; i < 3; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", "follower_sample");
            s.put("platform", "instagram");
            s.put("account_id", id);
            s.put("follower_id", "fan-" + i);
            s.put("handle", "fan" + i);
            s.put("full_name", "Fan " + i);
            s.put("bio", "Tea and yoga");
            s.put("followers", 300);
            s.put("following", 280);
            s.put("posts_count", 40);
            s.put("has_profile_pic", true);
            s.put("is_private", false);
            s.put("verified", false);
            s.put("external_url", "https://example.org/fan" + i);
            s.put("sampled_at", "2026-03-02T08:00:00Z");
            records.add(s);
        }
        records.add(Map.of(
                "type",
                "follow_edge",
                "platform",
                "instagram",
                "account_id",
                id,
                "source_id",
                "fan-0",
                "target_id",
                "fan-1"));
        for (int d = 0; d < 3; d++) {
            records.add(Map.of(
                    "type",
                    "follower_count",
                    "platform",
                    "instagram",
                    "account_id",
                    id,
                    "date",
                    "2026-03-0" + (d + 1),
                    "followers",
                    11950 + d * 25));
        }
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> r : records) {
            String type = (String) r.get("type");
            String dropped = drop.get(type);
            if ("*".equals(dropped) || "comment".equals(type) && "*".equals(drop.get("post"))) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(r);
            if (dropped != null) {
                copy.remove(dropped);
            }
            lines.add(JSON.writeValueAsString(copy));
        }
        return lines;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
