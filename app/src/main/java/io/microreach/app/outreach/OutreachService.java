package io.microreach.app.outreach;

import static io.microreach.app.database.SqlColumns.instant;

import io.microreach.app.campaigns.Campaign;
import io.microreach.app.campaigns.CampaignCreator;
import io.microreach.app.campaigns.CampaignDeliverable;
import io.microreach.app.campaigns.CampaignProblem;
import io.microreach.app.campaigns.CampaignService;
import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.users.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Invitations and reminders to a campaign's creators. Each message is filled from the workspace's template, kept in
 * the message log as sent (or with the mail server's error), put on the campaign's timeline and audited.
 *
 * <p>At most one invitation and one reminder reach a creator: the log row is written, as sent, before the mail
 * server is asked, and a unique index on delivered messages refuses a second one, so two clicks at once or two
 * servers running the reminder job send once; a failed send turns its row to failed and may be tried again.
 *
 * <p>A reminder goes to a creator whose invitation went out at least {@code microreach.outreach.remind-after}
 * (default 3 days) ago, whose deliverables all still stand at invited (any answer, even a decline, moves one) and
 * whose campaign is neither finished nor cancelled. Time comes from a {@link Clock} bean when there is one, so tests
 * can move it.
 */
@Service
public class OutreachService {
    private static final Logger LOG = LoggerFactory.getLogger(OutreachService.class);
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");
    /** A failed reminder is tried again on the next runs, up to this many attempts in all. */
    static final int REMINDER_ATTEMPTS = 3;

    static final String REMINDER_ACTOR = "job:outreach-reminder";

    private final JdbcTemplate jdbc;
    private final CurrentWorkspace workspace;
    private final AuditLog audit;
    private final CampaignService campaigns;
    private final OutreachTemplates templates;
    private final OutreachMail mail;
    private final Clock clock;
    private final Duration remindAfter;

    OutreachService(
            JdbcTemplate jdbc,
            CurrentWorkspace workspace,
            AuditLog audit,
            CampaignService campaigns,
            OutreachTemplates templates,
            OutreachMail mail,
            ObjectProvider<Clock> clock,
            @Value("${microreach.outreach.remind-after:3d}") String remindAfter) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.audit = audit;
        this.campaigns = campaigns;
        this.templates = templates;
        this.mail = mail;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.remindAfter = DurationStyle.detectAndParse(remindAfter);
    }

    /** Whether a mail server is configured; when not, sending says {@link OutreachMail#NOT_CONFIGURED}. */
    public boolean mailConfigured() {
        return mail.configured();
    }

    /** How long after an unanswered invitation the reminder goes out. */
    public Duration remindAfter() {
        return remindAfter;
    }

    /** The campaign's messages, newest first. */
    public List<OutreachMessage> messages(long campaignId) {
        campaigns.get(campaignId);
        return jdbc.query(
                "SELECT m.id, m.campaign_id, m.campaign_creator_id, cc.handle, m.kind, m.to_address, m.subject, m.body,"
                        + " m.status, m.error, m.sent_by, m.sent_at FROM outreach_message m"
                        + " JOIN campaign_creator cc ON cc.id = m.campaign_creator_id"
                        + " WHERE m.workspace_id = ? AND m.campaign_id = ? ORDER BY m.sent_at DESC, m.id DESC",
                (rs, i) -> new OutreachMessage(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        instant(rs, 12)),
                workspace.id(),
                campaignId);
    }

    /**
     * Invites the named creators, or when {@code creatorIds} is null or empty every creator not yet invited. A
     * creator without a contact e-mail, or one invited already, is skipped with the reason.
     */
    public InvitationResult invite(long campaignId, List<Long> creatorIds) {
        Campaign campaign = campaigns.get(campaignId);
        if (!mail.configured()) {
            throw new OutreachProblem(OutreachProblem.Kind.NOT_CONFIGURED, "mail", OutreachMail.NOT_CONFIGURED);
        }
        long ws = workspace.id();
        Set<Long> invited = new HashSet<>(jdbc.queryForList(
                "SELECT campaign_creator_id FROM outreach_message WHERE workspace_id = ? AND campaign_id = ?"
                        + " AND kind = 'invitation' AND status = 'sent'",
                Long.class,
                ws,
                campaignId));
        List<CampaignCreator> chosen = new ArrayList<>();
        List<Delivery> skipped = new ArrayList<>();
        if (creatorIds == null || creatorIds.isEmpty()) {
            campaign.creators().stream().filter(c -> !invited.contains(c.id())).forEach(chosen::add);
        } else {
            Map<Long, CampaignCreator> byId = new LinkedHashMap<>();
            campaign.creators().forEach(c -> byId.put(c.id(), c));
            int index = 0;
            for (Long id : new java.util.LinkedHashSet<>(creatorIds)) {
                CampaignCreator c = id == null ? null : byId.get(id);
                if (c == null) {
                    throw new CampaignProblem(
                            CampaignProblem.Kind.NOT_FOUND,
                            "creatorIds[" + index + "]",
                            "no creator " + id + " in campaign " + campaignId);
                }
                index++;
                if (invited.contains(c.id())) {
                    skipped.add(new Delivery(
                            c.id(), c.handle(), "skipped", c.contactEmail(), "already invited (one invitation each)"));
                } else {
                    chosen.add(c);
                }
            }
        }
        MessageTemplate template = templates.get(ws, MessageKind.INVITATION);
        String actor = workspace.actor();
        String sender = senderOf(actor);
        List<Delivery> sent = new ArrayList<>();
        List<Delivery> failed = new ArrayList<>();
        for (CampaignCreator c : chosen) {
            if (c.contactEmail() == null || c.contactEmail().isBlank()) {
                skipped.add(new Delivery(
                        c.id(),
                        c.handle(),
                        "skipped",
                        null,
                        "no contact e-mail: add one on the outreach page (or PUT /api/campaigns/" + campaignId
                                + "/creators/" + c.id() + "/contact)"));
                continue;
            }
            Delivery d = deliver(ws, campaign, c, MessageKind.INVITATION, template, sender, actor);
            switch (d.outcome()) {
                case "sent" -> sent.add(d);
                case "failed" -> failed.add(d);
                default -> skipped.add(d);
            }
        }
        return new InvitationResult(campaignId, sent, failed, skipped);
    }

    /** {@code subject} and {@code body} filled for the campaign's first creator, checked as a template is on save. */
    public Preview preview(long campaignId, String kind, String subject, String body) {
        Campaign campaign = campaigns.get(campaignId);
        MessageTemplate t = OutreachTemplates.check(OutreachTemplates.kind(kind), subject, body);
        String sender = senderOf(workspace.actor());
        if (campaign.creators().isEmpty()) {
            Map<String, String> samples = new LinkedHashMap<>();
            Placeholders.NAMES.forEach(n -> samples.put(n, "[" + n + "]"));
            samples.putAll(campaignValues(campaign, sender));
            return new Preview(
                    null, Placeholders.fill(t.subject(), samples, true), Placeholders.fill(t.body(), samples, false));
        }
        CampaignCreator first = campaign.creators().get(0);
        Map<String, String> values = values(campaign, first, sender);
        return new Preview(
                first.handle(),
                Placeholders.fill(t.subject(), values, true),
                Placeholders.fill(t.body(), values, false));
    }

    /**
     * Sends the reminders that are due now, for every workspace; returns how many went out. Without a mail server
     * there is nothing to do (the outreach page says so).
     */
    public int sendDueReminders() {
        if (!mail.configured()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(remindAfter);
        record Due(long ws, long campaignId, long creatorId, String inviter) {}
        List<Due> due = jdbc.query(
                "SELECT m.workspace_id, m.campaign_id, m.campaign_creator_id, m.sent_by FROM outreach_message m"
                        + " JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id"
                        + " WHERE m.kind = 'invitation' AND m.status = 'sent' AND m.sent_at <= ?"
                        + " AND c.status NOT IN ('finished', 'cancelled')"
                        + " AND NOT EXISTS (SELECT 1 FROM outreach_message r WHERE r.campaign_creator_id ="
                        + "   m.campaign_creator_id AND r.kind = 'reminder' AND r.status = 'sent')"
                        + " AND (SELECT count(*) FROM outreach_message r WHERE r.campaign_creator_id ="
                        + "   m.campaign_creator_id AND r.kind = 'reminder' AND r.status = 'failed') < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM campaign_deliverable d WHERE d.campaign_creator_id ="
                        + "   m.campaign_creator_id AND d.status <> 'invited')"
                        + " ORDER BY m.sent_at, m.id",
                (rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
                Timestamp.from(cutoff),
                REMINDER_ATTEMPTS);
        int sent = 0;
        for (Due d : due) {
            Campaign campaign = campaigns.findIn(d.ws(), d.campaignId()).orElse(null);
            CampaignCreator creator = campaign == null
                    ? null
                    : campaign.creators().stream()
                            .filter(c -> c.id() == d.creatorId())
                            .findFirst()
                            .orElse(null);
            if (creator == null || creator.contactEmail() == null) {
                continue;
            }
            MessageTemplate template = templates.get(d.ws(), MessageKind.REMINDER);
            String sender = PLAIN_ADDRESS.matcher(d.inviter()).matches() ? d.inviter() : mail.from();
            Delivery result =
                    deliver(d.ws(), campaign, creator, MessageKind.REMINDER, template, sender, REMINDER_ACTOR);
            if (result.outcome().equals("sent")) {
                sent++;
            }
        }
        return sent;
    }

    private Delivery deliver(
            long ws,
            Campaign campaign,
            CampaignCreator creator,
            MessageKind kind,
            MessageTemplate template,
            String sender,
            String actor) {
        Map<String, String> values = values(campaign, creator, sender);
        String subject = Placeholders.fill(template.subject(), values, true);
        String body = Placeholders.fill(template.body(), values, false);
        String to = creator.contactEmail();
        long id;
        try {
            id = jdbc.queryForObject(
                    "INSERT INTO outreach_message (workspace_id, campaign_id, campaign_creator_id, kind, to_address,"
                            + " subject, body, status, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?)"
                            + " RETURNING id",
                    Long.class,
                    ws,
                    campaign.id(),
                    creator.id(),
                    kind.id(),
                    to,
                    subject,
                    body,
                    actor,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            return new Delivery(creator.id(), creator.handle(), "skipped", to, "already sent a " + kind.id());
        }
        String error = null;
        try {
            mail.send(to, PLAIN_ADDRESS.matcher(sender).matches() ? sender : null, subject, body);
            jdbc.update("UPDATE outreach_message SET status = 'sent' WHERE id = ?", id);
        } catch (MailException | OutreachProblem e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            error = error.length() > 500 ? error.substring(0, 500) + "…" : error;
            jdbc.update("UPDATE outreach_message SET status = 'failed', error = ? WHERE id = ?", error, id);
            LOG.warn("Could not send the {} to @{}: {}", kind.id(), creator.handle(), error);
        }
        String status = error == null ? "sent" : "failed";
        String label = kind == MessageKind.INVITATION ? "Invitation" : "Reminder";
        campaigns.recordEmail(
                ws,
                campaign.id(),
                creator.id(),
                status,
                label + " \"" + subject + "\" to " + to + (error == null ? "" : " failed: " + error),
                actor);
        audit.record(
                actor, ws, "outreach.send", campaign.name(), kind.id() + " to @" + creator.handle() + ": " + status);
        return new Delivery(creator.id(), creator.handle(), status, to, error);
    }

    /** {@code {{sender}}}: the signed-in user's address, else (command line, jobs) the configured from address. */
    private String senderOf(String actor) {
        return PLAIN_ADDRESS.matcher(actor).matches() ? actor : mail.from();
    }

    static Map<String, String> values(Campaign campaign, CampaignCreator creator, String sender) {
        Map<String, String> v = campaignValues(campaign, sender);
        v.put("creator.handle", creator.handle());
        v.put("creator.platform", creator.platform());
        v.put("trackingUrl", creator.trackingUrl());
        v.put("promoCode", creator.promoCode() == null ? "" : creator.promoCode());
        v.put("deliverables", deliverables(creator.deliverables()));
        v.put("fee", String.format(Locale.ROOT, "%,.2f %s", creator.totalFee(), campaign.currency()));
        return v;
    }

    private static Map<String, String> campaignValues(Campaign campaign, String sender) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("campaign.name", campaign.name());
        v.put("campaign.hashtag", campaign.hashtag() == null ? "" : "#" + campaign.hashtag());
        v.put(
                "brand.handles",
                String.join(
                        ", ", campaign.brandHandles().stream().map(h -> "@" + h).toList()));
        v.put("sender", sender);
        return v;
    }

    /** One line per deliverable: format, platform and due date. */
    static String deliverables(List<CampaignDeliverable> list) {
        if (list.isEmpty()) {
            return "- to be agreed together";
        }
        StringBuilder sb = new StringBuilder();
        for (CampaignDeliverable d : list) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("- ").append(d.format()).append(" on ").append(d.platform());
            sb.append(d.dueOn() == null ? ", date to be agreed" : ", due " + d.dueOn());
        }
        return sb.toString();
    }
}
