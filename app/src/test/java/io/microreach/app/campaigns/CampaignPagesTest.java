package io.microreach.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The campaign pages work as plain forms: start from a shortlist, move deliverables, see what is late. */
class CampaignPagesTest extends SpringAppTest {
    @Autowired
    ShortlistService shortlists;

    @Autowired
    CampaignService campaigns;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    private WebClient web;
    private long list;

    @BeforeEach
    void data() {
        web = new WebClient(port);
        jdbc.update("DELETE FROM campaign");
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers) VALUES"
                + " ('instagram', 'i1', 'green.glow', 12000), ('tiktok', 't1', 'trailmix', 30000)");
        list = shortlists.create("Launch picks").id();
        jdbc.queryForList("SELECT id FROM account", Long.class).forEach(a -> shortlists.add(list, a));
    }

    private Map<String, String> campaignForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("shortlistId", "" + list);
        form.put("name", name);
        form.put("landingUrl", "https://shop.example/spring");
        form.put("hashtag", "#GlowWithAcme");
        form.put("brandHandles", "@acme, acme_eu");
        form.put("startsOn", "2026-05-01");
        form.put("endsOn", "2026-05-31");
        return form;
    }

    @Test
    void aShortlistBecomesACampaignWhoseBoardShowsLinksCodesAndLateDeliverables() {
        assertThat(web.get("/campaigns").body()).contains("No campaigns yet").contains("Launch picks");

        HttpResponse<String> created = web.form("/campaigns", campaignForm("Spring <launch>"), false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Campaign c = campaigns.get(campaigns.list().get(0).id());
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/campaigns/" + c.id());
        assertThat(c.creators()).hasSize(2);
        assertThat(c.brandHandles()).containsExactly("acme", "acme_eu");
        assertThat(c.creators())
                .allSatisfy(cc -> assertThat(cc.deliverables().get(0).fee()).isPositive());

        String board = web.get("/campaigns/" + c.id()).body();
        assertThat(board)
                .contains("Spring &lt;launch&gt;")
                .contains("@green.glow")
                .contains(c.creators().get(0).trackingUrl())
                .contains(c.creators().get(0).promoCode())
                .contains("#GlowWithAcme")
                .contains("2 late");
        assertThat(web.get("/campaigns").body()).contains("Spring &lt;launch&gt;");
    }

    @Test
    void deliverablesMoveByFormAndAMoveNotAllowedIsExplainedOnTheBoard() {
        web.form("/campaigns", campaignForm("Moves"), false);
        Campaign c = campaigns.get(campaigns.list().get(0).id());
        long d = c.creators().get(0).deliverables().get(0).id();

        HttpResponse<String> accepted = web.form(
                "/campaigns/" + c.id() + "/deliverables/" + d + "/status",
                Map.of("status", "accepted", "note", "signed"),
                false);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(campaigns.deliverable(c.id(), d).status().dbValue()).isEqualTo("accepted");

        HttpResponse<String> wrong =
                web.form("/campaigns/" + c.id() + "/deliverables/" + d + "/status", Map.of("status", "paid"), false);
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(wrong.body()).contains("accepted cannot become paid").contains("@green.glow");

        HttpResponse<String> code = web.form(
                "/campaigns/" + c.id() + "/creators/" + c.creators().get(0).id() + "/promo-code",
                Map.of("promoCode", "bad code!"),
                false);
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(code.body()).contains("promoCode").contains("is not a promo code");

        web.form("/campaigns/" + c.id() + "/notes", Map.of("note", "Call on Monday"), false);
        assertThat(web.get("/campaigns/" + c.id()).body())
                .contains("Call on Monday")
                .contains("signed");
    }

    @Test
    void badFormFieldsAreNamedAndUnknownCampaignsAreNotFound() {
        Map<String, String> form = campaignForm("Bad");
        form.put("landingUrl", "ftp://x.example");
        HttpResponse<String> bad = web.form("/campaigns", form, false);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("landingUrl").contains("http(s)");
        form.put("landingUrl", "https://x.example");
        form.put("startsOn", "1 May");
        assertThat(web.form("/campaigns", form, false).body())
                .contains("startsOn")
                .contains("not a date");
        assertThat(campaigns.list()).isEmpty();

        assertThat(web.get("/campaigns/999999").statusCode()).isEqualTo(404);
        assertThat(web.get("/campaigns/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void thePlanOfAShortlistStartsACampaign() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(20, 3)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        jdbc.queryForList("SELECT account_id FROM account_score ORDER BY account_id LIMIT 6", Long.class)
                .forEach(a -> shortlists.add(list, a));
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put("budget", "5000");
        plan.put("currency", "EUR");
        plan.put("objective", "engaged-reach");
        plan.put("minPosts", "0");
        plan.put("requireTrustScore", "false");
        HttpResponse<String> planned = web.form("/shortlists/" + list + "/plan", plan, true);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        assertThat(planned.body())
                .as("a token client starts campaigns through the API; a signed-in browser gets the form")
                .doesNotContain("Start a campaign with these creators");

        Map<String, String> form = new LinkedHashMap<>(plan);
        form.putAll(campaignForm("From plan"));
        HttpResponse<String> created = web.form("/campaigns/from-plan", form, false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Campaign c = campaigns.get(campaigns.list().get(0).id());
        assertThat(c.currency()).isEqualTo("EUR");
        assertThat(c.creators())
                .isNotEmpty()
                .allSatisfy(cc -> assertThat(cc.forecast()).isNotNull());
    }
}
