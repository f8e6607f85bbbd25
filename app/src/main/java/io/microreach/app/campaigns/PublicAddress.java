package io.microreach.app.campaigns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people reach the app at, for links that leave it (tracking links): {@code microreach.public-url} when
 * set (a server behind its own domain), else {@code http://localhost:<port>} for a laptop, with the port the web
 * server really listens on once it has started (the configured one on the command line).
 */
@Component
public class PublicAddress {
    private final String configured;
    private volatile String port;

    public PublicAddress(
            @Value("${microreach.public-url:}") String publicUrl, @Value("${server.port:8080}") String port) {
        this.configured = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.port = port;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        port = String.valueOf(event.getWebServer().getPort());
    }

    /** The absolute URL of a path of the app. */
    public String of(String path) {
        return (configured.isEmpty() ? "http://localhost:" + port : configured) + path;
    }

    public String trackingUrl(String code) {
        return of("/r/" + code);
    }
}
