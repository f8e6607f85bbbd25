package io.microreach.app.cli;

import io.microreach.app.MicroreachApplication;
import io.microreach.app.home.MicroreachHome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context a command needs: the web app, or just the database for batch commands. */
final class SpringLauncher {
    private SpringLauncher() {}

    static ConfigurableApplicationContext web(String home, boolean demo, List<String> springArgs) {
        Map<String, Object> props = new HashMap<>();
        props.put("microreach.demo.enabled", demo);
        return new SpringApplicationBuilder(MicroreachApplication.class)
                .properties(props)
                .run(withHome(home, springArgs).toArray(String[]::new));
    }

    /** A context without web server, banner or INFO logs, so command output stays clean and machine-readable. */
    static ConfigurableApplicationContext batch(String home) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.main.banner-mode", "off");
        props.put("spring.main.log-startup-info", "false");
        props.put("logging.level.root", "WARN");
        props.put("microreach.demo.enabled", "false");
        props.put("microreach.sync.enabled", "false");
        return new SpringApplicationBuilder(MicroreachApplication.class)
                .web(WebApplicationType.NONE)
                .properties(props)
                .run(withHome(home, List.of()).toArray(String[]::new));
    }

    /**
     * {@code --home} as a command-line property: Spring reads the environment variable {@code MICROREACH_HOME} as the
     * property {@code microreach.home} too, and only a command-line property ranks above it, so the flag wins as the
     * help says.
     */
    private static List<String> withHome(String home, List<String> springArgs) {
        List<String> args = new java.util.ArrayList<>();
        if (home != null && !home.isBlank()) {
            args.add("--" + MicroreachHome.PROPERTY + "=" + home);
        }
        args.addAll(springArgs);
        return args;
    }
}
