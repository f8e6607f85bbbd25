package io.microreach.app.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.campaigns.Campaign;
import io.microreach.app.campaigns.CampaignDraft;
import io.microreach.app.campaigns.CampaignService;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's shared test context has no {@code spring.mail.host}: outreach says so instead of failing later. */
class OutreachNotConfiguredTest extends SpringAppTest {
    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    CampaignService campaigns;

    @Autowired
    OutreachService outreach;

    @TempDir
    Path dir;

    @Test
    void withoutAMailServerThePageTheApiAndTheJobSaySoAndNothingIsLogged() {
        jdbc.update("DELETE FROM campaign");
        emptyPublicTables();
        ScoredData.load(importer, scorer, dir, 4, 5);
        long account = jdbc.queryForObject("SELECT min(id) FROM account", Long.class);
        Campaign c = campaigns.create(new CampaignDraft(
                "Unmailed",
                null,
                new BigDecimal("500"),
                "EUR",
                null,
                null,
                "https://shop.example/",
                null,
                List.of(),
                null,
                List.of(new CampaignDraft.CreatorDraft(
                        account, new BigDecimal("100"), null, List.of(), null, "someone@creators.test")),
                null));
        WebClient web = new WebClient(port);

        HttpResponse<String> api = web.json("POST", "/api/campaigns/" + c.id() + "/outreach/invitations", "{}");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.body()).contains("e-mail is not configured: set spring.mail.host");

        HttpResponse<String> page = web.get("/campaigns/" + c.id() + "/outreach");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("e-mail is not configured: set spring.mail.host");

        HttpResponse<String> send =
                web.form("/campaigns/" + c.id() + "/outreach/invitations", java.util.Map.of(), false);
        assertThat(send.statusCode()).isEqualTo(503);
        assertThat(send.body()).contains("e-mail is not configured");

        assertThat(outreach.mailConfigured()).isFalse();
        assertThat(outreach.sendDueReminders()).isZero();
        assertThat(outreach.messages(c.id())).isEmpty();
        assertThat(campaigns.timeline(c.id())).noneMatch(e -> e.kind().equals("email"));
    }
}
