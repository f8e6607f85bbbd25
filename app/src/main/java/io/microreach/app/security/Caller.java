package io.microreach.app.security;

import io.microreach.app.users.Role;
import io.microreach.app.users.TokenScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling, resolved for each request: the user, the workspace they work in now and their role there, and for
 * an API token its scope. A signed-in administrator may have no workspace yet (then {@code workspaceId} is null and
 * only the administration pages are open).
 *
 * @param tokenScope null for a browser session
 */
public record Caller(
        long userId,
        String email,
        boolean admin,
        Long workspaceId,
        String workspace,
        Role role,
        TokenScope tokenScope) {

    /** Reads the workspace's data: any member, through a session or any token. */
    public static final String READ = "READ";
    /** Changes the workspace's data or the shared creator data: owners and members, not viewers or read tokens. */
    public static final String WRITE = "WRITE";
    /** Manages the workspace: members, invitations, the audit log. */
    public static final String OWNER = "OWNER";
    /** Manages the installation: source keys, demo removal, every workspace's audit log. */
    public static final String ADMIN = "ADMIN";

    public boolean canWrite() {
        return workspaceId != null && role.canWrite() && (tokenScope == null || tokenScope == TokenScope.WRITE);
    }

    public boolean owner() {
        return workspaceId != null && role == Role.OWNER && (tokenScope == null || tokenScope == TokenScope.WRITE);
    }

    /** The authorities the route rules check. An administrator's installation rights need a session or a write token. */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> out = new ArrayList<>();
        if (workspaceId != null) {
            out.add(new SimpleGrantedAuthority(READ));
        }
        if (canWrite()) {
            out.add(new SimpleGrantedAuthority(WRITE));
        }
        if (owner()) {
            out.add(new SimpleGrantedAuthority(OWNER));
        }
        if (admin && (tokenScope == null || tokenScope == TokenScope.WRITE)) {
            out.add(new SimpleGrantedAuthority(ADMIN));
        }
        return out;
    }
}
