package io.microreach.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.microreach.app.home.DemoImage;
import io.microreach.app.home.MicroreachHome;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;

/**
 * Chooses the database: when {@code spring.datasource.url} is set (an external PostgreSQL), Spring Boot's own
 * DataSource auto-configuration is used unchanged; otherwise the embedded server under the home folder starts. A demo
 * start on an empty home copies a prepared demo home ({@code microreach.demo.image}, see {@link DemoImage}) first when
 * one is given.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {
    private static final String EMBEDDED = "'${spring.datasource.url:}'.isEmpty()";

    @Bean
    MicroreachHome microreachHome(@Value("${microreach.home:}") String home) {
        return MicroreachHome.resolve(home).create();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    EmbeddedDatabase embeddedDatabase(
            MicroreachHome home,
            @Value("${microreach.demo.enabled:false}") boolean demo,
            @Value("${microreach.demo.image:}") String demoImage,
            @Value("${microreach.demo.creators:5000}") int demoCreators,
            @Value("${microreach.database.wal-recycle:true}") boolean walRecycle,
            ApplicationContext context)
            throws IOException {
        if (demo && !demoImage.isBlank()) {
            DemoImage.seed(home, Path.of(demoImage), demoCreators);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(home, walRecycle);
        // Commands may share a running server's database; two web servers on one home would share its search index
        // folder, and each would take the other's running import jobs for interrupted ones.
        if (database.attached() && context instanceof WebApplicationContext) {
            throw new IllegalStateException("another microreach process runs on this home (" + home.root()
                    + "); stop it first, or start this server with another --home");
        }
        return database;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(database.jdbcUrl());
        ds.setUsername(database.user());
        ds.setPassword(database.password());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("microreach-embedded");
        return ds;
    }
}
