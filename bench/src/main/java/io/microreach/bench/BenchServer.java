package io.microreach.bench;

import io.microreach.app.MicroreachApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole app (web server, embedded database) in this JVM on a free loopback port, for the HTTP benchmarks. */
final class BenchServer implements AutoCloseable {
    final ConfigurableApplicationContext context;
    final int port;

    private BenchServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static BenchServer start(Path home) {
        Map<String, Object> props = new HashMap<>();
        props.put("microreach.home", home.toString());
        props.put("microreach.demo.enabled", "false");
        props.put("microreach.sync.enabled", "false");
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        return new BenchServer(new SpringApplicationBuilder(MicroreachApplication.class)
                .properties(props)
                .run());
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    long defaultWorkspace() {
        return jdbc().queryForObject("SELECT id FROM workspace WHERE name = 'default'", Long.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
