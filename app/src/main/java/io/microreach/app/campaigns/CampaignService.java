package io.microreach.app.campaigns;

import static io.microreach.app.database.SqlColumns.instant;

import io.microreach.app.security.CurrentWorkspace;
import io.microreach.app.tracking.TrackingLinks;
import io.microreach.app.users.AuditLog;
import io.microreach.campaigns.DeliverableStatus;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.planner.Objective;
import io.microreach.pricing.Deliverable;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's campaigns: create one (from a plan, a shortlist or by hand), take creators in with a tracking code,
 * a promo code and their deliverables, move deliverables through their statuses on a timeline, link published posts,
 * and read it all back. Every statement is scoped to the workspace, so another workspace's ids read as unknown.
 *
 * <p>Status moves follow {@link DeliverableStatus#canMoveTo}; a move that is not allowed is a conflict naming the
 * current status, so two people clicking at once cannot publish a deliverable that was declined in between (the
 * update is conditional on the status read).
 */
@Service
public class CampaignService {
    public static final int MAX_NAME_LENGTH = 100;
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_NOTE_LENGTH = 2000;
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]{2,100}");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern PROMO_CODE = Pattern.compile("[A-Za-z0-9_-]{3,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");
    private static final Pattern CONTACT_EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    private final JdbcTemplate jdbc;
    private final CurrentWorkspace workspace;
    private final AuditLog audit;
    private final PublicAddress address;
    private final JsonMapper json;
    private final TrackingLinks links;
    private final Clock clock;

    public CampaignService(
            JdbcTemplate jdbc,
            CurrentWorkspace workspace,
            AuditLog audit,
            PublicAddress address,
            JsonMapper json,
            TrackingLinks links) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.audit = audit;
        this.address = address;
        this.json = json;
        this.links = links;
        this.clock = Clock.systemUTC();
    }

    /** Every campaign of the workspace, newest first. */
    public List<CampaignSummary> list() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query(
                "SELECT c.id, c.name, c.objective, c.status, c.budget, c.currency, c.starts_on, c.ends_on, c.is_demo,"
                        + " (SELECT count(*) FROM campaign_creator cc WHERE cc.campaign_id = c.id),"
                        + " (SELECT count(*) FROM campaign_deliverable d JOIN campaign_creator cc"
                        + "   ON cc.id = d.campaign_creator_id WHERE cc.campaign_id = c.id),"
                        + " (SELECT count(*) FROM campaign_deliverable d JOIN campaign_creator cc"
                        + "   ON cc.id = d.campaign_creator_id WHERE cc.campaign_id = c.id AND d.due_on < ?"
                        + "   AND d.status NOT IN ('published', 'paid', 'declined', 'ghosted'))"
                        + " FROM campaign c WHERE c.workspace_id = ? ORDER BY c.created_at DESC, c.id DESC",
                (rs, i) -> new CampaignSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        date(rs, 7),
                        date(rs, 8),
                        rs.getInt(10),
                        rs.getInt(11),
                        rs.getInt(12),
                        rs.getBoolean(9)),
                Date.valueOf(today),
                workspace.id());
    }

    public Optional<Campaign> find(long campaignId) {
        return findIn(workspace.id(), campaignId);
    }

    /**
     * The campaign in the named workspace, for background jobs (the outreach reminders) that work for every workspace
     * outside any request.
     */
    public Optional<Campaign> findIn(long ws, long campaignId) {
        List<Campaign> found = jdbc.query(
                "SELECT id, name, objective, budget, currency, status, starts_on, ends_on, landing_url, hashtag,"
                        + " brand_handles, attribution_window_days, is_demo, created_at FROM campaign"
                        + " WHERE workspace_id = ? AND id = ?",
                (rs, i) -> new Campaign(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getString(6),
                        date(rs, 7),
                        date(rs, 8),
                        rs.getString(9),
                        rs.getString(10),
                        strings(rs.getArray(11)),
                        rs.getInt(12),
                        rs.getBoolean(13),
                        instant(rs, 14),
                        List.of()),
                ws,
                campaignId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Campaign c = found.get(0);
        return Optional.of(new Campaign(
                c.id(),
                c.name(),
                c.objective(),
                c.budget(),
                c.currency(),
                c.status(),
                c.startsOn(),
                c.endsOn(),
                c.landingUrl(),
                c.hashtag(),
                c.brandHandles(),
                c.attributionWindowDays(),
                c.demo(),
                c.createdAt(),
                creators(ws, campaignId)));
    }

    /** The campaign, or a NOT_FOUND problem naming {@code campaignId}. */
    public Campaign get(long campaignId) {
        return find(campaignId)
                .orElseThrow(() -> CampaignProblem.notFound("campaignId", "no campaign with id " + campaignId));
    }

    private List<CampaignCreator> creators(long ws, long campaignId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<CampaignDeliverable>> deliverables = new LinkedHashMap<>();
        jdbc.query(
                "SELECT d.id, d.campaign_creator_id, d.platform, d.format, d.due_on, d.fee, d.required_hashtags,"
                        + " d.required_mentions, d.require_link, d.status, d.status_at, d.revisions, d.post_ref,"
                        + " d.post_id, d.published_at FROM campaign_deliverable d JOIN campaign_creator cc"
                        + " ON cc.id = d.campaign_creator_id WHERE d.workspace_id = ? AND cc.campaign_id = ?"
                        + " ORDER BY d.due_on NULLS LAST, d.id",
                rs -> {
                    DeliverableStatus status = DeliverableStatus.fromDb(rs.getString(10));
                    LocalDate due = date(rs, 5);
                    long post = rs.getLong(14);
                    Long postId = rs.wasNull() ? null : post;
                    CampaignDeliverable d = new CampaignDeliverable(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            due,
                            rs.getBigDecimal(6),
                            strings(rs.getArray(7)),
                            strings(rs.getArray(8)),
                            rs.getBoolean(9),
                            status,
                            instant(rs, 11),
                            rs.getInt(12),
                            rs.getString(13),
                            postId,
                            instant(rs, 15),
                            status.isLate(due, today));
                    deliverables
                            .computeIfAbsent(d.creatorId(), k -> new ArrayList<>())
                            .add(d);
                },
                ws,
                campaignId);
        return jdbc.query(
                "SELECT id, account_id, platform, handle, followers, tracking_code, promo_code, fee, forecast::text,"
                        + " contact_email FROM campaign_creator WHERE workspace_id = ? AND campaign_id = ?"
                        + " ORDER BY lower(handle), id",
                (rs, i) -> {
                    long id = rs.getLong(1);
                    long account = rs.getLong(2);
                    Long accountId = rs.wasNull() ? null : account;
                    long followers = rs.getLong(5);
                    Long followerCount = rs.wasNull() ? null : followers;
                    return new CampaignCreator(
                            id,
                            accountId,
                            rs.getString(3),
                            rs.getString(4),
                            followerCount,
                            rs.getString(6),
                            address.trackingUrl(rs.getString(6)),
                            rs.getString(7),
                            rs.getBigDecimal(8),
                            forecast(rs.getString(9)),
                            rs.getString(10),
                            deliverables.getOrDefault(id, List.of()));
                },
                ws,
                campaignId);
    }

    private DeliverableForecast forecast(String text) {
        return text == null ? null : json.readValue(text, DeliverableForecast.class);
    }

    /** Creates the campaign with its creators and deliverables, all or nothing. */
    @Transactional
    public Campaign create(CampaignDraft draft) {
        return create(draft, false);
    }

    /** As {@link #create(CampaignDraft)}, marking the campaign as demo data when {@code demo} is true. */
    @Transactional
    public Campaign create(CampaignDraft draft, boolean demo) {
        long ws = workspace.id();
        String name = validName(draft.name());
        if (nameTaken(ws, name, -1)) {
            throw CampaignProblem.conflict("name", "a campaign named '" + name + "' exists already");
        }
        String objective = draft.objective() == null || draft.objective().isBlank()
                ? Objective.ENGAGED_REACH.id()
                : Objective.fromId(draft.objective())
                        .map(Objective::id)
                        .orElseThrow(() -> CampaignProblem.invalid(
                                "objective",
                                "'" + draft.objective() + "' is not an objective; one of engaged-reach, conversions,"
                                        + " profit"));
        BigDecimal budget = amount("budget", draft.budget(), false);
        String currency = currency(draft.currency());
        if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw CampaignProblem.invalid(
                    "endsOn", "the end " + draft.endsOn() + " lies before the start " + draft.startsOn());
        }
        String landing = landingUrl(draft.landingUrl());
        String hashtag = hashtag(draft.hashtag());
        List<String> brands = handles("brandHandles", draft.brandHandles());
        int window = draft.attributionWindowDays() == null ? 7 : draft.attributionWindowDays();
        if (window < 1 || window > 90) {
            throw CampaignProblem.invalid("attributionWindowDays", "must be 1 to 90 days, got " + window);
        }
        Long id;
        try {
            id = jdbc.queryForObject(
                    "INSERT INTO campaign (workspace_id, name, objective, budget, currency, status, starts_on, ends_on,"
                            + " landing_url, hashtag, brand_handles, attribution_window_days, plan, is_demo)"
                            + " VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id",
                    Long.class,
                    ws,
                    name,
                    objective,
                    budget,
                    currency,
                    draft.startsOn() == null ? null : Date.valueOf(draft.startsOn()),
                    draft.endsOn() == null ? null : Date.valueOf(draft.endsOn()),
                    landing,
                    hashtag,
                    brands.toArray(new String[0]),
                    window,
                    draft.plan(),
                    demo);
        } catch (DuplicateKeyException e) {
            throw CampaignProblem.conflict("name", "a campaign named '" + name + "' exists already");
        }
        event(ws, id, null, null, "status", "draft", "campaign created");
        audit.record(
                workspace.actor(), ws, "campaign.create", name, draft.creators().size() + " creators");
        int index = 0;
        for (CampaignDraft.CreatorDraft c : draft.creators()) {
            addCreator(ws, id, c, "creators[" + index++ + "]");
        }
        return get(id);
    }

    /** Takes one more creator into the campaign. */
    @Transactional
    public CampaignCreator addCreator(long campaignId, CampaignDraft.CreatorDraft draft) {
        get(campaignId);
        long ws = workspace.id();
        long id = addCreator(ws, campaignId, draft, "creator");
        return get(campaignId).creators().stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private long addCreator(long ws, long campaignId, CampaignDraft.CreatorDraft c, String field) {
        List<Map<String, Object>> account =
                jdbc.queryForList("SELECT platform, handle, followers FROM account WHERE id = ?", c.accountId());
        if (account.isEmpty()) {
            throw CampaignProblem.notFound(field + ".accountId", "no account with id " + c.accountId());
        }
        String platform = (String) account.get(0).get("platform");
        String handle = (String) account.get(0).get("handle");
        Number followers = (Number) account.get(0).get("followers");
        Integer taken = jdbc.queryForObject(
                "SELECT count(*) FROM campaign_creator WHERE campaign_id = ? AND platform = ? AND handle = ?",
                Integer.class,
                campaignId,
                platform,
                handle);
        if (taken != null && taken > 0) {
            throw CampaignProblem.conflict(field + ".accountId", "@" + handle + " is in the campaign already");
        }
        BigDecimal fee = amount(field + ".fee", c.fee(), true);
        String email = email(field + ".contactEmail", c.contactEmail());
        String promo = c.promoCode() == null || c.promoCode().isBlank() ? null : promoCode(field, c.promoCode());
        Long id = null;
        for (int attempt = 0; id == null; attempt++) {
            String code = promo != null ? promo : Codes.promoCode(handle, attempt);
            if (promo == null && promoTaken(ws, code, -1)) {
                continue;
            }
            if (promo != null && promoTaken(ws, code, -1)) {
                throw CampaignProblem.conflict(
                        field + ".promoCode", "promo code " + code + " is used by another creator in this workspace");
            }
            try {
                id = insertCreator(ws, campaignId, c, platform, handle, followers, code, fee, email);
            } catch (DuplicateKeyException e) {
                throw CampaignProblem.conflict(
                        field + ".promoCode", "promo code " + code + " is used by another creator in this workspace");
            }
        }
        int index = 0;
        for (CampaignDraft.DeliverableDraft d : c.deliverables()) {
            addDeliverable(ws, campaignId, id, platform, d, field + ".deliverables[" + index++ + "]");
        }
        event(ws, campaignId, id, null, "status", "invited", "@" + handle + " taken into the campaign");
        return id;
    }

    private Long insertCreator(
            long ws,
            long campaignId,
            CampaignDraft.CreatorDraft c,
            String platform,
            String handle,
            Number followers,
            String code,
            BigDecimal fee,
            String email) {
        return jdbc.queryForObject(
                "INSERT INTO campaign_creator (workspace_id, campaign_id, account_id, platform, handle, followers,"
                        + " tracking_code, promo_code, fee, forecast, contact_email)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id",
                Long.class,
                ws,
                campaignId,
                c.accountId(),
                platform,
                handle,
                followers == null ? null : followers.longValue(),
                Codes.trackingCode(),
                code,
                fee,
                c.forecast(),
                email);
    }

    private void addDeliverable(
            long ws, long campaignId, long creatorId, String platform, CampaignDraft.DeliverableDraft d, String field) {
        Deliverable format = Deliverable.fromId(d.format())
                .orElseThrow(() -> CampaignProblem.invalid(
                        field + ".format",
                        "'" + d.format() + "' is not a format; one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(Deliverable.values())
                                                .map(Deliverable::id)
                                                .toList())));
        List<String> tags = d.requiredHashtags().stream()
                .map(t -> hashtag(field + ".requiredHashtags", t))
                .toList();
        List<String> mentions = handles(field + ".requiredMentions", d.requiredMentions());
        jdbc.update(
                "INSERT INTO campaign_deliverable (workspace_id, campaign_creator_id, platform, format, due_on, fee,"
                        + " required_hashtags, required_mentions, require_link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ws,
                creatorId,
                platform,
                format.id(),
                d.dueOn() == null ? null : Date.valueOf(d.dueOn()),
                amount(field + ".fee", d.fee(), true),
                tags.toArray(new String[0]),
                mentions.toArray(new String[0]),
                d.requireLink());
    }

    /** Moves a deliverable to {@code next}, with an optional note; the move is timestamped on the timeline. */
    @Transactional
    public CampaignDeliverable move(long campaignId, long deliverableId, String next, String note) {
        CampaignDeliverable d = deliverable(campaignId, deliverableId);
        DeliverableStatus to;
        try {
            to = DeliverableStatus.fromDb(next);
        } catch (IllegalArgumentException e) {
            throw CampaignProblem.invalid("status", e.getMessage());
        }
        if (!d.status().canMoveTo(to)) {
            throw CampaignProblem.conflict(
                    "status",
                    "a deliverable that is " + d.status().label() + " cannot become " + to.label()
                            + (d.nextStatuses().isEmpty()
                                    ? " (it is final)"
                                    : "; it can become "
                                            + String.join(
                                                    " or ",
                                                    d.nextStatuses().stream()
                                                            .map(DeliverableStatus::label)
                                                            .toList())));
        }
        String cleanNote = note(note);
        long ws = workspace.id();
        int n = jdbc.update(
                "UPDATE campaign_deliverable SET status = ?, status_at = now(),"
                        + " revisions = revisions + CASE WHEN ? = 'revisions_requested' THEN 1 ELSE 0 END,"
                        + " published_at = CASE WHEN ? = 'published' THEN coalesce(published_at, now())"
                        + " ELSE published_at END WHERE workspace_id = ? AND id = ? AND status = ?",
                to.dbValue(),
                to.dbValue(),
                to.dbValue(),
                ws,
                deliverableId,
                d.status().dbValue());
        if (n == 0) {
            throw CampaignProblem.conflict("status", "the deliverable changed meanwhile; reload and try again");
        }
        event(ws, campaignId, d.creatorId(), deliverableId, "status", to.dbValue(), cleanNote);
        if (to == DeliverableStatus.ACCEPTED || to == DeliverableStatus.PUBLISHED) {
            startIfDraft(ws, campaignId);
        }
        return deliverable(campaignId, deliverableId);
    }

    private void startIfDraft(long ws, long campaignId) {
        if (jdbc.update(
                        "UPDATE campaign SET status = 'running', updated_at = now() WHERE workspace_id = ? AND id = ?"
                                + " AND status = 'draft'",
                        ws,
                        campaignId)
                == 1) {
            event(ws, campaignId, null, null, "status", "running", "first creator accepted");
        }
    }

    /** Sets the campaign's own status: draft, running, finished or cancelled. */
    @Transactional
    public Campaign setStatus(long campaignId, String status) {
        get(campaignId);
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        if (!List.of("draft", "running", "finished", "cancelled").contains(s)) {
            throw CampaignProblem.invalid(
                    "status", "'" + status + "' is not a campaign status; one of draft, running, finished, cancelled");
        }
        long ws = workspace.id();
        jdbc.update(
                "UPDATE campaign SET status = ?, updated_at = now() WHERE workspace_id = ? AND id = ?",
                s,
                ws,
                campaignId);
        event(ws, campaignId, null, null, "status", s, null);
        return get(campaignId);
    }

    /** Links the deliverable to its published post: a URL or the platform's post id. */
    @Transactional
    public CampaignDeliverable linkPost(long campaignId, long deliverableId, String postRef) {
        CampaignDeliverable d = deliverable(campaignId, deliverableId);
        String ref = postRef == null ? "" : postRef.strip();
        if (ref.isEmpty() || ref.length() > MAX_URL_LENGTH) {
            throw CampaignProblem.invalid("post", "give the post's URL or platform id (at most 2,000 characters)");
        }
        if (ref.chars().anyMatch(ch -> ch < 0x20)) {
            throw CampaignProblem.invalid("post", "contains control characters");
        }
        long ws = workspace.id();
        Long postId = resolvePost(ws, d.creatorId(), ref).orElse(null);
        jdbc.update(
                "UPDATE campaign_deliverable SET post_ref = ?, post_id = ? WHERE workspace_id = ? AND id = ?",
                ref,
                postId,
                ws,
                deliverableId);
        event(
                ws,
                campaignId,
                d.creatorId(),
                deliverableId,
                "post",
                null,
                ref + (postId == null ? " (not imported yet: its numbers appear once the post is imported)" : ""));
        return deliverable(campaignId, deliverableId);
    }

    /**
     * The stored post a reference names among the creator's posts: the same URL, or the platform id (also when the
     * reference is a URL that ends with it, as Instagram's /p/{shortcode}/ and YouTube's ?v={id} do not; those match
     * by URL).
     */
    Optional<Long> resolvePost(long ws, long creatorId, String ref) {
        String trimmed = ref.replaceAll("/+$", "");
        return jdbc
                .query(
                        "SELECT p.id FROM post p JOIN campaign_creator cc ON cc.account_id = p.account_id"
                                + " WHERE cc.workspace_id = ? AND cc.id = ? AND (p.platform_id = ? OR p.url = ?"
                                + " OR rtrim(p.url, '/') = ?) ORDER BY p.id LIMIT 1",
                        (rs, i) -> rs.getLong(1),
                        ws,
                        creatorId,
                        ref,
                        ref,
                        trimmed)
                .stream()
                .findFirst();
    }

    /** Posts linked by reference before they were imported get their post now; returns how many were linked. */
    @Transactional
    public int resolvePendingPosts(long campaignId) {
        long ws = workspace.id();
        int linked = 0;
        for (CampaignCreator c : get(campaignId).creators()) {
            for (CampaignDeliverable d : c.deliverables()) {
                if (d.postRef() != null && d.postId() == null) {
                    Optional<Long> post = resolvePost(ws, c.id(), d.postRef());
                    if (post.isPresent()) {
                        linked += jdbc.update(
                                "UPDATE campaign_deliverable SET post_id = ? WHERE workspace_id = ? AND id = ?",
                                post.get(),
                                ws,
                                d.id());
                    }
                }
            }
        }
        return linked;
    }

    /** Changes a creator's promo code (unique in the workspace, ignoring case). */
    @Transactional
    public CampaignCreator setPromoCode(long campaignId, long creatorId, String code) {
        creator(campaignId, creatorId);
        long ws = workspace.id();
        String clean = promoCode("", code);
        if (promoTaken(ws, clean, creatorId)) {
            throw CampaignProblem.conflict(
                    "promoCode", "promo code " + clean + " is used by another creator in this workspace");
        }
        try {
            jdbc.update(
                    "UPDATE campaign_creator SET promo_code = ? WHERE workspace_id = ? AND id = ?",
                    clean,
                    ws,
                    creatorId);
        } catch (DuplicateKeyException e) {
            throw CampaignProblem.conflict(
                    "promoCode", "promo code " + clean + " is used by another creator in this workspace");
        }
        event(ws, campaignId, creatorId, null, "note", null, "promo code set to " + clean);
        return creator(campaignId, creatorId);
    }

    /**
     * Sets or (blank) clears the address outreach e-mails go to. One plain address: no display name, no list, no line
     * break, so it cannot name more recipients or add headers.
     */
    @Transactional
    public CampaignCreator setContactEmail(long campaignId, long creatorId, String email) {
        creator(campaignId, creatorId);
        String clean = null;
        if (email != null && !email.isBlank()) {
            clean = email.strip();
            if (clean.length() > 254 || !CONTACT_EMAIL.matcher(clean).matches()) {
                throw CampaignProblem.invalid(
                        "contactEmail", "'" + email + "' is not one e-mail address such as name@example.com");
            }
        }
        long ws = workspace.id();
        jdbc.update(
                "UPDATE campaign_creator SET contact_email = ? WHERE workspace_id = ? AND id = ?",
                clean,
                ws,
                creatorId);
        event(
                ws,
                campaignId,
                creatorId,
                null,
                "note",
                null,
                clean == null ? "contact e-mail removed" : "contact e-mail set to " + clean);
        return creator(campaignId, creatorId);
    }

    /**
     * Puts an e-mail sent to (or failed for) a creator on the campaign's timeline, in the named workspace: the
     * reminder job writes for every workspace outside any request.
     */
    @Transactional
    public void recordEmail(long ws, long campaignId, long creatorId, String status, String note, String actor) {
        jdbc.update(
                "INSERT INTO campaign_event (workspace_id, campaign_id, campaign_creator_id, kind, status, note, actor)"
                        + " SELECT ?, ?, ?, 'email', ?, ?, ? WHERE EXISTS (SELECT 1 FROM campaign_creator"
                        + " WHERE workspace_id = ? AND campaign_id = ? AND id = ?)",
                ws,
                campaignId,
                creatorId,
                status,
                note,
                actor,
                ws,
                campaignId,
                creatorId);
    }

    /** A note on the campaign, or on one of its creators when {@code creatorId} is given. */
    @Transactional
    public CampaignEvent addNote(long campaignId, Long creatorId, String note) {
        get(campaignId);
        if (creatorId != null) {
            creator(campaignId, creatorId);
        }
        String clean = note(note);
        if (clean == null) {
            throw CampaignProblem.invalid("note", "write a note");
        }
        long id = event(workspace.id(), campaignId, creatorId, null, "note", null, clean);
        return timeline(campaignId).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The campaign's timeline, newest first. */
    public List<CampaignEvent> timeline(long campaignId) {
        get(campaignId);
        return jdbc.query(
                "SELECT e.id, e.kind, e.campaign_creator_id, cc.handle, e.deliverable_id, e.status, e.note, e.actor, e.at"
                        + " FROM campaign_event e LEFT JOIN campaign_creator cc ON cc.id = e.campaign_creator_id"
                        + " WHERE e.workspace_id = ? AND e.campaign_id = ? ORDER BY e.at DESC, e.id DESC",
                (rs, i) -> {
                    long creator = rs.getLong(3);
                    Long creatorId = rs.wasNull() ? null : creator;
                    long deliverable = rs.getLong(5);
                    Long deliverableId = rs.wasNull() ? null : deliverable;
                    return new CampaignEvent(
                            rs.getLong(1),
                            rs.getString(2),
                            creatorId,
                            rs.getString(4),
                            deliverableId,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            instant(rs, 9));
                },
                workspace.id(),
                campaignId);
    }

    /**
     * Marks a UGC post of the campaign: {@code reuse_requested}, {@code rights_granted}, or {@code none} to clear the
     * mark. The post must be stored; whether it is UGC of the campaign is the report's judgement, not checked here.
     */
    @Transactional
    public void markUgc(long campaignId, long postId, String status) {
        get(campaignId);
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (!List.of("reuse_requested", "rights_granted", "none").contains(s)) {
            throw CampaignProblem.invalid(
                    "status", "'" + status + "' is not a mark; one of reuse_requested, rights_granted, none");
        }
        Integer exists = jdbc.queryForObject("SELECT count(*) FROM post WHERE id = ?", Integer.class, postId);
        if (exists == null || exists == 0) {
            throw CampaignProblem.notFound("postId", "no post with id " + postId);
        }
        long ws = workspace.id();
        if (s.equals("none")) {
            jdbc.update(
                    "DELETE FROM campaign_ugc WHERE workspace_id = ? AND campaign_id = ? AND post_id = ?",
                    ws,
                    campaignId,
                    postId);
        } else {
            jdbc.update(
                    "INSERT INTO campaign_ugc (workspace_id, campaign_id, post_id, status, marked_by)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, post_id) DO UPDATE SET"
                            + " status = excluded.status, marked_by = excluded.marked_by, marked_at = now()",
                    ws,
                    campaignId,
                    postId,
                    s,
                    workspace.actor());
        }
        event(ws, campaignId, null, null, "ugc", null, "UGC post " + postId + ": " + s.replace('_', ' '));
    }

    /** Deletes the campaign with its creators, deliverables and timeline. */
    @Transactional
    public void delete(long campaignId) {
        String name = get(campaignId).name();
        long ws = workspace.id();
        jdbc.update("DELETE FROM campaign WHERE workspace_id = ? AND id = ?", ws, campaignId);
        // Its tracking links answer 404 from now on, not after the redirect's cache expires.
        links.forget();
        audit.record(workspace.actor(), ws, "campaign.delete", name, null);
    }

    public CampaignCreator creator(long campaignId, long creatorId) {
        return get(campaignId).creators().stream()
                .filter(c -> c.id() == creatorId)
                .findFirst()
                .orElseThrow(() -> CampaignProblem.notFound(
                        "creatorId", "no creator " + creatorId + " in campaign " + campaignId));
    }

    public CampaignDeliverable deliverable(long campaignId, long deliverableId) {
        return get(campaignId).creators().stream()
                .flatMap(c -> c.deliverables().stream())
                .filter(d -> d.id() == deliverableId)
                .findFirst()
                .orElseThrow(() -> CampaignProblem.notFound(
                        "deliverableId", "no deliverable " + deliverableId + " in campaign " + campaignId));
    }

    private long event(
            long ws, long campaignId, Long creatorId, Long deliverableId, String kind, String status, String note) {
        Long id = jdbc.queryForObject(
                "INSERT INTO campaign_event (workspace_id, campaign_id, campaign_creator_id, deliverable_id, kind,"
                        + " status, note, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                Long.class,
                ws,
                campaignId,
                creatorId,
                deliverableId,
                kind,
                status,
                note,
                workspace.actor());
        return id;
    }

    private boolean nameTaken(long ws, String name, long except) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM campaign WHERE workspace_id = ? AND lower(name) = lower(?) AND id <> ?",
                Integer.class,
                ws,
                name,
                except);
        return n != null && n > 0;
    }

    private boolean promoTaken(long ws, String code, long exceptCreator) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM campaign_creator WHERE workspace_id = ? AND upper(promo_code) = upper(?)"
                        + " AND id <> ?",
                Integer.class,
                ws,
                code,
                exceptCreator);
        return n != null && n > 0;
    }

    static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw CampaignProblem.invalid("name", "give the campaign a name");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw CampaignProblem.invalid("name", "at most " + MAX_NAME_LENGTH + " characters");
        }
        if (clean.chars().anyMatch(ch -> ch < 0x20)) {
            throw CampaignProblem.invalid("name", "contains control characters");
        }
        return clean;
    }

    static BigDecimal amount(String field, BigDecimal value, boolean optional) {
        if (value == null) {
            if (optional) {
                return null;
            }
            throw CampaignProblem.invalid(field, "give an amount");
        }
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
            throw CampaignProblem.invalid(field, "must be 0 to 10,000,000, got " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw CampaignProblem.invalid(field, "at most 2 decimals, got " + value.toPlainString());
        }
        return value;
    }

    static String currency(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (c.length() == 3) {
                return Currency.getInstance(c).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw CampaignProblem.invalid("currency", "'" + code + "' is not an ISO 4217 currency code such as EUR or USD");
    }

    static String landingUrl(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            throw CampaignProblem.invalid("landingUrl", "give the page the tracking links lead to (https://…)");
        }
        if (u.length() > MAX_URL_LENGTH) {
            throw CampaignProblem.invalid("landingUrl", "at most 2,000 characters");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw CampaignProblem.invalid(
                        "landingUrl", "must be an http(s) address with a host and no user name, got " + u);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw CampaignProblem.invalid("landingUrl", "not a valid address: " + e.getReason());
        }
    }

    static String hashtag(String tag) {
        return hashtag("hashtag", tag);
    }

    private static String hashtag(String field, String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().replaceFirst("^#", "");
        if (!HASHTAG.matcher(t).matches()) {
            throw CampaignProblem.invalid(field, "'" + tag + "' is not a hashtag (letters, digits and _; 2 to 100)");
        }
        return t;
    }

    private static List<String> handles(String field, List<String> handles) {
        List<String> out = new ArrayList<>();
        for (String h : handles) {
            if (h == null || h.isBlank()) {
                continue;
            }
            String clean = h.strip().replaceFirst("^@", "");
            if (!HANDLE.matcher(clean).matches()) {
                throw CampaignProblem.invalid(field, "'" + h + "' is not a handle (letters, digits, . _ -)");
            }
            if (!out.contains(clean)) {
                out.add(clean);
            }
        }
        return out;
    }

    private static String promoCode(String fieldPrefix, String code) {
        String field = fieldPrefix.isEmpty() ? "promoCode" : fieldPrefix + ".promoCode";
        String c = code == null ? "" : code.strip();
        if (!PROMO_CODE.matcher(c).matches()) {
            throw CampaignProblem.invalid(
                    field, "'" + code + "' is not a promo code (3 to 32 letters, digits, _ or -)");
        }
        return c.toUpperCase(Locale.ROOT);
    }

    private static String email(String field, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip();
        if (!EMAIL.matcher(e).matches()) {
            throw CampaignProblem.invalid(field, "'" + email + "' is not an e-mail address");
        }
        return e;
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip();
        if (n.length() > MAX_NOTE_LENGTH) {
            throw CampaignProblem.invalid("note", "at most 2,000 characters");
        }
        if (n.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw CampaignProblem.invalid("note", "contains control characters");
        }
        return n;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
