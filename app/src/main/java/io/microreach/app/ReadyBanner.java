package io.microreach.app;

import io.microreach.app.home.MicroreachHome;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the user where the app is and how to stop it, once it serves requests. */
@Component
class ReadyBanner {
    private final Environment environment;
    private final MicroreachHome home;

    ReadyBanner(Environment environment, MicroreachHome home) {
        this.environment = environment;
        this.home = home;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // batch commands run without a web server
        }
        System.out.println();
        System.out.println("  microreach is running at http://localhost:" + port + "/");
        System.out.println("  data: " + home.root() + "   stop: press Ctrl+C");
        System.out.println();
    }
}
