package io.microreach.app;

import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.OneTimeLinks;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application on the embedded database. Every subclass shares one Spring
 * context (and so one embedded PostgreSQL); each test starts from empty public tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SpringAppTest {
    private static final Path HOME = TestHomes.newHome("spring");

    @Autowired
    protected JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    @Autowired
    protected Users users;

    @Autowired
    protected Workspaces workspaces;

    @Autowired
    protected ApiTokens apiTokens;

    @Autowired
    protected OneTimeLinks oneTimeLinks;

    /** Every web test acts as {@link TestIdentity} unless it says otherwise. */
    @BeforeEach
    void testIdentity() {
        TestIdentity.ensure(users, workspaces, apiTokens);
    }

    /** A path that signs a browser in as the test user (works once). */
    protected String signInPath() {
        long workspace = workspaces.require(TestIdentity.WORKSPACE).id();
        return "/signin/link/" + oneTimeLinks.signIn(TestIdentity.userId(), workspace, Duration.ofMinutes(10), "test");
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("microreach.home", HOME::toString);
        registry.add("microreach.demo.enabled", () -> "false");
        registry.add("microreach.sync.enabled", () -> "false");
    }

    protected void emptyPublicTables() {
        jdbc.execute("TRUNCATE follow_edge, follower_count, follower_sample, comment, post, shortlist_entry,"
                + " creator_note, negotiated_price, account, creator RESTART IDENTITY CASCADE");
    }
}
