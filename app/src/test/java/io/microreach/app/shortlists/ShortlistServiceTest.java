package io.microreach.app.shortlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShortlistServiceTest extends SpringAppTest {
    @Autowired
    ShortlistService shortlists;

    private long account;
    private long otherWorkspaceList;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers) VALUES ('twitter', 'x1', 'x', 5)");
        account = jdbc.queryForObject("SELECT id FROM account", Long.class);
        jdbc.update("INSERT INTO workspace (name) VALUES ('other') ON CONFLICT DO NOTHING");
        otherWorkspaceList = jdbc.queryForObject(
                "INSERT INTO shortlist (workspace_id, name) SELECT id, 'Theirs' FROM workspace WHERE name = 'other'"
                        + " RETURNING id",
                Long.class);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM shortlist");
        jdbc.update("DELETE FROM workspace WHERE name = 'other'");
    }

    @Test
    void anotherWorkspacesListsAreInvisibleAndUntouchable() {
        assertThat(shortlists.lists()).isEmpty();
        assertThat(shortlists.find(otherWorkspaceList)).isEmpty();
        assertThatThrownBy(() -> shortlists.add(otherWorkspaceList, account))
                .isInstanceOf(ShortlistProblem.class)
                .hasMessageContaining("no shortlist");
        assertThatThrownBy(() -> shortlists.delete(otherWorkspaceList)).isInstanceOf(ShortlistProblem.class);
        assertThatThrownBy(() -> shortlists.rename(otherWorkspaceList, "Mine")).isInstanceOf(ShortlistProblem.class);
        assertThat(jdbc.queryForObject("SELECT name FROM shortlist WHERE id = ?", String.class, otherWorkspaceList))
                .isEqualTo("Theirs");
        // The same name is fine in another workspace.
        assertThat(shortlists.create("Theirs").name()).isEqualTo("Theirs");
    }

    @Test
    void namesAreTrimmedAndUniqueIgnoringCaseButARenameToItselfIsFine() {
        Shortlist list = shortlists.create("  Launch ");
        assertThat(list.name()).isEqualTo("Launch");
        assertThat(shortlists.rename(list.id(), "LAUNCH").name()).isEqualTo("LAUNCH");
        shortlists.create("Other");
        assertThatThrownBy(() -> shortlists.rename(list.id(), "other"))
                .isInstanceOf(ShortlistProblem.class)
                .satisfies(e -> assertThat(((ShortlistProblem) e).kind()).isEqualTo(ShortlistProblem.Kind.CONFLICT));
        assertThatThrownBy(() -> shortlists.create("tab\there"))
                .isInstanceOf(ShortlistProblem.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void entriesAreIdempotentAndListedNewestFirst() {
        Shortlist list = shortlists.create("L");
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers) VALUES ('twitter', 'x2', 'y', 9)");
        long second = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'y'", Long.class);
        assertThat(shortlists.add(list.id(), account)).isTrue();
        assertThat(shortlists.add(list.id(), account)).isFalse();
        assertThat(shortlists.add(list.id(), second)).isTrue();
        assertThat(shortlists.entries(list.id()))
                .extracting(ShortlistEntry::handle)
                .containsExactly("y", "x");
        assertThat(shortlists.listsContaining(account))
                .extracting(Shortlist::name)
                .containsExactly("L");
        assertThat(shortlists.remove(list.id(), account)).isTrue();
        assertThat(shortlists.remove(list.id(), account)).isFalse();
        assertThat(shortlists.get(list.id()).size()).isEqualTo(1);
    }
}
