package io.microreach.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.app.users.Role;
import io.microreach.app.users.TokenScope;
import io.microreach.app.users.Workspace;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application × (anonymous, viewer, member of another workspace, member, owner), read from Spring
 * MVC's own route table, so a route added without a rule in {@link RouteAccess} fails here. Each answer is checked
 * against the rule: anonymous callers are sent to sign-in (or get 401/403); a role below the rule gets 403; a caller
 * allowed by the rule is never refused; and the member of another workspace finds this workspace's shortlist unknown
 * (404). Requests carry API tokens (sessions and CSRF are checked in {@code SignInTest}).
 */
class AuthorizationMatrixTest extends SpringAppTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    enum Who {
        ANONYMOUS,
        VIEWER,
        OTHER_WORKSPACE,
        MEMBER,
        OWNER
    }

    private final Map<Who, String> tokens = new LinkedHashMap<>();
    private final Map<Who, String> emails = Map.of(
            Who.VIEWER, "viewer@a.test",
            Who.OTHER_WORKSPACE, "member@b.test",
            Who.MEMBER, "member@a.test",
            Who.OWNER, "owner@a.test");
    private Workspace a;
    private Workspace b;
    private long shortlistId;
    private long campaignId;
    private long campaignCreatorId;
    private long deliverableId;
    private long accountId;
    private String handle;

    @BeforeEach
    void people() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 8, 3);
        accountId = jdbc.queryForObject("SELECT min(id) FROM account WHERE platform = 'instagram'", Long.class);
        handle = jdbc.queryForObject("SELECT handle FROM account WHERE id = ?", String.class, accountId);
        a = workspaces.findOrCreate("matrix-a", "test");
        b = workspaces.findOrCreate("matrix-b", "test");
        for (Who who : List.of(Who.VIEWER, Who.OTHER_WORKSPACE, Who.MEMBER, Who.OWNER)) {
            String email = emails.get(who);
            if (users.find(email).isEmpty()) {
                users.add(email, null, false, "test");
            }
            tokens.put(who, token(who));
        }
    }

    private String token(Who who) {
        String email = emails.get(who);
        Workspace w = who == Who.OTHER_WORKSPACE ? b : a;
        Role role = switch (who) {
            case VIEWER -> Role.VIEWER;
            case OWNER -> Role.OWNER;
            default -> Role.MEMBER;
        };
        users.join(email, w, role, "test");
        TokenScope scope = role == Role.VIEWER ? TokenScope.READ : TokenScope.WRITE;
        return apiTokens.create(email, w.name(), scope, "matrix", "test").token();
    }

    /** Members, roles and this workspace's shortlist as they were: a route before may have changed them. */
    private void restore() {
        users.join(emails.get(Who.VIEWER), a, Role.VIEWER, "test");
        users.join(emails.get(Who.MEMBER), a, Role.MEMBER, "test");
        users.join(emails.get(Who.OWNER), a, Role.OWNER, "test");
        users.join(emails.get(Who.OTHER_WORKSPACE), b, Role.MEMBER, "test");
        List<Long> existing = jdbc.queryForList(
                "SELECT id FROM shortlist WHERE workspace_id = ? AND name = 'Matrix'", Long.class, a.id());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO shortlist (workspace_id, name) VALUES (?, 'Matrix')", a.id());
            existing = jdbc.queryForList(
                    "SELECT id FROM shortlist WHERE workspace_id = ? AND name = 'Matrix'", Long.class, a.id());
        }
        shortlistId = existing.get(0);
        restoreCampaign();
        jdbc.update(
                "INSERT INTO shortlist_entry (workspace_id, shortlist_id, account_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                a.id(),
                shortlistId,
                accountId);
    }

    /** Workspace A's campaign with one creator and one deliverable (a route before may have deleted or moved it). */
    private void restoreCampaign() {
        jdbc.update("DELETE FROM campaign WHERE workspace_id = ? AND name = 'Matrix'", a.id());
        campaignId = jdbc.queryForObject(
                "INSERT INTO campaign (workspace_id, name, budget, currency, landing_url)"
                        + " VALUES (?, 'Matrix', 1000, 'EUR', 'https://shop.example/') RETURNING id",
                Long.class,
                a.id());
        campaignCreatorId = jdbc.queryForObject(
                "INSERT INTO campaign_creator (workspace_id, campaign_id, account_id, platform, handle, tracking_code,"
                        + " promo_code) VALUES (?, ?, ?, 'instagram', ?, 'MatrixCode1', 'MATRIX10') RETURNING id",
                Long.class,
                a.id(),
                campaignId,
                accountId,
                handle);
        deliverableId = jdbc.queryForObject(
                "INSERT INTO campaign_deliverable (workspace_id, campaign_creator_id, platform, format)"
                        + " VALUES (?, ?, 'instagram', 'post') RETURNING id",
                Long.class,
                a.id(),
                campaignCreatorId);
    }

    record Route(String method, String pattern) {}

    List<Route> routeTable() {
        TreeSet<String> seen = new TreeSet<>();
        List<Route> out = new ArrayList<>();
        for (var entry : routes.getHandlerMethods().entrySet()) {
            if (fromTestSources(entry.getValue().getBeanType())) {
                continue; // controllers that tests add to provoke errors
            }
            RequestMappingInfo info = entry.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .toList();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (String method : methods.isEmpty() ? List.of("GET", "POST") : methods) {
                    if (seen.add(method + " " + pattern)) {
                        out.add(new Route(method, pattern));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return out;
    }

    private static boolean fromTestSources(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().toString().contains("test-classes");
    }

    private String path(String pattern) {
        String id = pattern.startsWith("/shortlists") || pattern.startsWith("/api/shortlists")
                ? String.valueOf(shortlistId)
                : pattern.startsWith("/campaigns") || pattern.startsWith("/api/campaigns")
                        ? String.valueOf(campaignId)
                        : String.valueOf(accountId);
        long memberId = users.find(emails.get(Who.MEMBER)).orElseThrow().id();
        return pattern.replace("{platform}", "instagram")
                .replace("{handle}", handle)
                .replace("{accountId}", String.valueOf(accountId))
                .replace("{userId}", String.valueOf(memberId))
                .replace("{component}", "engagement")
                .replace("{token}", "not-a-token")
                .replace("{registration}", "none")
                .replace("{code}", "no-such-code")
                .replace("{key}", "no-such-key")
                .replace("{id}", id)
                .replace("{postId}", "1")
                .replace("{creatorId}", String.valueOf(campaignCreatorId))
                .replace("{deliverableId}", String.valueOf(deliverableId))
                .replace("{kind}", "invitation")
                .replace("{*path}", "x");
    }

    @Test
    void everyRouteHasARuleAndEveryRoleGetsWhatItsRuleSays() {
        List<Route> table = routeTable();
        assertThat(table).hasSizeGreaterThan(60);
        List<String> unruled = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Route r : table) {
            restore();
            String path = path(r.pattern());
            var access = RouteAccess.accessFor(r.method(), path);
            if (access.isEmpty()) {
                unruled.add(r.method() + " " + r.pattern());
                continue;
            }
            for (Who who : Who.values()) {
                HttpResponse<String> answer = send(who, r.method(), path);
                int status = answer.statusCode();
                String expected = expectation(access.get(), who, r.pattern());
                if (!matches(expected, answer)) {
                    wrong.add(r.method() + " " + r.pattern() + " as " + who + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(unruled).as("routes without a rule in RouteAccess").isEmpty();
        assertThat(wrong).as("answers that break the rules").isEmpty();
    }

    @Test
    void anAddressThatIsNoRouteIsNotFoundOnceSignedIn() {
        assertThat(RouteAccess.accessFor("GET", "/api/not-a-route")).isEmpty();
        assertThat(RouteAccess.accessFor("DELETE", "/shortlists")).isEmpty();
        assertThat(WebClient.anonymous(port).get("/api/not-a-route").statusCode())
                .isEqualTo(401);
        assertThat(WebClient.withToken(port, tokens.get(Who.OWNER))
                        .get("/api/not-a-route")
                        .statusCode())
                .isEqualTo(404);
        assertThat(WebClient.withToken(port, tokens.get(Who.OWNER))
                        .json("DELETE", "/api/niches", null)
                        .statusCode())
                .isEqualTo(405);
    }

    /** "refused", "allowed", "hidden" (404) or "any". */
    private static String expectation(RouteAccess.Access access, Who who, String pattern) {
        boolean otherTeamsRow = pattern.contains("shortlists/{id}") || pattern.contains("campaigns/{id}");
        if (access == RouteAccess.Access.PUBLIC) {
            return "any";
        }
        if (who == Who.ANONYMOUS) {
            return "refused";
        }
        return switch (access) {
            case SIGNED_IN -> "allowed";
            case READ -> who == Who.OTHER_WORKSPACE && otherTeamsRow ? "hidden" : "allowed";
            case WRITE ->
                who == Who.VIEWER ? "refused" : who == Who.OTHER_WORKSPACE && otherTeamsRow ? "hidden" : "allowed";
            case OWNER -> who == Who.OWNER ? "allowed" : "refused";
            case ADMIN -> "refused";
            default -> "any";
        };
    }

    /**
     * Refused: 401, 403, or (a page asked for by a browser) a redirect to the sign-in page. Hidden: 404, or 400 when
     * the request body is refused before the row is looked up (which tells nothing about the row either).
     */
    private static boolean matches(String expected, HttpResponse<String> answer) {
        int status = answer.statusCode();
        boolean toSignIn = status == 302
                && answer.headers().firstValue("Location").orElse("").endsWith("/login");
        return switch (expected) {
            case "refused" -> status == 401 || status == 403 || toSignIn;
            case "allowed" -> status != 401 && status != 403 && !toSignIn;
            case "hidden" -> status == 404 || status == 400;
            default -> true;
        };
    }

    private HttpResponse<String> send(Who who, String method, String path) {
        WebClient client =
                who == Who.ANONYMOUS ? WebClient.anonymous(port) : WebClient.withToken(port, tokens.get(who));
        HttpRequest.Builder b = client.request(path);
        boolean api = path.startsWith("/api/");
        if (method.equals("GET")) {
            b.GET();
        } else if (api) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(""));
        }
        return client.send(b.build());
    }
}
