package io.microreach.app.security;

import io.microreach.app.users.OneTimeLinks;
import io.microreach.app.users.Role;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the start-up banner says about signing in. {@code demo} prepares the demo user (an administrator without a
 * password, owner of the workspace "demo") and prints a one-time sign-in link, so one command still opens a working
 * app; {@code serve} on an installation without users points to the setup page (reachable only from this machine)
 * and to {@code microreach user add --admin}.
 */
@Component
public class FirstSignIn {
    static final String DEMO_USER = "demo@microreach.local";
    static final String DEMO_WORKSPACE = "demo";
    static final Duration DEMO_LINK_VALID = Duration.ofHours(12);

    private final Users users;
    private final Workspaces workspaces;
    private final OneTimeLinks links;
    private final boolean demo;

    FirstSignIn(
            Users users,
            Workspaces workspaces,
            OneTimeLinks links,
            @Value("${microreach.demo.enabled:false}") boolean demo) {
        this.users = users;
        this.workspaces = workspaces;
        this.links = links;
        this.demo = demo;
    }

    /** Lines for the banner of a web server at {@code baseUrl} (no trailing slash). */
    public List<String> bannerLines(String baseUrl) {
        if (demo) {
            return List.of("sign in (one-time link, valid " + DEMO_LINK_VALID.toHours() + " h): " + baseUrl
                    + "/signin/link/" + demoLink());
        }
        if (users.count() == 0) {
            return List.of(
                    "no user yet: open " + baseUrl + "/setup on this machine to create the administrator,",
                    "or run: microreach user add --admin --email YOU@EXAMPLE.COM --workspace default --role owner");
        }
        return List.of();
    }

    /** A fresh one-time sign-in link secret for the demo user, who is created on first use. */
    public String demoLink() {
        String actor = "demo";
        User user = users.find(DEMO_USER).orElseGet(() -> users.add(DEMO_USER, null, true, actor));
        Workspace workspace = workspaces.findOrCreate(DEMO_WORKSPACE, actor);
        if (user.memberships().stream().noneMatch(m -> m.workspaceId() == workspace.id())) {
            users.join(user.email(), workspace, Role.OWNER, actor);
        }
        return links.signIn(user.id(), workspace.id(), DEMO_LINK_VALID, actor);
    }
}
