package io.microreach.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.MicroreachApplication;
import io.microreach.app.TestHomes;
import io.microreach.app.home.MicroreachHome;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Production points microreach at an external PostgreSQL with the standard Spring properties only. A separately
 * started PostgreSQL server, reached through a plain JDBC URL, stands in for it.
 */
class ExternalDatabaseTest {

    @Test
    void standardDatasourcePropertiesSelectAnExternalServerAndNoEmbeddedOneStarts() throws Exception {
        MicroreachHome serverHome = new MicroreachHome(TestHomes.newHome("external-server"));
        Path appHome = TestHomes.newHome("external-app");
        try (EmbeddedDatabase external = EmbeddedDatabase.start(serverHome);
                ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MicroreachApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties(
                                "spring.datasource.url=" + external.jdbcUrl(),
                                "spring.datasource.username=" + external.user(),
                                "spring.datasource.password=" + external.password(),
                                "microreach.home=" + appHome,
                                "microreach.demo.enabled=false")
                        .run()) {
            assertThat(ctx.getBeanProvider(EmbeddedDatabase.class).getIfAvailable())
                    .isNull();
            assertThat(appHome.resolve("pgdata")).doesNotExist();

            Path file = appHome.resolve("one.jsonl");
            Files.writeString(
                    file,
                    "{\"type\":\"account\",\"platform\":\"youtube\",\"id\":\"UCx\",\"handle\":\"chef\",\"followers\":42}\n");
            ctx.getBean(Importer.class).importFile(file, ImportProgress.NONE);

            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT inet_server_port()", Integer.class))
                    .isEqualTo(external.port());
            assertThat(jdbc.queryForObject("SELECT handle FROM account", String.class))
                    .isEqualTo("chef");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                    .isPositive();
        }
    }
}
