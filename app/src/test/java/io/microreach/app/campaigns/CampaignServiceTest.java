package io.microreach.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.planner.BriefReader;
import io.microreach.app.planner.PlanResponse;
import io.microreach.app.planner.PlanService;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.campaigns.DeliverableStatus;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CampaignServiceTest extends SpringAppTest {
    private static final String BRIEF = """
            budget: 3000
            currency: USD
            objective: engaged-reach
            deliverables: [post]
            constraints:
              maxCreators: 4
              minEvidence: {trustScore: false, posts: 0}
            """;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    PlanService plans;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignStarter starter;

    @Autowired
    CampaignReports reports;

    @Autowired
    CreatorReliability reliability;

    @Autowired
    io.microreach.app.security.CurrentWorkspace workspace;

    @Autowired
    io.microreach.app.planner.AudienceStore audiences;

    @Autowired
    io.microreach.app.planner.PriceService prices;

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void data() throws Exception {
        jdbc.update("DELETE FROM campaign");
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(30, 4)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
    }

    private CampaignSettings settings(String name) {
        return new CampaignSettings(
                name,
                "https://shop.example/spring?ref=influencers",
                "#GlowWithAcme",
                List.of("@acme"),
                LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 10),
                null,
                null,
                null);
    }

    @Test
    void aCampaignFromAPlanHoldsThePlansCreatorsWithLinksCodesAndDeliverables() {
        PlanResponse plan = plans.plan(BriefReader.read(BRIEF));
        Campaign c = starter.fromPlan(BriefReader.read(BRIEF), settings("Spring launch"));

        assertThat(c.status()).isEqualTo("draft");
        assertThat(c.objective()).isEqualTo("engaged-reach");
        assertThat(c.budget()).isEqualByComparingTo("3000");
        assertThat(c.currency()).isEqualTo("USD");
        assertThat(c.hashtag()).isEqualTo("GlowWithAcme");
        assertThat(c.brandHandles()).containsExactly("acme");
        assertThat(c.attributionWindowDays()).isEqualTo(7);
        assertThat(c.creators())
                .extracting(CampaignCreator::handle)
                .containsExactlyInAnyOrderElementsOf(plan.creators().stream()
                        .map(PlanResponse.Creator::handle)
                        .toList());
        Set<String> codes = new HashSet<>();
        Set<String> promos = new HashSet<>();
        for (CampaignCreator cc : c.creators()) {
            assertThat(cc.trackingCode()).matches("[A-Za-z0-9]{10}");
            assertThat(cc.trackingUrl()).endsWith("/r/" + cc.trackingCode()).startsWith("http");
            assertThat(cc.promoCode()).matches("[A-Z0-9]{1,12}[0-9]{2,}");
            codes.add(cc.trackingCode());
            promos.add(cc.promoCode());
            assertThat(cc.forecast()).as("the plan's forecast band is kept").isNotNull();
            assertThat(cc.forecast().engagements().p10())
                    .isLessThanOrEqualTo(cc.forecast().engagements().p90());
            assertThat(cc.deliverables()).hasSize(1);
            CampaignDeliverable d = cc.deliverables().get(0);
            assertThat(d.format()).isEqualTo("post");
            assertThat(d.dueOn())
                    .as("two weeks after the start, but not after the end")
                    .isEqualTo("2026-05-10");
            assertThat(d.requiredHashtags()).containsExactly("GlowWithAcme");
            assertThat(d.requiredMentions()).containsExactly("acme");
            assertThat(d.requireLink()).isTrue();
            assertThat(d.status()).isEqualTo(DeliverableStatus.INVITED);
        }
        assertThat(codes).hasSize(c.creators().size());
        assertThat(promos).hasSize(c.creators().size());
        BigDecimal planned = plan.creators().stream()
                .map(p -> BigDecimal.valueOf(p.cost()).setScale(2, java.math.RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(c.spend()).isEqualByComparingTo(planned);
        assertThat(jdbc.queryForObject("SELECT plan->>'currency' FROM campaign WHERE id = ?", String.class, c.id()))
                .isEqualTo("USD");
        assertThat(campaigns.list()).extracting(CampaignSummary::name).containsExactly("Spring launch");
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() {
        assertField(settingsWith(null, "https://x.example"), "name");
        assertField(settingsWith("A", "javascript:alert(1)"), "landingUrl");
        assertField(settingsWith("A", "https://user:pw@x.example/"), "landingUrl");
        assertField(
                new CampaignSettings(
                        "A",
                        "https://x.example",
                        "#ok",
                        List.of(),
                        LocalDate.of(2026, 5, 2),
                        LocalDate.of(2026, 5, 1),
                        null,
                        null,
                        null),
                "endsOn");
        assertField(
                new CampaignSettings("A", "https://x.example", "not a tag!", List.of(), null, null, null, null, null),
                "hashtag");
        assertField(
                new CampaignSettings("A", "https://x.example", null, List.of("<b>"), null, null, null, null, null),
                "brandHandles");
        assertField(
                new CampaignSettings("A", "https://x.example", null, List.of(), null, null, 0, null, null),
                "attributionWindowDays");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_creator", Long.class))
                .isZero();

        starter.fromPlan(BriefReader.read(BRIEF), settings("Taken"));
        assertThatThrownBy(() -> starter.fromPlan(BriefReader.read(BRIEF), settings("taken")))
                .isInstanceOfSatisfying(CampaignProblem.class, e -> {
                    assertThat(e.kind()).isEqualTo(CampaignProblem.Kind.CONFLICT);
                    assertThat(e.field()).isEqualTo("name");
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign", Long.class))
                .isOne();
    }

    private static CampaignSettings settingsWith(String name, String url) {
        return new CampaignSettings(name, url, null, List.of(), null, null, null, null, null);
    }

    private void assertField(CampaignSettings s, String field) {
        assertThatThrownBy(() -> starter.fromPlan(BriefReader.read(BRIEF), s))
                .isInstanceOfSatisfying(CampaignProblem.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.kind()).isEqualTo(CampaignProblem.Kind.INVALID);
                });
    }

    @Test
    void promoCodesAreUniqueInTheWorkspaceIgnoringCase() {
        Campaign a = starter.fromPlan(BriefReader.read(BRIEF), settings("A"));
        Campaign b = starter.fromPlan(BriefReader.read(BRIEF), settings("B"));
        CampaignCreator first = a.creators().get(0);
        CampaignCreator other = b.creators().get(0);
        assertThat(other.promoCode())
                .as("the same creator in a second campaign gets the next code")
                .isNotEqualToIgnoringCase(first.promoCode());
        assertThatThrownBy(() -> campaigns.setPromoCode(
                        b.id(), other.id(), first.promoCode().toLowerCase()))
                .isInstanceOfSatisfying(CampaignProblem.class, e -> {
                    assertThat(e.kind()).isEqualTo(CampaignProblem.Kind.CONFLICT);
                    assertThat(e.field()).isEqualTo("promoCode");
                });
        assertThat(campaigns.setPromoCode(b.id(), other.id(), "spring-25").promoCode())
                .isEqualTo("SPRING-25");
        assertThatThrownBy(() -> campaigns.setPromoCode(b.id(), other.id(), "a b"))
                .isInstanceOfSatisfying(
                        CampaignProblem.class, e -> assertThat(e.kind()).isEqualTo(CampaignProblem.Kind.INVALID));
    }

    @Test
    void deliverablesMoveOnlyAlongAllowedStepsAndEveryMoveIsOnTheTimeline() {
        Campaign c = starter.fromPlan(BriefReader.read(BRIEF), settings("Moves"));
        CampaignDeliverable d = c.creators().get(0).deliverables().get(0);
        assertThat(d.late()).as("due 2026-05-10, long past and not published").isTrue();

        assertThatThrownBy(() -> campaigns.move(c.id(), d.id(), "paid", null))
                .isInstanceOfSatisfying(CampaignProblem.class, e -> {
                    assertThat(e.kind()).isEqualTo(CampaignProblem.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("invited cannot become paid", "accepted");
                });
        assertThatThrownBy(() -> campaigns.move(c.id(), d.id(), "shipped", null))
                .isInstanceOfSatisfying(
                        CampaignProblem.class, e -> assertThat(e.kind()).isEqualTo(CampaignProblem.Kind.INVALID));

        campaigns.move(c.id(), d.id(), "accepted", "signed the brief");
        assertThat(campaigns.get(c.id()).status())
                .as("the first acceptance starts the campaign")
                .isEqualTo("running");
        campaigns.move(c.id(), d.id(), "submitted", null);
        campaigns.move(c.id(), d.id(), "revisions_requested", "logo too small");
        campaigns.move(c.id(), d.id(), "submitted", null);
        campaigns.move(c.id(), d.id(), "approved", null);
        CampaignDeliverable published = campaigns.move(c.id(), d.id(), "published", null);
        assertThat(published.revisions()).isEqualTo(1);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(published.late()).isFalse();
        CampaignDeliverable paid = campaigns.move(c.id(), d.id(), "paid", null);
        assertThat(paid.nextStatuses()).isEmpty();

        List<CampaignEvent> timeline = campaigns.timeline(c.id());
        assertThat(timeline.stream()
                        .filter(e -> d.id() == (e.deliverableId() == null ? -1 : e.deliverableId()))
                        .map(CampaignEvent::status)
                        .toList())
                .containsExactly(
                        "paid", "published", "approved", "submitted", "revisions_requested", "submitted", "accepted");
        assertThat(timeline).anySatisfy(e -> assertThat(e.note()).isEqualTo("logo too small"));
    }

    @Test
    void aPostLinksByUrlOrPlatformIdAndAPostNotYetImportedLinksLater() {
        Campaign c = starter.fromPlan(BriefReader.read(BRIEF), settings("Posts"));
        CampaignCreator cc = c.creators().get(0);
        CampaignDeliverable d = cc.deliverables().get(0);
        String platformId = jdbc.queryForObject(
                "SELECT platform_id FROM post WHERE account_id = ? ORDER BY id LIMIT 1", String.class, cc.accountId());
        CampaignDeliverable linked = campaigns.linkPost(c.id(), d.id(), platformId);
        assertThat(linked.postId()).isNotNull();

        CampaignDeliverable pending = campaigns.linkPost(c.id(), d.id(), "https://www.instagram.com/p/NEW123/");
        assertThat(pending.postId()).isNull();
        assertThat(pending.postRef()).isEqualTo("https://www.instagram.com/p/NEW123/");
        jdbc.update(
                "INSERT INTO post (platform, platform_id, account_platform_id, account_id, published_at, format, url)"
                        + " SELECT platform, 'NEW123', platform_id, id, now(), 'photo',"
                        + " 'https://www.instagram.com/p/NEW123' FROM account WHERE id = ?",
                cc.accountId());
        assertThat(campaigns.resolvePendingPosts(c.id())).isOne();
        assertThat(campaigns.deliverable(c.id(), d.id()).postId()).isNotNull();
    }

    @Test
    void theApiCreatesFromABriefAndNamesBadFields() {
        WebClient web = new WebClient(port);
        HttpResponse<String> created = web.json(
                "POST",
                "/api/campaigns",
                "{\"name\":\"Api launch\",\"landingUrl\":\"https://shop.example/\",\"startsOn\":\"2026-06-01\","
                        + "\"plan\":{\"budget\":2000,\"currency\":\"EUR\",\"constraints\":{\"maxCreators\":3,"
                        + "\"minEvidence\":{\"trustScore\":false,\"posts\":0}}}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        long id = body.get("id").asLong();
        assertThat(body.get("creators")).isNotEmpty();
        assertThat(body.get("creators").get(0).get("trackingUrl").asString()).contains("/r/");
        assertThat(body.get("creators").get(0).get("promoCode").asString()).isNotBlank();

        HttpResponse<String> bad = web.json(
                "POST", "/api/campaigns", "{\"name\":\"X\",\"landingUrl\":\"https://a.example\",\"startsOn\":\"May\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("parameter").asString()).isEqualTo("startsOn");

        HttpResponse<String> badPlan = web.json(
                "POST",
                "/api/campaigns",
                "{\"name\":\"Y\",\"landingUrl\":\"https://a.example\",\"plan\":{\"budget\":0}}");
        assertThat(badPlan.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badPlan.body()).get("parameter").asString()).isEqualTo("plan.budget");

        long deliverable =
                body.get("creators").get(0).get("deliverables").get(0).get("id").asLong();
        HttpResponse<String> wrongMove = web.json(
                "POST", "/api/campaigns/" + id + "/deliverables/" + deliverable + "/status", "{\"status\":\"paid\"}");
        assertThat(wrongMove.statusCode()).isEqualTo(409);
        HttpResponse<String> move = web.json(
                "POST",
                "/api/campaigns/" + id + "/deliverables/" + deliverable + "/status",
                "{\"status\":\"accepted\",\"note\":\"ok\"}");
        assertThat(move.statusCode()).isEqualTo(200);
        assertThat(json.readTree(move.body()).get("status").asString()).isEqualTo("accepted");
        assertThat(web.json("GET", "/api/campaigns/" + (id + 999), null).statusCode())
                .isEqualTo(404);
        assertThat(json.readTree(web.json("GET", "/api/campaigns/" + id + "/timeline", null)
                                .body())
                        .size())
                .isGreaterThan(2);
    }

    @Test
    void aCreatorsRecordCountsOnTimeGhostedAndRevisionsAndWeighsInSearchAndPlanOnlyWithAWeight() {
        Campaign c = starter.fromPlan(BriefReader.read(BRIEF), settings("Record"));
        assertThat(c.creators()).hasSizeGreaterThanOrEqualTo(3);
        CampaignCreator punctual = c.creators().get(0);
        CampaignCreator ghost = c.creators().get(1);
        CampaignCreator late = c.creators().get(2);
        long dPunctual = punctual.deliverables().get(0).id();
        // Due 10 May: one published on the 9th after one revision, one ghosted, one published on the 20th.
        jdbc.update(
                "UPDATE campaign_deliverable SET status = 'published', published_at = '2026-05-09T12:00:00Z',"
                        + " revisions = 1 WHERE id = ?",
                dPunctual);
        jdbc.update(
                "UPDATE campaign_deliverable SET status = 'ghosted' WHERE id = ?",
                ghost.deliverables().get(0).id());
        jdbc.update(
                "UPDATE campaign_deliverable SET status = 'published', published_at = '2026-05-20T12:00:00Z'"
                        + " WHERE id = ?",
                late.deliverables().get(0).id());

        io.microreach.campaigns.ReliabilityHistory p =
                reliability.forAccount(punctual.accountId()).orElseThrow();
        assertThat(p.onTimeRate()).isEqualTo(1.0);
        assertThat(p.ghostingRate()).isEqualTo(0.0);
        assertThat(p.meanRevisions()).isEqualTo(1.0);
        assertThat(p.disclosureMissRate()).as("no post linked, nothing checked").isNull();
        io.microreach.campaigns.ReliabilityHistory g =
                reliability.forAccount(ghost.accountId()).orElseThrow();
        assertThat(g.ghostingRate()).isEqualTo(1.0);
        assertThat(g.onTimeRate()).isEqualTo(0.0);
        assertThat(reliability.forAccount(late.accountId()).orElseThrow().onTimeRate())
                .isEqualTo(0.0);
        // The creator page shows the record and says it is not used in ranking.
        HttpResponse<String> page = new WebClient(port).get("/creators/" + ghost.accountId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Campaign record")
                .contains("100% (1 of 1 finished deliverables)")
                .contains("Not used in ranking or planning");
        // Off by default: no factor reaches search or the planner.
        assertThat(reliability.weight()).isZero();
        assertThat(reliability.current()).isEmpty();

        CreatorReliability weighted = new CreatorReliability(jdbc, campaigns, reports, workspace, 0.5);
        java.util.Map<Long, Double> factors = weighted.current();
        assertThat(factors).doesNotContainKey(punctual.accountId());
        assertThat(factors.get(ghost.accountId())).isEqualTo(0.5);
        assertThat(factors.get(late.accountId())).isEqualTo(0.75);

        // The planner multiplies a creator's expected results by its factor: near 0, it is planned without it.
        PlanService withRecord =
                new PlanService(jdbc, audiences, prices, () -> java.util.Map.of(ghost.accountId(), 1e-6));
        assertThat(plans.plan(BriefReader.read(BRIEF)).creators())
                .extracting(PlanResponse.Creator::handle)
                .contains(ghost.handle());
        assertThat(withRecord.plan(BriefReader.read(BRIEF)).creators())
                .extracting(PlanResponse.Creator::handle)
                .doesNotContain(ghost.handle());
    }
}
