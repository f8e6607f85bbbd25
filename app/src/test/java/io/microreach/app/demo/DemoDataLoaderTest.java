package io.microreach.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.MicroreachApplication;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

class DemoDataLoaderTest {

    private static ConfigurableApplicationContext start(Path home, String... more) {
        return new SpringApplicationBuilder(MicroreachApplication.class)
                .web(WebApplicationType.NONE)
                .properties("microreach.home=" + home, "microreach.demo.enabled=true", "microreach.demo.creators=40")
                .properties(more)
                .run();
    }

    private static java.util.List<java.util.Map<String, Object>> scorecards(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT a.platform, a.handle, a.is_demo, s.trust_score FROM account a"
                + " LEFT JOIN account_score s ON s.account_id = a.id ORDER BY a.platform, a.handle");
    }

    @Test
    void firstStartLoadsTheGeneratedDemoDataAndTheSecondReusesIt() throws Exception {
        Path home = TestHomes.newHome("demo");
        long accounts;
        FileTime manifestTime;
        try (ConfigurableApplicationContext ctx = start(home)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
            assertThat(accounts).isGreaterThanOrEqualTo(40);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE NOT is_demo", Long.class))
                    .as("every loaded account is marked as demo data")
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM post WHERE account_id IS NULL", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM follower_sample", Long.class))
                    .isPositive();
            assertThat(home.resolve("demo-data/ground-truth.jsonl")).exists();
            assertThat(home.resolve("demo-data/data.jsonl"))
                    .as("large JSONL removed after import")
                    .doesNotExist();
            manifestTime = Files.getLastModifiedTime(home.resolve("demo-data/manifest.json"));
            assertThat(jdbc.queryForList(
                            "SELECT c.status FROM campaign c JOIN workspace w ON w.id = c.workspace_id"
                                    + " WHERE w.name = 'demo' AND c.is_demo ORDER BY c.status",
                            String.class))
                    .as("one finished and one running demo campaign, in the demo user's workspace")
                    .containsExactly("finished", "running");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_click WHERE kind = 'click'", Long.class))
                    .isPositive();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM campaign_order WHERE campaign_creator_id IS NOT NULL", Long.class))
                    .isPositive();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM campaign_deliverable WHERE post_id IS NOT NULL", Long.class))
                    .as("published deliverables are linked to their imported posts")
                    .isPositive();
        }
        try (ConfigurableApplicationContext ctx = start(home)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Long.class))
                    .isEqualTo(accounts);
            assertThat(Files.getLastModifiedTime(home.resolve("demo-data/manifest.json")))
                    .isEqualTo(manifestTime);
        }
    }

    @Test
    void anEmptyHomeStartsFromADemoImageWithTheSameDataAndItsOwnDatabase() throws Exception {
        Path image = TestHomes.newHome("demo-image");
        java.util.List<java.util.Map<String, Object>> loaded;
        try (ConfigurableApplicationContext ctx = start(image, "microreach.database.wal-recycle=false")) {
            loaded = scorecards(ctx.getBean(JdbcTemplate.class));
        }
        assertThat(loaded).hasSizeGreaterThanOrEqualTo(40);
        Path home = TestHomes.newHome("demo-from-image");
        try (ConfigurableApplicationContext ctx = start(home, "microreach.demo.image=" + image)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(scorecards(jdbc)).isEqualTo(loaded);
            assertThat(Files.getLastModifiedTime(home.resolve("demo-data/manifest.json"))
                            .toMillis())
                    .as("copied with its time, not generated again")
                    .isEqualTo(Files.getLastModifiedTime(image.resolve("demo-data/manifest.json"))
                            .toMillis());
            assertThat(Files.readString(home.resolve("runtime/microreach.password")))
                    .as("a copy gets passwords of its own")
                    .isNotEqualTo(Files.readString(image.resolve("runtime/microreach.password")));
            assertThat(home.resolve("runtime/rotate-passwords")).doesNotExist();
            // The copy is a database of its own: a change here does not reach the image.
            jdbc.update("UPDATE account SET bio = 'changed in the copy'");
        }
        try (ConfigurableApplicationContext ctx = start(image)) {
            assertThat(ctx.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "SELECT count(*) FROM account WHERE bio = 'changed in the copy'", Long.class))
                    .isZero();
        }
    }
}
