package io.microreach.app;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.security.FirstSignIn;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the user where the app is, how to sign in and how to stop it, once it serves requests. */
@Component
class ReadyBanner {
    private final Environment environment;
    private final MicroreachHome home;
    private final FirstSignIn signIn;

    ReadyBanner(Environment environment, MicroreachHome home, FirstSignIn signIn) {
        this.environment = environment;
        this.home = home;
        this.signIn = signIn;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // batch commands run without a web server
        }
        System.out.println();
        System.out.println("  microreach is running at http://localhost:" + port + "/");
        for (String line : signIn.bannerLines("http://localhost:" + port)) {
            System.out.println("  " + line);
        }
        System.out.println("  data: " + home.root() + "   stop: press Ctrl+C");
        System.out.println();
    }
}
