package io.microreach.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Flyway migrations on the real embedded PostgreSQL. */
class SchemaTest extends SpringAppTest {

    @Test
    void migrationsCreateThePublicAndWorkspaceTables() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
                String.class);
        assertThat(tables)
                .contains(
                        "account",
                        "campaign",
                        "comment",
                        "creator",
                        "creator_note",
                        "follow_edge",
                        "follower_count",
                        "follower_sample",
                        "negotiated_price",
                        "post",
                        "shortlist",
                        "shortlist_entry",
                        "workspace");
        assertThat(jdbc.queryForObject("SELECT name FROM workspace ORDER BY id LIMIT 1", String.class))
                .isEqualTo("default");
    }

    @Test
    void everyWorkspacePrivateTableCarriesAMandatoryWorkspaceId() {
        List<String> privateTables =
                List.of("shortlist", "shortlist_entry", "creator_note", "negotiated_price", "campaign");
        for (String table : privateTables) {
            assertThat(jdbc.queryForObject(
                            "SELECT is_nullable FROM information_schema.columns WHERE table_name = ? AND column_name = 'workspace_id'",
                            String.class,
                            table))
                    .as(table + ".workspace_id")
                    .isEqualTo("NO");
        }
    }

    @Test
    void naturalKeysAreUnique() {
        emptyPublicTables();
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers) VALUES ('tiktok', '1', 'a', 1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update(
                                "INSERT INTO account (platform, platform_id, handle, followers) VALUES ('tiktok', '1', 'b', 2)"))
                .hasMessageContaining("duplicate key");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update(
                                "INSERT INTO account (platform, platform_id, handle, followers) VALUES ('myspace', '2', 'b', 2)"))
                .hasMessageContaining("check constraint");
    }
}
