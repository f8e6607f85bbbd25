package io.microreach.app.security;

import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.AuditLog;
import io.microreach.app.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web's security: form sign-in with sessions, API tokens, optional OpenID Connect, CSRF protection on every
 * state-changing request of a session, and authorization by {@link RouteAccess} (then refuse everything else).
 * Browsers asking for a page are sent to the sign-in page; API and htmx requests get a 401 (htmx with {@code
 * HX-Redirect}, so the whole page goes to sign-in rather than a fragment).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * No observations of the security filters: nothing here exports traces or metrics, and each observed filter costs
     * time on every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Tracking links and order webhooks get a chain of their own, matched first: they are public, carry no browser
     * state and are the two addresses a campaign's audience and a shop hit thousands of times a second. Reading a
     * sign-in cookie, an API token, a CSRF token or a saved request would do nothing for them but cost time (the
     * full chain's route rules alone are a scan over every route), so this chain only answers with no-store and
     * permits: the redirect's 404 for an unknown code and the webhooks' signature check are their access control.
     */
    @Bean
    @Order(1)
    SecurityFilterChain trackingFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(SecurityConfiguration::stateless);
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        http.anonymous(a -> a.disable());
        http.logout(logout -> logout.disable());
        http.headers(headers -> headers.defaultsDisabled().cacheControl(c -> {}));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ApiTokens tokens,
            Users users,
            AuditLog audit,
            PasswordSignIn passwords,
            SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            ObjectProvider<RouteAccess.Rule> testRules,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes)
            throws Exception {
        List<RouteAccess.Rule> rules = new ArrayList<>(testRules.orderedStream().toList());
        rules.addAll(RouteAccess.rules());
        http.authorizeHttpRequests(auth -> {
            for (RouteAccess.Rule rule : rules) {
                RequestMatcher matcher = request -> rule.matches(request.getMethod(), pathOf(request));
                switch (rule.access()) {
                    case PUBLIC -> auth.requestMatchers(matcher).permitAll();
                    case SIGNED_IN -> auth.requestMatchers(matcher).authenticated();
                    case READ -> auth.requestMatchers(matcher).hasAuthority(Caller.READ);
                    case WRITE -> auth.requestMatchers(matcher).hasAuthority(Caller.WRITE);
                    case OWNER -> auth.requestMatchers(matcher).hasAuthority(Caller.OWNER);
                    case ADMIN -> auth.requestMatchers(matcher).hasAuthority(Caller.ADMIN);
                }
            }
            // A route without a rule is refused to everyone; any other address is no route, so a signed-in
            // caller gets Spring MVC's 404 or 405 for it rather than a misleading 403.
            auth.anyRequest()
                    .access((authentication, context) -> new AuthorizationDecision(
                            !isRoute(routes, context.getRequest()) && authenticated(authentication.get())));
        });
        http.authenticationManager(new ProviderManager(passwords));
        http.securityContext(c -> c.securityContextRepository(contexts));
        http.formLogin(form -> form.loginPage("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .defaultSuccessUrl("/discover")
                .failureUrl("/login?error"));
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer));
        // Our own SecurityHeaders filter sets CSP, framing, nosniff, referrer and HSTS for every answer, errors
        // included; Spring's would duplicate them. Its no-store cache control stays: signed-in pages are private.
        http.headers(headers -> headers.defaultsDisabled().cacheControl(c -> {}));
        http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(denied()));
        http.addFilterAfter(new ApiTokenFilter(tokens), SecurityContextHolderFilter.class);
        http.addFilterBefore(new CallerFilter(users), AnonymousAuthenticationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .defaultSuccessUrl("/discover")
                    .failureUrl("/login?error")
                    .userInfoEndpoint(u -> u.oidcUserService(new KnownUsersOnly(users, audit))));
        }
        return http.build();
    }

    /**
     * Tracking links and the order webhooks: public, carrying no browser state (a webhook's signature is its
     * credential), so a CSRF token would only refuse shops and the redirect would only start a browser's session.
     */
    static boolean stateless(HttpServletRequest request) {
        String path = pathOf(request);
        return path.startsWith("/r/") || path.startsWith("/api/webhooks/");
    }

    private static boolean isRoute(RequestMappingHandlerMapping routes, HttpServletRequest request) {
        try {
            return routes.getHandler(request) != null;
        } catch (Exception e) {
            // The path is a route but not for this method (405), or the request is malformed: no handler runs.
            return false;
        }
    }

    private static boolean authenticated(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return pathOf(request).startsWith("/api/")
                || ApiTokenFilter.hasBearer(request)
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    private static AuthenticationEntryPoint entryPoint() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if (wantsJson(request)) {
                json(response, 401, "sign in or send an API token (Authorization: Bearer mr_...)");
            } else if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(401);
            } else {
                login.commence(request, response, exception);
            }
        };
    }

    private static AccessDeniedHandler denied() {
        return (request, response, exception) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            boolean noWorkspace = auth != null && auth.getPrincipal() instanceof Caller c && c.workspaceId() == null;
            if (noWorkspace && !(exception instanceof CsrfException) && !wantsJson(request)) {
                // Signed in but in no workspace yet: the workspace page says how to get into one.
                response.sendRedirect(request.getContextPath() + "/workspace");
                return;
            }
            String message = exception instanceof CsrfException
                    ? "this form has expired or came from another site: reload the page and try again"
                    : "your role in this workspace does not allow this";
            if (wantsJson(request)) {
                json(response, 403, message);
            } else {
                response.sendError(403, message);
            }
        };
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"status\":" + status + ",\"error\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                        + "\",\"message\":\"" + message + "\"}");
    }
}
