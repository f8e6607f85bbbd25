package io.microreach.app.campaigns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people reach the app at, for links that leave it (tracking links): {@code microreach.public-url} when
 * set (a server behind its own domain), else {@code http://localhost:<port>} for a laptop.
 */
@Component
public class PublicAddress {
    private final String base;

    public PublicAddress(
            @Value("${microreach.public-url:}") String publicUrl, @Value("${server.port:8080}") String port) {
        String configured = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.base = configured.isEmpty() ? "http://localhost:" + port : configured;
    }

    /** The absolute URL of a path of the app. */
    public String of(String path) {
        return base + path;
    }

    public String trackingUrl(String code) {
        return of("/r/" + code);
    }
}
