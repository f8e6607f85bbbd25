package io.microreach.app.campaigns;

import io.microreach.app.tracking.IncomingOrder;
import io.microreach.app.tracking.OrderIntake;
import io.microreach.app.tracking.OrderSource;
import io.microreach.app.tracking.TrackingLinks;
import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.ClickScreen;
import io.microreach.campaigns.DeliverableStatus;
import io.microreach.generator.campaigns.CampaignDataSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a generated campaign data set ({@code microreach generate --campaigns N}) into a workspace as finished history:
 * the campaigns with their creators, codes and deliverables in their final statuses, the requests to the tracking
 * links (screened as the redirect screens them), and the orders through the same intake and attribution as a webhook.
 * The demo uses it so that every campaign page has something to show. The creators' accounts and posts must have been
 * imported first (the pool's {@code data.jsonl} and {@code campaigns/campaign-posts.jsonl}); a creator whose account
 * is missing is left out.
 *
 * <p>Statuses are written as they ended, not moved step by step: the data set is history, and the moves a user makes
 * go through {@link CampaignService#move}. The generated visitor ids are hashed (SHA-256) like any visitor.
 */
@Service
public class CampaignImport {
    private final JdbcTemplate jdbc;
    private final OrderIntake orders;
    private final TrackingLinks links;
    private final JsonMapper json;
    private final ClickScreen screen = new ClickScreen();

    public CampaignImport(JdbcTemplate jdbc, OrderIntake orders, TrackingLinks links, JsonMapper json) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.links = links;
        this.json = json;
    }

    /** What was loaded. */
    public record Loaded(int campaigns, int creators, int clicks, int orders) {}

    @Transactional
    public Loaded load(CampaignDataSet set, long workspaceId, boolean demo) {
        Map<String, Long> creatorByCode = new HashMap<>();
        int campaigns = 0;
        for (CampaignDataSet.Campaign c : set.campaigns()) {
            Long id = jdbc.queryForObject(
                    "INSERT INTO campaign (workspace_id, name, objective, budget, currency, status, starts_on, ends_on,"
                            + " landing_url, hashtag, brand_handles, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?) ON CONFLICT (workspace_id, name) DO NOTHING RETURNING id",
                    Long.class,
                    workspaceId,
                    c.name(),
                    objective(c.objective()),
                    c.budget(),
                    c.currency(),
                    c.status(),
                    c.startsOn() == null ? null : Date.valueOf(c.startsOn()),
                    c.endsOn() == null ? null : Date.valueOf(c.endsOn()),
                    c.landingUrl(),
                    c.hashtag(),
                    c.brandHandles().toArray(new String[0]),
                    demo);
            if (id == null) {
                continue; // loaded before: a campaign name is unique in its workspace
            }
            campaigns++;
            event(workspaceId, id, null, null, "status", c.status(), "loaded from a generated data set");
            for (CampaignDataSet.Creator cr : c.creators()) {
                Long account = jdbc
                        .query(
                                "SELECT id FROM account WHERE platform = ? AND platform_id = ?",
                                (rs, i) -> rs.getLong(1),
                                cr.platform(),
                                cr.accountId())
                        .stream()
                        .findFirst()
                        .orElse(null);
                if (account == null) {
                    continue;
                }
                Long creator = jdbc.queryForObject(
                        "INSERT INTO campaign_creator (workspace_id, campaign_id, account_id, platform, handle,"
                                + " followers, tracking_code, promo_code, fee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " RETURNING id",
                        Long.class,
                        workspaceId,
                        id,
                        account,
                        cr.platform(),
                        cr.handle(),
                        cr.followers(),
                        cr.trackingCode(),
                        cr.promoCode() == null ? null : cr.promoCode().toUpperCase(java.util.Locale.ROOT),
                        cr.fee());
                creatorByCode.put(cr.trackingCode(), creator);
                for (CampaignDataSet.Deliverable d : cr.deliverables()) {
                    deliverable(workspaceId, id, creator, account, cr.platform(), d);
                }
            }
        }
        int clicks = 0;
        for (CampaignDataSet.ClickRequest r : set.clicks()) {
            Long creator = creatorByCode.get(r.trackingCode());
            if (creator == null) {
                continue;
            }
            ClickKind kind = screen.classify(r.method(), r.userAgent(), r.purpose());
            clicks += jdbc.update(
                    "INSERT INTO campaign_click (workspace_id, campaign_creator_id, click_id, clicked_at,"
                            + " visitor_hash, kind) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (click_id) DO NOTHING",
                    workspaceId,
                    creator,
                    r.clickId(),
                    Timestamp.from(r.at()),
                    sha256(r.visitor() == null ? r.clickId() : r.visitor()),
                    kind.dbValue());
        }
        List<IncomingOrder> incoming = new ArrayList<>();
        for (CampaignDataSet.OrderBody o : set.orders()) {
            incoming.add(new IncomingOrder(
                    o.toEvent(),
                    o.promoCode() == null ? List.of() : List.of(o.promoCode()),
                    o.version(),
                    o.lineItems().isEmpty() ? null : json.writeValueAsString(o.lineItems())));
        }
        int stored =
                orders.ingestAll(workspaceId, OrderSource.GENERIC, incoming).size();
        links.forget();
        return new Loaded(campaigns, creatorByCode.size(), clicks, stored);
    }

    private void deliverable(
            long ws, long campaignId, long creatorId, long accountId, String platform, CampaignDataSet.Deliverable d) {
        DeliverableStatus status = DeliverableStatus.fromDb(d.status());
        Long post = d.postPlatformId() == null
                ? null
                : jdbc
                        .query(
                                "SELECT id FROM post WHERE account_id = ? AND platform_id = ?",
                                (rs, i) -> rs.getLong(1),
                                accountId,
                                d.postPlatformId())
                        .stream()
                        .findFirst()
                        .orElse(null);
        Long id = jdbc.queryForObject(
                "INSERT INTO campaign_deliverable (workspace_id, campaign_creator_id, platform, format, due_on, fee,"
                        + " required_hashtags, required_mentions, require_link, status, revisions, post_ref, post_id,"
                        + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " (SELECT published_at FROM post WHERE id = ?)) RETURNING id",
                Long.class,
                ws,
                creatorId,
                platform,
                d.format(),
                d.dueOn() == null ? null : Date.valueOf(d.dueOn()),
                d.fee(),
                d.requiredHashtags().toArray(new String[0]),
                d.requiredMentions().toArray(new String[0]),
                d.requireLink(),
                status.dbValue(),
                d.revisions(),
                d.postPlatformId(),
                post,
                post);
        event(ws, campaignId, creatorId, id, "status", status.dbValue(), "loaded from a generated data set");
    }

    private void event(
            long ws, long campaignId, Long creatorId, Long deliverableId, String kind, String status, String note) {
        jdbc.update(
                "INSERT INTO campaign_event (workspace_id, campaign_id, campaign_creator_id, deliverable_id, kind,"
                        + " status, note, actor) VALUES (?, ?, ?, ?, ?, ?, ?, 'generator')",
                ws,
                campaignId,
                creatorId,
                deliverableId,
                kind,
                status,
                note);
    }

    private static String objective(String objective) {
        return io.microreach.planner.Objective.fromId(objective)
                .map(io.microreach.planner.Objective::id)
                .orElse("engaged-reach");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
