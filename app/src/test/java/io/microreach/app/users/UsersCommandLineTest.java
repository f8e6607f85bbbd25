package io.microreach.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.TestHomes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The user, workspace, token and audit commands as an operator runs them, on a home of their own. */
class UsersCommandLineTest {
    private static final Path HOME = TestHomes.newHome("users-cli");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOwnerWithAPipedPasswordGetsAWriteTokenAndEveryChangeIsAudited() throws Exception {
        Captured added = CommandCapture.runWithInput(
                HOME,
                "correct horse battery\n",
                "user",
                "add",
                "--email",
                "Ana@Example.com",
                "--workspace",
                "Glow GmbH",
                "--role",
                "owner",
                "--json");
        assertThat(added.code()).as(added.stderr()).isZero();
        JsonNode user = JSON.readTree(added.stdout());
        assertThat(user.get("email").asText()).isEqualTo("ana@example.com");
        assertThat(user.get("workspaces").get(0).get("workspace").asText()).isEqualTo("Glow GmbH");
        assertThat(user.get("workspaces").get(0).get("role").asText()).isEqualTo("owner");

        Captured token = CommandCapture.run(
                HOME,
                "token",
                "create",
                "--email",
                "ana@example.com",
                "--workspace",
                "Glow GmbH",
                "--scope",
                "write",
                "--json");
        assertThat(token.code()).as(token.stderr()).isZero();
        JsonNode issued = JSON.readTree(token.stdout());
        assertThat(issued.get("token").asText()).startsWith("mr_").hasSize(46);
        assertThat(issued.get("scope").asText()).isEqualTo("write");

        Captured list = CommandCapture.run(HOME, "token", "list", "--json");
        assertThat(list.stdout())
                .as("a listing never shows the token")
                .doesNotContain(issued.get("token").asText())
                .contains(issued.get("token").asText().substring(0, 10));

        Captured revoked =
                CommandCapture.run(HOME, "token", "revoke", issued.get("id").asText());
        assertThat(revoked.code()).isZero();
        Captured again =
                CommandCapture.run(HOME, "token", "revoke", issued.get("id").asText());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.stderr()).contains("no live token");

        assertThat(CommandCapture.run(HOME, "user", "disable", "--email", "ana@example.com")
                        .stdout())
                .contains("Disabled ana@example.com");
        Captured refused =
                CommandCapture.run(HOME, "token", "create", "--email", "ana@example.com", "--workspace", "Glow GmbH");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.stderr()).contains("is disabled");
        assertThat(CommandCapture.run(HOME, "user", "enable", "--email", "ana@example.com")
                        .stdout())
                .contains("Enabled ana@example.com");

        Captured audit = CommandCapture.run(HOME, "audit", "--since", "1h", "--json");
        assertThat(audit.code()).as(audit.stderr()).isZero();
        JsonNode events = JSON.readTree(audit.stdout()).get("events");
        assertThat(events.findValuesAsText("action"))
                .containsSubsequence(
                        "user.add",
                        "workspace.add",
                        "member.role",
                        "token.create",
                        "token.revoke",
                        "user.disable",
                        "user.enable");
        assertThat(events.findValuesAsText("actor")).allMatch(a -> a.startsWith("cli:"));
        assertThat(audit.stdout())
                .as("the audit log never holds a password or a token")
                .doesNotContain("correct horse")
                .doesNotContain(issued.get("token").asText());
    }

    @Test
    void badInputIsRefusedWithOneLineThatSaysWhy() {
        Captured noPassword = CommandCapture.runWithInput(HOME, "", "user", "add", "--email", "bo@example.com");
        assertThat(noPassword.code()).isEqualTo(1);
        assertThat(noPassword.stderr()).contains("give the password on standard input");

        Captured shortPassword =
                CommandCapture.runWithInput(HOME, "short\n", "user", "add", "--email", "bo@example.com");
        assertThat(shortPassword.code()).isEqualTo(1);
        assertThat(shortPassword.stderr()).contains("at least 8 characters").doesNotContain("Exception");

        Captured badEmail = CommandCapture.runWithInput(HOME, "long enough pw\n", "user", "add", "--email", "bo");
        assertThat(badEmail.code()).isEqualTo(1);
        assertThat(badEmail.stderr()).contains("'bo' is not an e-mail address");

        Captured badRole = CommandCapture.runWithInput(
                HOME, "long enough pw\n", "user", "add", "--email", "bo@example.com", "--role", "boss");
        assertThat(badRole.code()).isEqualTo(1);
        assertThat(badRole.stderr()).contains("unknown role 'boss'");

        Captured noMember =
                CommandCapture.run(HOME, "token", "create", "--email", "nobody@example.com", "--workspace", "default");
        assertThat(noMember.code()).isEqualTo(1);
        assertThat(noMember.stderr()).contains("no user nobody@example.com");
    }
}
