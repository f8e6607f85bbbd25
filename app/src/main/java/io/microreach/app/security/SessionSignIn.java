package io.microreach.app.security;

import io.microreach.app.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in to the browser session without a password form: after the first-run setup, a one-time link, an
 * invitation or a password reset. The session id changes first, so a session id planted before the sign-in (session
 * fixation) is worthless after it.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class SessionSignIn {
    private final SecurityContextRepository contexts;

    SessionSignIn(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    void signIn(User user, Long workspaceId, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context =
                SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInUser(user.id(), user.email()), null, List.of()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        if (workspaceId != null) {
            request.getSession().setAttribute(CallerFilter.WORKSPACE_ATTRIBUTE, workspaceId);
        }
    }
}
