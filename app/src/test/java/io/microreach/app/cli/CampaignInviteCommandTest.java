package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.microreach.app.CommandCapture;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code microreach campaign invite}: with {@code --json} standard output is one JSON document and nothing else; without
 * a mail server it exits 2 saying what to configure.
 */
class CampaignInviteCommandTest {
    private static final Path HOME = TestHomes.newHome("cli-invite");

    @Test
    void inviteJsonPrintsOnlyJsonAndNamesWhyEachCreatorWasSkipped() throws Exception {
        Path data = HOME.resolve("data");
        assertThat(CommandCapture.run(HOME, "generate", "--creators", "30", "--seed", "4", "--out", data.toString())
                        .code())
                .isZero();
        assertThat(CommandCapture.run(HOME, "import", data.resolve("data.jsonl").toString())
                        .code())
                .isZero();
        Path brief = Files.writeString(
                HOME.resolve("brief.yaml"),
                "budget: 3000\ncurrency: USD\ndeliverables: [post]\nconstraints:\n  maxCreators: 3\n"
                        + "  minEvidence: {trustScore: false, posts: 0}\n");
        CommandCapture.Captured created = CommandCapture.run(
                HOME,
                "campaign",
                "create",
                "--from-plan",
                brief.toString(),
                "--name",
                "Invite test",
                "--landing-url",
                "https://shop.example/",
                "--json");
        assertThat(created.code()).as(created.stderr()).isZero();
        JsonNode campaign = new ObjectMapper().readTree(created.stdout());
        String id = campaign.get("id").asText();
        int creators = campaign.get("creators").size();
        assertThat(creators).isPositive();

        CommandCapture.Captured unconfigured =
                CommandCapture.run(HOME, "campaign", "invite", "--campaign", id, "--json");
        assertThat(unconfigured.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(unconfigured.stdout()).isEmpty();
        assertThat(unconfigured.stderr()).contains("e-mail is not configured: set spring.mail.host");

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            System.setProperty("spring.mail.host", "127.0.0.1");
            System.setProperty("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
            CommandCapture.Captured r = CommandCapture.run(HOME, "campaign", "invite", "--campaign", id, "--json");
            assertThat(r.code()).as(r.stderr()).isZero();
            JsonNode result = new ObjectMapper().readTree(r.stdout());
            assertThat(r.stdout().strip()).startsWith("{").endsWith("}");
            assertThat(result.get("campaignId").asText()).isEqualTo(id);
            assertThat(result.get("sent")).isEmpty();
            assertThat(result.get("skipped")).hasSize(creators);
            result.get("skipped")
                    .forEach(s -> assertThat(s.get("reason").asText()).startsWith("no contact e-mail"));
            assertThat(smtp.getReceivedMessages()).isEmpty();
        } finally {
            System.clearProperty("spring.mail.host");
            System.clearProperty("spring.mail.port");
            smtp.stop();
        }
    }
}
