package io.microreach.app.shortlists;

import static io.microreach.app.WebClient.assertFriendly;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShortlistPagesTest extends SpringAppTest {
    @Autowired
    ShortlistService shortlists;

    private WebClient web;
    private long account;

    @BeforeEach
    void data() {
        web = new WebClient(port);
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers, display_name)"
                + " VALUES ('youtube', 'u1', 'maker', 1200, '<b>Maker</b>')");
        account = jdbc.queryForObject("SELECT id FROM account", Long.class);
    }

    @Test
    void emptyPageSaysWhatToDo() {
        assertThat(web.get("/shortlists").body()).contains("No shortlists yet").contains("Add to shortlist");
    }

    @Test
    void formsCreateAddRenameRemoveAndDeleteWithoutJavaScript() {
        var created = web.form("/shortlists", Map.of("name", "Launch"), false);
        assertThat(created.statusCode()).isEqualTo(302);
        long id = shortlists.lists().get(0).id();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/shortlists?list=" + id);

        assertThat(web.form("/shortlists/add", Map.of("accountId", "" + account, "list", "" + id), false)
                        .statusCode())
                .isEqualTo(302);
        String page = web.get("/shortlists?list=" + id).body();
        assertThat(page).contains("@maker").contains("&lt;b&gt;Maker&lt;/b&gt;").contains("1 account<");

        web.form("/shortlists/" + id + "/rename", Map.of("name", "Launch 2"), false);
        assertThat(shortlists.get(id).name()).isEqualTo("Launch 2");
        var removed = web.form("/shortlists/" + id + "/entries/" + account + "/delete", Map.of(), true);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("hx-swap-oob").contains("0 accounts");
        web.form("/shortlists/" + id + "/delete", Map.of(), false);
        assertThat(shortlists.lists()).isEmpty();
    }

    @Test
    void addingTwiceFromTheCreatorPageKeepsOneEntry() {
        var first = web.form("/shortlists/add", Map.of("accountId", "" + account, "newName", "Picks"), true);
        var second = web.form("/shortlists/add", Map.of("accountId", "" + account, "newName", "picks"), true);
        assertThat(first.body()).contains("Added to");
        assertThat(second.body()).contains("Already on");
        assertThat(shortlists.lists()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shortlist_entry", Long.class))
                .isEqualTo(1);
    }

    @Test
    void badRequestsGetAFriendlyMessageNotAStackTrace() {
        long id = shortlists.create("Existing").id();
        assertFriendly(web.get("/shortlists?list=999999"), 404, "999999");
        assertFriendly(web.get("/shortlists?list=abc"), 400, "list");
        assertFriendly(web.form("/shortlists", Map.of("name", " "), false), 400, "name");
        assertFriendly(web.form("/shortlists", Map.of("name", "existing"), false), 409, "already exists");
        assertFriendly(web.form("/shortlists/999999/rename", Map.of("name", "x"), false), 404, "999999");
        assertFriendly(web.form("/shortlists/999999/delete", Map.of(), false), 404, "999999");
        var missing = web.form("/shortlists/add", Map.of("accountId", "" + account), true);
        assertFriendly(missing, 400, "choose a shortlist");
        assertThat(missing.body()).as("the form comes back with the message").contains("id=\"add-to-shortlist\"");
        assertFriendly(web.form("/shortlists/add", Map.of("accountId", "" + account), false), 400, "list");
        assertFriendly(web.form("/shortlists/add", Map.of("list", "" + id), true), 400, "accountId");
        assertFriendly(
                web.form("/shortlists/add", Map.of("accountId", "nope", "list", "" + id), true), 400, "accountId");
        assertFriendly(
                web.form("/shortlists/add", Map.of("accountId", "424242", "list", "" + id), true), 404, "accountId");
        var fragment = web.form("/shortlists/add", Map.of("accountId", "424242", "list", "" + id), true);
        assertThat(fragment.body()).as("htmx gets a fragment, not a page").doesNotContain("<html");
    }
}
