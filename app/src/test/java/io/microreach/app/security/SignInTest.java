package io.microreach.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.users.OneTimeLink;
import io.microreach.app.users.Role;
import io.microreach.app.users.TokenScope;
import io.microreach.app.users.Workspace;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-in as a browser does it: sessions, the CSRF token on every state-changing request, the lock after repeated
 * wrong passwords, one-time links, invitations, password reset, first-run setup, and what tokens may not do.
 */
class SignInTest extends SpringAppTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    FirstSignIn firstSignIn;

    /** A browser: keeps cookies, does not follow redirects. */
    final class Browser {
        final WebClient web = WebClient.withCookies(port);

        HttpResponse<String> get(String path) {
            return web.get(path);
        }

        HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = web.request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(b::header);
            return web.send(b.build());
        }

        /** The CSRF token of a page's form. */
        String csrf(String page) {
            Matcher m = CSRF_FIELD.matcher(get(page).body());
            assertThat(m.find()).as("a CSRF field on " + page).isTrue();
            return m.group(1);
        }

        HttpResponse<String> signIn(String email, String password) {
            return post("/login", Map.of("email", email, "password", password, "_csrf", csrf("/login")), Map.of());
        }

        HttpResponse<String> send(HttpRequest request) {
            return web.send(request);
        }
    }

    private String user(String email, String password, String workspace, Role role) {
        if (users.find(email).isEmpty()) {
            users.add(email, password.toCharArray(), false, "test");
        }
        users.join(email, workspaces.findOrCreate(workspace, "test"), role, "test");
        return email;
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void anonymousApiCallsGet401AndPagesSendToTheSignInPage() {
        WebClient anonymous = WebClient.anonymous(port);
        HttpResponse<String> search = anonymous.get("/api/search");
        assertThat(search.statusCode()).isEqualTo(401);
        assertThat(search.body()).contains("Bearer");
        HttpResponse<String> discover = anonymous.get("/discover");
        assertThat(discover.statusCode()).isEqualTo(302);
        assertThat(location(discover)).endsWith("/login");
        assertThat(anonymous.get("/login").body()).contains("Sign in to microreach");
        assertThat(anonymous.get("/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInBrowserNeedsTheCsrfTokenForEveryChange() {
        String email = user("csrf@a.test", "correct horse 1", "default", Role.MEMBER);
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn(email, "correct horse 1");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).endsWith("/discover");
        HttpResponse<String> page = browser.get("/shortlists");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email);

        // Without the token: refused, nothing stored.
        HttpResponse<String> forged = browser.post("/shortlists", Map.of("name", "Forged"), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shortlist WHERE name = 'Forged'", Integer.class))
                .isZero();

        // With the form's token, and as htmx sends it: the page's meta tag in a header.
        Matcher meta = CSRF_META.matcher(page.body());
        assertThat(meta.find()).isTrue();
        HttpResponse<String> viaHeader = browser.post(
                "/shortlists",
                Map.of("name", "Via header"),
                Map.of("X-CSRF-TOKEN", meta.group(1), "HX-Request", "true"));
        assertThat(viaHeader.statusCode()).isLessThan(400);
        HttpResponse<String> viaField = browser.post(
                "/shortlists", Map.of("name", "Via field", "_csrf", browser.csrf("/shortlists")), Map.of());
        assertThat(viaField.statusCode()).isLessThan(400);
        assertThat(jdbc.queryForList("SELECT name FROM shortlist WHERE name LIKE 'Via %' ORDER BY name", String.class))
                .containsExactly("Via field", "Via header");
        jdbc.update("DELETE FROM shortlist WHERE name LIKE 'Via %'");
    }

    @Test
    void everyStateChangingRouteRefusesASessionWithoutTheCsrfToken() {
        String email = user("csrf-sweep@a.test", "correct horse 2", "default", Role.OWNER);
        Browser browser = new Browser();
        assertThat(browser.signIn(email, "correct horse 2").statusCode()).isEqualTo(302);
        List<String> accepted = new ArrayList<>();
        for (RouteAccess.Rule rule : RouteAccess.rules()) {
            if (rule.method() == null
                    || rule.method().name().equals("GET")
                    || rule.method().name().equals("HEAD")) {
                continue;
            }
            if (rule.pattern().startsWith("/api/webhooks/")) {
                // Exempt by design: shops carry no browser state, the signature is the credential (WebhookTest
                // checks that an unsigned or wrongly signed delivery is refused and stores nothing).
                continue;
            }
            String path = rule.pattern().replaceAll("\\{[^}]+}", "1");
            HttpRequest request = browser.web
                    .request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(rule.method().name(), HttpRequest.BodyPublishers.ofString("name=x"))
                    .build();
            int status = browser.send(request).statusCode();
            if (status != 403) {
                accepted.add(rule.method() + " " + path + " -> " + status);
            }
        }
        assertThat(accepted)
                .as("state-changing requests accepted without a CSRF token")
                .isEmpty();
    }

    @Test
    void aHundredWrongPasswordsLockOnlyTheAttackedAccountAndAreLogged() {
        String victim = user("victim@a.test", "victim password", "default", Role.MEMBER);
        String bystander = user("bystander@a.test", "bystander password", "default", Role.MEMBER);
        jdbc.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE email = ?", victim);
        long before = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE target = ? AND action IN ('signin.failed', 'signin.refused')",
                Long.class,
                victim);

        Browser attacker = new Browser();
        String token = attacker.csrf("/login");
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = attacker.post(
                    "/login", Map.of("email", victim, "password", "guess " + i, "_csrf", token), Map.of());
            assertThat(location(r)).endsWith("/login?error");
        }
        // Locked: even the right password is refused for a while, and the answer says nothing more.
        HttpResponse<String> right = new Browser().signIn(victim, "victim password");
        assertThat(location(right)).endsWith("/login?error");
        assertThat(jdbc.queryForObject(
                        "SELECT locked_until > now() FROM app_user WHERE email = ?", Boolean.class, victim))
                .isTrue();
        long logged = jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE target = ?"
                                + " AND action IN ('signin.failed', 'signin.refused')",
                        Long.class,
                        victim)
                - before;
        assertThat(logged).isEqualTo(101);

        // Everyone else signs in as usual, from the same address.
        HttpResponse<String> other = new Browser().signIn(bystander, "bystander password");
        assertThat(location(other)).endsWith("/discover");

        // An unknown address gets the same answer as a wrong password.
        assertThat(location(new Browser().signIn("nobody@a.test", "whatever 123")))
                .endsWith("/login?error");
        jdbc.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE email = ?", victim);
    }

    @Test
    void revokedReadOnlyAndForeignTokensAreRefused() {
        String owner = user("tokens@a.test", "tokens password", "default", Role.OWNER);
        String foreign = user("tokens@b.test", "tokens password", "tokens-b", Role.OWNER);
        long list = jdbc.queryForObject(
                "INSERT INTO shortlist (workspace_id, name) VALUES ((SELECT id FROM workspace WHERE name = 'default'),"
                        + " 'Token test') RETURNING id",
                Long.class);
        var write = apiTokens.create(owner, "default", TokenScope.WRITE, null, "test");
        var read = apiTokens.create(owner, "default", TokenScope.READ, null, "test");
        var other = apiTokens.create(foreign, "tokens-b", TokenScope.WRITE, null, "test");

        assertThat(WebClient.withToken(port, write.token())
                        .get("/api/shortlists/" + list)
                        .statusCode())
                .isEqualTo(200);
        assertThat(WebClient.withToken(port, read.token())
                        .json("PATCH", "/api/shortlists/" + list, "{\"name\":\"Renamed\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(WebClient.withToken(port, other.token())
                        .get("/api/shortlists/" + list)
                        .statusCode())
                .isEqualTo(404);
        apiTokens.revoke(write.id(), "test");
        assertThat(WebClient.withToken(port, write.token())
                        .get("/api/shortlists")
                        .statusCode())
                .isEqualTo(401);
        assertThat(WebClient.withToken(port, "mr_" + "x".repeat(43))
                        .get("/api/shortlists")
                        .statusCode())
                .isEqualTo(401);
        jdbc.update("DELETE FROM shortlist WHERE id = ?", list);
    }

    @Test
    void theDemoLinkSignsInOnce() {
        String secret = firstSignIn.demoLink();
        Browser browser = new Browser();
        HttpResponse<String> first = browser.get("/signin/link/" + secret);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/discover");
        assertThat(browser.get("/workspace").body())
                .contains(FirstSignIn.DEMO_USER)
                .contains("Workspace demo");
        assertThat(new Browser().get("/signin/link/" + secret).statusCode()).isEqualTo(404);
    }

    @Test
    void anInvitationLinkMakesANewMemberAndWorksOnce() {
        Workspace w = workspaces.findOrCreate("invited-team", "test");
        String link = oneTimeLinks.invitation(w.id(), Role.VIEWER, Duration.ofDays(7), "test");
        Browser guest = new Browser();
        HttpResponse<String> page = guest.get("/invite/" + link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("invited-team").contains("viewer");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", "guest@c.test");
        form.put("password", "guest password");
        form.put("_csrf", guest.csrf("/invite/" + link));
        HttpResponse<String> joined = guest.post("/invite/" + link, form, Map.of());
        assertThat(location(joined)).endsWith("/discover");
        assertThat(guest.get("/workspace").body()).contains("Workspace invited-team");
        assertThat(users.find("guest@c.test").orElseThrow().memberships())
                .singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(Role.VIEWER));
        assertThat(new Browser().get("/invite/" + link).statusCode()).isEqualTo(404);
    }

    @Test
    void aResetLinkSetsANewPasswordOnce() {
        String email = user("reset@a.test", "old password 1", "default", Role.MEMBER);
        long id = users.find(email).orElseThrow().id();
        String link = oneTimeLinks.passwordReset(id, Duration.ofHours(1), "test");
        Browser browser = new Browser();
        HttpResponse<String> set = browser.post(
                "/reset/" + link,
                Map.of("password", "new password 2", "_csrf", browser.csrf("/reset/" + link)),
                Map.of());
        assertThat(location(set)).endsWith("/discover");
        assertThat(location(new Browser().signIn(email, "new password 2"))).endsWith("/discover");
        assertThat(location(new Browser().signIn(email, "old password 1"))).endsWith("/login?error");
        assertThat(oneTimeLinks.peek(OneTimeLink.Purpose.PASSWORD_RESET, link)).isEmpty();
    }

    @Test
    void setupIsClosedOnceAUserExists() {
        assertThat(new Browser().get("/setup").statusCode()).isEqualTo(404);
    }
}
