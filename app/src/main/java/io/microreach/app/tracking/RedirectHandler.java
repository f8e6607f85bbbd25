package io.microreach.app.tracking;

import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.ClickScreen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@code GET|HEAD /r/{code}}: a creator's tracking link. Public, with no sign-in and no browser state: it answers a
 * 302 to the campaign's landing URL (UTM parameters and a fresh click id added) and logs the request with its kind
 * from the click screen. An unknown or malformed code gets a plain 404 without Location. Answers are never cached
 * (each follow must reach us to be counted, and each carries its own click id) and send no referrer onwards.
 *
 * <p>The client address is the socket's, or the proxy's {@code X-Forwarded-For} when {@code
 * server.forward-headers-strategy} trusts the proxy (Spring's and Tomcat's standard handling; the default setting
 * trusts proxies on private addresses only).
 */
@Component
class RedirectHandler implements HttpRequestHandler {
    /** Where tracking links live; {@code /r/{code}}. */
    static final String PREFIX = "/r/";

    private static final ClickScreen SCREEN = new ClickScreen();

    private final TrackingLinks links;
    private final ClickLog clicks;
    private final VisitorHashes visitors;
    private final SecureRandom random = new SecureRandom();

    RedirectHandler(TrackingLinks links, ClickLog clicks, VisitorHashes visitors) {
        this.links = links;
        this.clicks = clicks;
        this.visitors = visitors;
    }

    /**
     * The tracking links' own handler mapping, asked before the annotated routes. Why not {@code @RequestMapping}:
     * Spring MVC finds a route with a path variable by testing every annotated route's pattern in turn, which on
     * this application's few hundred routes cost a quarter of a redirect's time; this mapping holds one pattern.
     */
    @Configuration
    static class Mapping {
        @Bean
        SimpleUrlHandlerMapping trackingLinkMapping(RedirectHandler redirect) {
            SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(PREFIX + "*", redirect));
            mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return mapping;
        }
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        Object within = request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        follow(within == null ? "" : within.toString(), request, response);
    }

    private void follow(String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<TrackingLinks.Target> target = links.find(code);
        if (target.isEmpty()) {
            response.setStatus(404);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("No such link.\n");
            return;
        }
        TrackingLinks.Target t = target.get();
        Instant now = Instant.now();
        String userAgent = request.getHeader("User-Agent");
        ClickKind kind = SCREEN.classify(request.getMethod(), userAgent, purpose(request));
        String clickId = clickId();
        clicks.record(new PendingClick(
                t.workspaceId(),
                t.creatorId(),
                clickId,
                now,
                visitors.hash(request.getRemoteAddr(), userAgent, now),
                kind));
        response.setStatus(302);
        response.setHeader("Location", t.withClick(clickId));
    }

    private static String purpose(HttpServletRequest request) {
        for (String name : new String[] {"Purpose", "Sec-Purpose", "X-moz"}) {
            String value = request.getHeader(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** 128 random bits, URL-safe: not guessable, so an order cannot claim a click it did not come through. */
    private String clickId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
