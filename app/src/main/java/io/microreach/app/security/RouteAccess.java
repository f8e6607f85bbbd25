package io.microreach.app.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call which route. {@link SecurityConfiguration} turns every rule into a Spring Security
 * rule, in this order (the first that matches decides), and refuses a route that no rule names. {@code
 * AuthorizationMatrixTest} reads the application's route table and fails for a route without a rule, so a new page or
 * endpoint cannot go live unprotected by accident. An address that is no route at all gets its 404 (or 405) once the
 * caller is signed in, and the sign-in page before.
 *
 * <p>Workspace-private rows are scoped by the caller's workspace in the features themselves ({@link
 * CurrentWorkspace}): these rules say what a role may do, the queries say on which rows.
 */
public final class RouteAccess {
    /** What a route needs. */
    public enum Access {
        /** Anyone: sign-in pages, static assets, health, errors. */
        PUBLIC,
        /** Any signed-in user, with or without a workspace. */
        SIGNED_IN,
        /** A member of the current workspace in any role, or any of its tokens. */
        READ,
        /** An owner or member (not a viewer), through a session or a write token. */
        WRITE,
        /** An owner of the current workspace. */
        OWNER,
        /** An installation administrator, through a session or a write token. */
        ADMIN
    }

    /**
     * One rule: a method (null: any) and a path pattern in Spring's {@link PathPattern} syntax. Only tests declare
     * rules elsewhere (as beans, for the endpoints they add to provoke errors); the application's are all below.
     */
    public record Rule(HttpMethod method, String pattern, Access access, PathPattern parsed) {
        public static Rule of(HttpMethod method, String pattern, Access access) {
            return rule(method, pattern, access);
        }

        boolean matches(String method, String path) {
            return (this.method == null || this.method.matches(method))
                    && parsed.matches(PathContainer.parsePath(path));
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod HEAD = HttpMethod.HEAD;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod PATCH = HttpMethod.PATCH;
    private static final HttpMethod DELETE = HttpMethod.DELETE;

    static final List<Rule> RULES = List.of(
            // Public and first, as the busiest: tracking links and the signed order webhooks (the signature is their
            // credential; no browser state, so no CSRF token either: SecurityConfiguration exempts them).
            rule(GET, "/r/{code}", Access.PUBLIC),
            rule(HEAD, "/r/{code}", Access.PUBLIC),
            rule(POST, "/api/webhooks/{key}/orders", Access.PUBLIC),
            rule(POST, "/api/webhooks/{key}/shopify", Access.PUBLIC),
            // Public: signing in, first run, links that work once, static assets, health, error pages.
            rule(GET, "/login", Access.PUBLIC),
            rule(POST, "/login", Access.PUBLIC),
            rule(GET, "/setup", Access.PUBLIC),
            rule(POST, "/setup", Access.PUBLIC),
            rule(GET, "/signin/link/{token}", Access.PUBLIC),
            rule(GET, "/invite/{token}", Access.PUBLIC),
            rule(POST, "/invite/{token}", Access.PUBLIC),
            rule(GET, "/reset", Access.PUBLIC),
            rule(POST, "/reset", Access.PUBLIC),
            rule(GET, "/reset/{token}", Access.PUBLIC),
            rule(POST, "/reset/{token}", Access.PUBLIC),
            rule(GET, "/oauth2/authorization/{registration}", Access.PUBLIC),
            rule(GET, "/login/oauth2/code/{registration}", Access.PUBLIC),
            rule(GET, "/app.css", Access.PUBLIC),
            rule(GET, "/app.js", Access.PUBLIC),
            rule(GET, "/creator.js", Access.PUBLIC),
            rule(GET, "/plan.js", Access.PUBLIC),
            rule(GET, "/favicon.svg", Access.PUBLIC),
            rule(GET, "/favicon.ico", Access.PUBLIC),
            rule(GET, "/webjars/**", Access.PUBLIC),
            rule(GET, "/actuator/health", Access.PUBLIC),
            rule(GET, "/actuator/health/**", Access.PUBLIC),
            rule(null, "/error", Access.PUBLIC),
            // The signed-in user's own things.
            rule(POST, "/logout", Access.SIGNED_IN),
            rule(GET, "/workspace", Access.SIGNED_IN),
            rule(POST, "/workspace/switch", Access.SIGNED_IN),
            rule(POST, "/workspace/tokens", Access.READ),
            rule(POST, "/workspace/tokens/{id}/revoke", Access.READ),
            // Workspace management and the audit log.
            rule(POST, "/workspace/invitations", Access.OWNER),
            rule(POST, "/workspace/invitations/{id}/withdraw", Access.OWNER),
            rule(POST, "/workspace/members/{userId}/role", Access.OWNER),
            rule(POST, "/workspace/members/{userId}/remove", Access.OWNER),
            rule(GET, "/audit", Access.OWNER),
            rule(GET, "/audit.csv", Access.OWNER),
            rule(GET, "/api/audit", Access.OWNER),
            // Installation: source keys and addresses, creating workspaces, removing the demo data.
            rule(POST, "/workspace/create", Access.ADMIN),
            rule(POST, "/sources/{id}/settings", Access.ADMIN),
            rule(POST, "/demo/remove", Access.ADMIN),
            rule(DELETE, "/api/demo", Access.ADMIN),
            // Pages.
            rule(GET, "/", Access.READ),
            rule(GET, "/discover", Access.READ),
            rule(POST, "/discover/shortlist", Access.WRITE),
            rule(GET, "/creators", Access.READ),
            rule(GET, "/creators/{id}", Access.READ),
            rule(GET, "/creators/{id}/evidence/{component}", Access.READ),
            rule(GET, "/creators/{id}/niches", Access.READ),
            rule(POST, "/creators/{id}/niches", Access.WRITE),
            rule(GET, "/creators/{id}/lookalikes", Access.READ),
            rule(GET, "/creators/{id}/prices", Access.READ),
            rule(POST, "/creators/{id}/prices", Access.WRITE),
            rule(GET, "/campaigns", Access.READ),
            rule(POST, "/campaigns", Access.WRITE),
            rule(POST, "/campaigns/from-plan", Access.WRITE),
            rule(GET, "/campaigns/{id}", Access.READ),
            rule(POST, "/campaigns/{id}/deliverables/{deliverableId}/status", Access.WRITE),
            rule(POST, "/campaigns/{id}/deliverables/{deliverableId}/post", Access.WRITE),
            rule(POST, "/campaigns/{id}/creators/{creatorId}/promo-code", Access.WRITE),
            rule(POST, "/campaigns/{id}/notes", Access.WRITE),
            rule(POST, "/campaigns/{id}/status", Access.WRITE),
            rule(POST, "/campaigns/{id}/delete", Access.WRITE),
            rule(POST, "/campaigns/{id}/webhook-secret", Access.OWNER),
            rule(POST, "/campaigns/{id}/ugc/{postId}", Access.WRITE),
            rule(GET, "/campaign.js", Access.PUBLIC),
            rule(GET, "/campaigns/{id}/outreach", Access.READ),
            rule(POST, "/campaigns/{id}/outreach/invitations", Access.WRITE),
            rule(POST, "/campaigns/{id}/outreach/templates/{kind}", Access.WRITE),
            // A preview stores nothing, so a viewer may.
            rule(POST, "/campaigns/{id}/outreach/preview", Access.READ),
            rule(POST, "/campaigns/{id}/creators/{creatorId}/contact", Access.WRITE),
            rule(GET, "/shortlists", Access.READ),
            rule(POST, "/shortlists", Access.WRITE),
            rule(POST, "/shortlists/add", Access.WRITE),
            rule(POST, "/shortlists/{id}/rename", Access.WRITE),
            rule(POST, "/shortlists/{id}/delete", Access.WRITE),
            rule(POST, "/shortlists/{id}/entries/{accountId}/delete", Access.WRITE),
            rule(GET, "/shortlists/{id}/prices", Access.READ),
            rule(GET, "/shortlists/{id}/overlap", Access.READ),
            // Computing a plan stores nothing, so a viewer may.
            rule(POST, "/shortlists/{id}/plan", Access.READ),
            rule(GET, "/shortlists/{id}/plan.csv", Access.READ),
            rule(GET, "/import", Access.READ),
            rule(POST, "/import", Access.WRITE),
            rule(GET, "/import/{id}", Access.READ),
            rule(GET, "/import/{id}/progress", Access.READ),
            rule(GET, "/import/{id}/rejected.csv", Access.READ),
            rule(GET, "/sources", Access.READ),
            rule(POST, "/sources/crawl", Access.WRITE),
            rule(POST, "/sources/add", Access.WRITE),
            rule(GET, "/sources/runs/{id}", Access.READ),
            rule(GET, "/sources/runs/{id}/progress", Access.READ),
            rule(POST, "/sources/runs/{id}/stop", Access.WRITE),
            // REST API.
            rule(GET, "/api/search", Access.READ),
            rule(GET, "/api/search.csv", Access.READ),
            rule(GET, "/api/niches", Access.READ),
            rule(GET, "/api/accounts/{platform}/{handle}/scorecard", Access.READ),
            rule(GET, "/api/accounts/{platform}/{handle}/lookalikes", Access.READ),
            rule(GET, "/api/accounts/{platform}/{handle}/audience-lookalikes", Access.READ),
            rule(GET, "/api/accounts/{platform}/{handle}/niches", Access.READ),
            rule(PUT, "/api/accounts/{platform}/{handle}/niches", Access.WRITE),
            rule(GET, "/api/accounts/{platform}/{handle}/rate-card", Access.READ),
            rule(PUT, "/api/accounts/{platform}/{handle}/rate-card", Access.WRITE),
            rule(GET, "/api/accounts/{platform}/{handle}/price", Access.READ),
            rule(GET, "/api/creators/{id}/scorecard.csv", Access.READ),
            rule(GET, "/api/shortlists", Access.READ),
            rule(POST, "/api/shortlists", Access.WRITE),
            rule(GET, "/api/shortlists/{id}.csv", Access.READ),
            rule(GET, "/api/shortlists/{id}", Access.READ),
            rule(PATCH, "/api/shortlists/{id}", Access.WRITE),
            rule(DELETE, "/api/shortlists/{id}", Access.WRITE),
            rule(PUT, "/api/shortlists/{id}/entries/{accountId}", Access.WRITE),
            rule(DELETE, "/api/shortlists/{id}/entries/{accountId}", Access.WRITE),
            rule(GET, "/api/shortlists/{id}/prices", Access.READ),
            rule(POST, "/api/plans", Access.READ),
            rule(GET, "/api/campaigns", Access.READ),
            rule(POST, "/api/campaigns", Access.WRITE),
            rule(GET, "/api/campaigns/{id}", Access.READ),
            rule(DELETE, "/api/campaigns/{id}", Access.WRITE),
            rule(PUT, "/api/campaigns/{id}/status", Access.WRITE),
            rule(POST, "/api/campaigns/{id}/creators", Access.WRITE),
            rule(PUT, "/api/campaigns/{id}/creators/{creatorId}/promo-code", Access.WRITE),
            rule(POST, "/api/campaigns/{id}/deliverables/{deliverableId}/status", Access.WRITE),
            rule(PUT, "/api/campaigns/{id}/deliverables/{deliverableId}/post", Access.WRITE),
            rule(POST, "/api/campaigns/{id}/notes", Access.WRITE),
            rule(GET, "/api/campaigns/{id}/timeline", Access.READ),
            rule(GET, "/api/campaigns/{id}/report.csv", Access.READ),
            rule(GET, "/api/campaigns/{id}/report", Access.READ),
            rule(PUT, "/api/campaigns/{id}/ugc/{postId}", Access.WRITE),
            rule(GET, "/api/campaigns/{id}/outreach", Access.READ),
            rule(POST, "/api/campaigns/{id}/outreach/invitations", Access.WRITE),
            rule(PUT, "/api/campaigns/{id}/creators/{creatorId}/contact", Access.WRITE),
            rule(GET, "/api/outreach/templates", Access.READ),
            rule(PUT, "/api/outreach/templates/{kind}", Access.WRITE),
            rule(GET, "/api/overlap", Access.READ),
            rule(POST, "/api/imports", Access.WRITE),
            rule(GET, "/api/imports/{id}", Access.READ),
            rule(GET, "/api/sources", Access.READ),
            rule(GET, "/api/crawls/{id}", Access.READ),
            rule(GET, "/api/demo", Access.READ),
            rule(POST, "/api/orders.csv", Access.WRITE),
            // The API's own description.
            rule(GET, "/v3/api-docs", Access.READ),
            rule(GET, "/v3/api-docs/**", Access.READ),
            rule(GET, "/v3/api-docs.yaml", Access.READ),
            rule(GET, "/swagger-ui.html", Access.READ),
            rule(GET, "/swagger-ui/**", Access.READ));

    private RouteAccess() {}

    private static Rule rule(HttpMethod method, String pattern, Access access) {
        return new Rule(method, pattern, access, PathPatternParser.defaultInstance.parse(pattern));
    }

    /** The rules in the order they are checked. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** What a request needs, by the first rule that matches; empty: refused for everyone. */
    public static Optional<Access> accessFor(String method, String path) {
        return RULES.stream()
                .filter(r -> r.matches(method, path))
                .map(Rule::access)
                .findFirst();
    }
}
