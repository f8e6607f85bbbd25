package io.microreach.app;

import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.Role;
import io.microreach.app.users.TokenScope;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The user the web tests act as: an administrator who owns the workspace 'default', with a write token. Tests that
 * are not about authorization send this token with every request (WebClient does), so they test their feature;
 * the authorization tests create their own users.
 */
public final class TestIdentity {
    public static final String EMAIL = "owner@test.local";
    public static final String WORKSPACE = "default";

    private static volatile String token;
    private static volatile long userId;

    private TestIdentity() {}

    /** Creates the user and token once per database (again when a test emptied the user tables). */
    static synchronized void ensure(Users users, Workspaces workspaces, ApiTokens tokens) {
        if (token != null && tokens.authenticate(token).isPresent()) {
            return;
        }
        User user = users.find(EMAIL).orElseGet(() -> users.add(EMAIL, null, true, "test"));
        Workspace w = workspaces.findOrCreate(WORKSPACE, "test");
        users.join(EMAIL, w, Role.OWNER, "test");
        token = tokens.create(EMAIL, WORKSPACE, TokenScope.WRITE, "tests", "test")
                .token();
        userId = user.id();
    }

    /** The test user's write token; null before the first Spring test ran. */
    public static String token() {
        return token;
    }

    public static long userId() {
        return userId;
    }

    /** A request to {@code uri} that carries the test user's token. */
    public static HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }
}
