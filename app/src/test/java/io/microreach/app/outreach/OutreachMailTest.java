package io.microreach.app.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.microreach.app.ScoredData;
import io.microreach.app.TestHomes;
import io.microreach.app.WebClient;
import io.microreach.app.campaigns.Campaign;
import io.microreach.app.campaigns.CampaignCreator;
import io.microreach.app.campaigns.CampaignDraft;
import io.microreach.app.campaigns.CampaignEvent;
import io.microreach.app.campaigns.CampaignService;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.Role;
import io.microreach.app.users.TokenScope;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outreach against a real SMTP server in this JVM (GreenMail): what reaches the inbox, what is refused, what is
 * skipped, the reminder as time moves, and the timeline. Its own Spring context, with {@code spring.mail.host} set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutreachMailTest {
    private static final Path HOME = TestHomes.newHome("outreach");
    private static GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Instant START = Instant.parse("2026-05-01T09:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(START);
    private static final String USER = "marketer@brand.test";

    static {
        SMTP.start();
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock outreachClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("microreach.home", HOME::toString);
        registry.add("microreach.demo.enabled", () -> "false");
        registry.add("microreach.sync.enabled", () -> "false");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("microreach.mail.from", () -> "campaigns@brand.test");
        registry.add("microreach.outreach.reminder-cron", () -> "-");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    CampaignService campaigns;

    @Autowired
    OutreachService outreach;

    @Autowired
    Users users;

    @Autowired
    Workspaces workspaces;

    @Autowired
    ApiTokens apiTokens;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebClient web;
    private Campaign campaign;

    @BeforeEach
    void campaignWithThreeCreators() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        CLOCK.set(START);
        jdbc.update("DELETE FROM campaign");
        jdbc.update("DELETE FROM outreach_template");
        jdbc.execute("TRUNCATE follow_edge, follower_count, follower_sample, comment, post, shortlist_entry,"
                + " creator_note, negotiated_price, account, creator RESTART IDENTITY CASCADE");
        ScoredData.load(importer, scorer, dir, 8, 3);
        Workspace w = workspaces.findOrCreate("default", "test");
        if (users.find(USER).isEmpty()) {
            users.add(USER, null, false, "test");
        }
        users.join(USER, w, Role.OWNER, "test");
        web = WebClient.withToken(
                port,
                apiTokens
                        .create(USER, "default", TokenScope.WRITE, "outreach", "test")
                        .token());
        List<Long> accounts = jdbc.queryForList("SELECT id FROM account ORDER BY id LIMIT 3", Long.class);
        LocalDate due = LocalDate.of(2026, 5, 20);
        campaign = campaigns.create(new CampaignDraft(
                "Spring {{launch}}",
                "engaged-reach",
                new BigDecimal("3000"),
                "EUR",
                LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 6, 1),
                "https://shop.example/spring",
                "GlowWithAcme",
                List.of("acme", "acme_de"),
                null,
                List.of(
                        creator(accounts.get(0), "250", "first@creators.test", due),
                        creator(accounts.get(1), "180.5", "second@creators.test", due),
                        creator(accounts.get(2), "90", null, due)),
                null));
    }

    private static CampaignDraft.CreatorDraft creator(long account, String fee, String email, LocalDate due) {
        return new CampaignDraft.CreatorDraft(
                account,
                new BigDecimal(fee),
                null,
                List.of(
                        new CampaignDraft.DeliverableDraft("post", due, null, List.of(), List.of(), true),
                        new CampaignDraft.DeliverableDraft("story", null, null, List.of(), List.of(), false)),
                null,
                email);
    }

    private CampaignCreator withEmail(String email) {
        return campaign.creators().stream()
                .filter(c -> email.equals(c.contactEmail()))
                .findFirst()
                .orElseThrow();
    }

    private static String text(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    private static String to(MimeMessage m) throws Exception {
        return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    }

    private JsonNode sendInvitations(String body) {
        HttpResponse<String> r = web.json("POST", "/api/campaigns/" + campaign.id() + "/outreach/invitations", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void theInvitationArrivesWithEveryPlaceholderFilled() throws Exception {
        String body = "handle={{creator.handle}}\nplatform={{creator.platform}}\ncampaign={{campaign.name}}\n"
                + "hashtag={{campaign.hashtag}}\nbrands={{brand.handles}}\nlink={{trackingUrl}}\n"
                + "code={{promoCode}}\nfee={{fee}}\nsender={{ sender }}\n{{deliverables}}";
        HttpResponse<String> saved = web.json(
                "PUT",
                "/api/outreach/templates/invitation",
                json.writeValueAsString(
                        java.util.Map.of("subject", "{{campaign.name}} with @{{creator.handle}}", "body", body)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        long auditBefore = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        JsonNode result = sendInvitations("{}");

        assertThat(result.get("sent")).hasSize(2);
        assertThat(result.get("failed")).isEmpty();
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        CampaignCreator first = withEmail("first@creators.test");
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return to(m).equals("first@creators.test");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Spring {{launch}} with @" + first.handle());
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("campaigns@brand.test");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo(USER);
        assertThat(first.trackingUrl()).contains("/r/" + first.trackingCode());
        assertThat(text(mail).strip())
                .isEqualTo("handle=" + first.handle() + "\nplatform=" + first.platform()
                        + "\ncampaign=Spring {{launch}}\nhashtag=#GlowWithAcme\nbrands=@acme, @acme_de\nlink="
                        + first.trackingUrl() + "\ncode=" + first.promoCode() + "\nfee=250.00 EUR\nsender=" + USER
                        + "\n- post on " + first.platform() + ", due 2026-05-20\n- story on " + first.platform()
                        + ", date to be agreed");
        assertThat(first.promoCode()).isNotBlank();
        assertThat(outreach.messages(campaign.id()))
                .extracting(OutreachMessage::to, OutreachMessage::status, OutreachMessage::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("first@creators.test", "sent", "invitation"),
                        org.assertj.core.groups.Tuple.tuple("second@creators.test", "sent", "invitation"));
        assertThat(jdbc.queryForList(
                        "SELECT details FROM audit_event WHERE action = 'outreach.send' AND actor = ? AND id > ?",
                        String.class,
                        USER,
                        auditBefore))
                .containsExactlyInAnyOrder(
                        "invitation to @" + first.handle() + ": sent",
                        "invitation to @" + withEmail("second@creators.test").handle() + ": sent");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'outreach.template'", Integer.class))
                .isPositive();
    }

    @Test
    void aCreatorWithoutAnAddressIsSkippedWithTheReasonAndNobodyIsInvitedTwice() throws Exception {
        JsonNode result = sendInvitations(null);
        assertThat(result.get("sent")).hasSize(2);
        assertThat(result.get("skipped")).hasSize(1);
        assertThat(result.at("/skipped/0/reason").asText()).startsWith("no contact e-mail");
        long missing = result.at("/skipped/0/creatorId").asLong();
        assertThat(campaigns.creator(campaign.id(), missing).contactEmail()).isNull();

        JsonNode again = sendInvitations("{}");
        assertThat(again.get("sent")).isEmpty();
        long first = withEmail("first@creators.test").id();
        JsonNode named = sendInvitations("{\"creatorIds\": [" + first + "]}");
        assertThat(named.get("sent")).isEmpty();
        assertThat(named.at("/skipped/0/reason").asText()).startsWith("already invited");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        HttpResponse<String> contact = web.json(
                "PUT",
                "/api/campaigns/" + campaign.id() + "/creators/" + missing + "/contact",
                "{\"email\": \"third@creators.test\"}");
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
        JsonNode third = sendInvitations("{}");
        assertThat(third.get("sent")).hasSize(1);
        assertThat(third.at("/sent/0/to").asText()).isEqualTo("third@creators.test");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
    }

    @Test
    void anUnknownPlaceholderOrALineBreakInTheSubjectIsRefusedAndNothingIsSaved() {
        HttpResponse<String> unknown = web.json(
                "PUT",
                "/api/outreach/templates/invitation",
                "{\"subject\": \"Hi\", \"body\": \"Hello {{creator.name}}, see {{trackingUrl}}\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("parameter").asText()).isEqualTo("body");
        assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("{{creator.name}}");

        for (String subject : List.of("Hi\\r\\nBcc: all@x.test", "Hi\\nthere", "Hi\\rthere")) {
            HttpResponse<String> crlf = web.json(
                    "PUT", "/api/outreach/templates/reminder", "{\"subject\": \"" + subject + "\", \"body\": \"x\"}");
            assertThat(crlf.statusCode()).as(subject).isEqualTo(400);
            assertThat(json.readTree(crlf.body()).get("parameter").asText()).isEqualTo("subject");
        }
        HttpResponse<String> kind =
                web.json("PUT", "/api/outreach/templates/teaser", "{\"subject\": \"a\", \"body\": \"b\"}");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("teaser");

        JsonNode templates = json.readTree(web.get("/api/outreach/templates").body());
        assertThat(templates).hasSize(2);
        templates.forEach(t -> assertThat(t.get("builtIn").asBoolean()).isTrue());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outreach_template", Integer.class))
                .isZero();
    }

    @Test
    void aContactAddressIsOneAddressOrNothing() {
        long creator = withEmail("first@creators.test").id();
        for (String bad : List.of("a@b.test, c@d.test", "Name <a@b.test>", "a@b.test\\r\\nBcc: c@d.test", "nope")) {
            HttpResponse<String> r = web.json(
                    "PUT",
                    "/api/campaigns/" + campaign.id() + "/creators/" + creator + "/contact",
                    "{\"email\": \"" + bad + "\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("parameter").asText()).isEqualTo("contactEmail");
        }
        assertThat(campaigns.creator(campaign.id(), creator).contactEmail()).isEqualTo("first@creators.test");

        String path = "/campaigns/" + campaign.id() + "/creators/" + creator + "/contact";
        HttpResponse<String> refused = web.form(path, java.util.Map.of("email", "two@a.test;three@b.test"), false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("contactEmail");
        HttpResponse<String> saved = web.form(path, java.util.Map.of("email", " new@creators.test "), false);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(campaigns.creator(campaign.id(), creator).contactEmail()).isEqualTo("new@creators.test");
        assertThat(campaigns.timeline(campaign.id()))
                .anySatisfy(e -> assertThat(e.note()).isEqualTo("contact e-mail set to new@creators.test"));
    }

    @Test
    void oneReminderAfterThreeDaysOnlyWhileEveryDeliverableIsStillInvited() throws Exception {
        sendInvitations("{}");
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        CampaignCreator answered = withEmail("second@creators.test");
        campaigns.move(campaign.id(), answered.deliverables().get(0).id(), "accepted", null);

        CLOCK.set(START.plus(Duration.ofDays(3)).minusSeconds(60));
        assertThat(outreach.sendDueReminders()).as("not before three days").isZero();

        CLOCK.set(START.plus(Duration.ofDays(3)));
        assertThat(outreach.sendDueReminders()).isEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(5000, 3)).isTrue();
        MimeMessage reminder = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Reminder");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(to(reminder)).isEqualTo("first@creators.test");
        assertThat(reminder.getSubject()).isEqualTo("Reminder: Spring {{launch}}");
        assertThat(text(reminder))
                .contains(withEmail("first@creators.test").trackingUrl())
                .contains(USER);

        CLOCK.advance(Duration.ofDays(5));
        assertThat(outreach.sendDueReminders()).as("never a second reminder").isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(outreach.messages(campaign.id()))
                .filteredOn(m -> m.kind().equals("reminder"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.sentAt()).isEqualTo(START.plus(Duration.ofDays(3)));
                    assertThat(m.sentBy()).isEqualTo(OutreachService.REMINDER_ACTOR);
                });
    }

    @Test
    void aRefusedMessageIsLoggedAsFailedWithTheErrorAndCanBeSentLater() throws Exception {
        int port = SMTP.getSmtp().getPort();
        SMTP.stop();
        JsonNode down;
        try {
            down = sendInvitations("{}");
        } finally {
            SMTP = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
            SMTP.start();
        }
        assertThat(down.get("sent")).isEmpty();
        assertThat(down.get("failed")).hasSize(2);
        assertThat(down.at("/failed/0/reason").asText()).isNotBlank();
        assertThat(outreach.messages(campaign.id())).hasSize(2).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo("failed");
            assertThat(m.error()).isNotBlank();
        });
        assertThat(campaigns.timeline(campaign.id()))
                .filteredOn(e -> e.kind().equals("email"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo("failed"));
        CLOCK.advance(Duration.ofDays(4));
        assertThat(outreach.sendDueReminders())
                .as("no reminder after a failed invitation")
                .isZero();

        JsonNode retry = sendInvitations("{}");
        assertThat(retry.get("sent")).hasSize(2);
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
    }

    @Test
    void theTimelineShowsEveryMessage() {
        sendInvitations("{}");
        CLOCK.advance(Duration.ofDays(4));
        outreach.sendDueReminders();

        List<OutreachMessage> messages = outreach.messages(campaign.id());
        assertThat(messages).hasSize(4);
        List<CampaignEvent> emails = campaigns.timeline(campaign.id()).stream()
                .filter(e -> e.kind().equals("email"))
                .toList();
        assertThat(emails).hasSize(messages.size());
        for (OutreachMessage m : messages) {
            assertThat(emails).as(m.kind() + " to " + m.to()).anySatisfy(e -> {
                assertThat(e.creatorId()).isEqualTo(m.creatorId());
                assertThat(e.note()).contains(m.subject()).contains(m.to());
                assertThat(e.status()).isEqualTo("sent");
            });
        }
        String page = web.get("/campaigns/" + campaign.id() + "/outreach").body();
        assertThat(page).contains("Message log").contains("first@creators.test").doesNotContain("not configured");
    }

    @Test
    void thePreviewFillsTheFirstCreatorAndNamesAnUnknownPlaceholder() {
        CampaignCreator first = campaign.creators().get(0);
        HttpResponse<String> ok = web.form(
                "/campaigns/" + campaign.id() + "/outreach/preview",
                java.util.Map.of("kind", "invitation", "subject", "For {{creator.handle}}", "body", "{{promoCode}}"),
                true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("For " + first.handle()).contains(first.promoCode());
        HttpResponse<String> bad = web.form(
                "/campaigns/" + campaign.id() + "/outreach/preview",
                java.util.Map.of("kind", "invitation", "subject", "x", "body", "{{coupon}}"),
                true);
        assertThat(bad.body()).contains("{{coupon}}");
    }
}
