package io.microreach.app.security;

import io.microreach.app.users.Membership;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a signed-in session (password, link or OpenID Connect) into the request's {@link Caller}: reads the user,
 * the workspace chosen in this session (else the first by name) and the role there, on every request, so disabling
 * a user or changing a role takes effect at once. A session whose user is gone or disabled is ended. The caller
 * replaces the session's authentication for this request only; the session keeps just the user's id.
 */
class CallerFilter extends OncePerRequestFilter {
    static final String WORKSPACE_ATTRIBUTE = "microreach.workspace";

    private final Users users;

    CallerFilter(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)
                && !(auth.getPrincipal() instanceof Caller)) {
            Optional<User> user = emailOf(auth).flatMap(users::find).filter(u -> !u.disabled());
            if (user.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                authenticate(caller(user.get(), request.getSession(false)));
            }
        }
        chain.doFilter(request, response);
    }

    /** Makes the caller this request's authentication, with the authorities the route rules check. */
    static void authenticate(Caller caller) {
        SecurityContext context =
                SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.authorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
    }

    static Optional<String> emailOf(Authentication auth) {
        Object principal = auth.getPrincipal();
        if (principal instanceof SignedInUser s) {
            return Optional.of(s.email());
        }
        if (principal instanceof OidcUser o) {
            return Optional.ofNullable(o.getEmail());
        }
        return Optional.empty();
    }

    static Caller caller(User user, HttpSession session) {
        Object chosen = session == null ? null : session.getAttribute(WORKSPACE_ATTRIBUTE);
        Optional<Membership> membership = user.memberships().stream()
                .filter(m -> chosen instanceof Long id && m.workspaceId() == id)
                .findFirst()
                .or(() -> user.memberships().stream().findFirst());
        return membership
                .map(m -> new Caller(
                        user.id(), user.email(), user.admin(), m.workspaceId(), m.workspace(), m.role(), null))
                .orElseGet(() -> new Caller(user.id(), user.email(), user.admin(), null, null, null, null));
    }
}
