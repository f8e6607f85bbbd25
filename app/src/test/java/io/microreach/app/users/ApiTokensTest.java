package io.microreach.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiTokensTest extends SpringAppTest {
    @Autowired
    Users users;

    @Autowired
    Workspaces workspaces;

    @Autowired
    ApiTokens tokens;

    private Workspace team;

    @BeforeEach
    void people() {
        jdbc.execute("TRUNCATE api_token, workspace_member, audit_event, app_user RESTART IDENTITY CASCADE");
        jdbc.update("DELETE FROM workspace WHERE name <> 'default'");
        team = workspaces.create("team", "test");
        users.add("owner@example.com", "owner password".toCharArray(), false, "test");
        users.join("owner@example.com", team, Role.OWNER, "test");
        users.add("viewer@example.com", "viewer password".toCharArray(), false, "test");
        users.join("viewer@example.com", team, Role.VIEWER, "test");
    }

    @Test
    void aLiveTokenSpeaksForItsUserInItsWorkspaceAndNothingElseDoes() {
        IssuedToken write = tokens.create("owner@example.com", "team", TokenScope.WRITE, "ci", "test");

        TokenHolder holder = tokens.authenticate(write.token()).orElseThrow();
        assertThat(holder.email()).isEqualTo("owner@example.com");
        assertThat(holder.workspace()).isEqualTo("team");
        assertThat(holder.canWrite()).isTrue();
        assertThat(jdbc.queryForObject("SELECT last_used_at IS NOT NULL FROM api_token", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_token WHERE prefix = ? AND token_hash = ?",
                        Long.class,
                        write.prefix(),
                        ApiTokens.digest(write.token())))
                .as("only the digest and the first characters are stored")
                .isEqualTo(1L);

        String flipped = write.token().substring(0, 20)
                + (write.token().charAt(20) == 'a' ? 'b' : 'a')
                + write.token().substring(21);
        assertThat(tokens.authenticate(flipped)).as("one character changed").isEmpty();
        assertThat(tokens.authenticate(write.token() + "x")).as("too long").isEmpty();
        assertThat(tokens.authenticate("Bearer " + write.token())).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();

        users.setDisabled("owner@example.com", true, "test");
        assertThat(tokens.authenticate(write.token())).as("user disabled").isEmpty();
        users.setDisabled("owner@example.com", false, "test");
        assertThat(tokens.authenticate(write.token())).isPresent();

        jdbc.update(
                "DELETE FROM workspace_member WHERE user_id = (SELECT id FROM app_user WHERE email = ?)",
                "owner@example.com");
        assertThat(tokens.authenticate(write.token())).as("no longer a member").isEmpty();
        users.join("owner@example.com", team, Role.MEMBER, "test");

        assertThat(tokens.revoke(write.id(), "test")).isTrue();
        assertThat(tokens.authenticate(write.token())).as("revoked").isEmpty();
    }

    @Test
    void aViewerGetsOnlyReadTokensAndAReadTokenNeverWrites() {
        assertThatThrownBy(() -> tokens.create("viewer@example.com", "team", TokenScope.WRITE, null, "test"))
                .hasMessageContaining("viewer")
                .hasMessageContaining("read tokens");
        IssuedToken read = tokens.create("viewer@example.com", "team", TokenScope.READ, null, "test");
        assertThat(tokens.authenticate(read.token()).orElseThrow().canWrite()).isFalse();

        IssuedToken ownerRead = tokens.create("owner@example.com", "team", TokenScope.READ, null, "test");
        assertThat(tokens.authenticate(ownerRead.token()).orElseThrow().canWrite())
                .isFalse();
        assertThatThrownBy(() -> tokens.create("owner@example.com", "default", TokenScope.READ, null, "test"))
                .hasMessageContaining("not a member of workspace 'default'");
    }

    @Test
    void passwordsAreHashedAndChecked() {
        assertThat(jdbc.queryForObject(
                        "SELECT password_hash FROM app_user WHERE email = 'owner@example.com'", String.class))
                .startsWith("{bcrypt}$2")
                .doesNotContain("owner password");
        assertThat(users.passwordMatches("OWNER@example.com", "owner password".toCharArray()))
                .isTrue();
        assertThat(users.passwordMatches("owner@example.com", "owner passworD".toCharArray()))
                .isFalse();
        assertThat(users.passwordMatches("nobody@example.com", "owner password".toCharArray()))
                .isFalse();
        assertThatThrownBy(() -> users.add("OWNER@example.com", "another one".toCharArray(), false, "test"))
                .hasMessageContaining("exists already");
        assertThatThrownBy(() ->
                        users.setPassword("owner@example.com", "x".repeat(73).toCharArray(), "test"))
                .hasMessageContaining("at most 72 bytes");
    }
}
