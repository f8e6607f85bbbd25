package io.microreach.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests whose {@code Host} header names this server: the loopback names, the configured bind
 * address, and the names in {@code microreach.allowed-hosts}. Without this check a page on another site can reach the
 * app through DNS rebinding (its own name resolved to 127.0.0.1), and the same-origin policy, which compares names,
 * would let it read every answer. It runs before everything else, sign-in included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AllowedHosts extends OncePerRequestFilter {
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private final Set<String> allowed = new LinkedHashSet<>(LOOPBACK);
    private final boolean any;

    public AllowedHosts(
            @Value("${microreach.allowed-hosts:}") List<String> configured,
            @Value("${server.address:}") String bindAddress) {
        boolean star = false;
        for (String host : configured) {
            String h = host.trim().toLowerCase(Locale.ROOT);
            if (h.equals("*")) {
                star = true;
            } else if (!h.isEmpty()) {
                allowed.add(stripBrackets(h));
            }
        }
        if (!bindAddress.isBlank()) {
            allowed.add(stripBrackets(bindAddress.trim().toLowerCase(Locale.ROOT)));
        }
        any = star;
    }

    /** The host part of a Host header: no port, no IPv6 brackets, lower case; null when there is none. */
    static String hostOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        String host = colon < 0 ? h : h.substring(0, colon);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    boolean allows(String hostHeader) {
        String host = hostOf(hostHeader);
        return any || (host != null && allowed.contains(host));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allows(request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        // Plain text: the refused name is the caller's text and must not become markup.
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream()
                .write(("This microreach server does not answer to the host name in this request. If you reach it"
                                + " under that name, add the name to MICROREACH_ALLOWED_HOSTS (microreach.allowed-hosts)"
                                + " and restart it.\n")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
