package io.microreach.app.security;

import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.TokenHolder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer mr_…}: the request runs as the token's user in the token's workspace, with its scope.
 * Nothing is kept in a session, so a token request needs no CSRF token (a browser never adds this header by itself).
 * A header with an unknown, revoked or foreign token is answered 401 at once: falling back to the session would let a
 * stale script act as whoever is signed in. Written by hand rather than with Spring's OAuth2 resource server, whose
 * bearer tokens are JWTs or introspected at an authorisation server; ours are opaque and checked in our database.
 */
class ApiTokenFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenHolder> holder = tokens.authenticate(
                request.getHeader("Authorization").substring(7).trim());
        if (holder.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"the API token is unknown,"
                            + " revoked, or its user is disabled or no longer in its workspace\"}");
            return;
        }
        TokenHolder h = holder.get();
        Caller caller =
                new Caller(h.userId(), h.email(), h.admin(), h.workspaceId(), h.workspace(), h.role(), h.scope());
        CallerFilter.authenticate(caller);
        chain.doFilter(request, response);
    }
}
