package io.microreach.app.campaigns;

import io.microreach.app.search.ReliabilityFactors;
import io.microreach.app.security.CurrentWorkspace;
import io.microreach.campaigns.DeliverableStatus;
import io.microreach.campaigns.PastDeliverable;
import io.microreach.campaigns.ReliabilityHistory;
import io.microreach.forecast.Band;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Each creator's record across the workspace's campaigns ({@link ReliabilityHistory}): on-time delivery, ghosting,
 * revisions, disclosure misses and forecast hits, from the deliverables' statuses and linked posts. Shown on the
 * creator page; as a ranking factor it multiplies search scores and the planner's expected results only when {@code
 * microreach.reliability.weight} is above 0 (default 0: off), and only for creators with a record.
 *
 * <p>Per deliverable: its status, due date, publication date (the day it was marked published, else its post's), the
 * revisions asked for and, for a linked post, whether the post was disclosed. The forecast is the planner's band for a
 * creator's whole part of a campaign, so it is judged once per campaign, when every deliverable of the creator is
 * published, exactly as the campaign report's {@code insideForecast}: forecast hits count campaigns, not posts.
 * Creators are matched by account; a creator added by handle without an account has no record here.
 */
@Service
public class CreatorReliability implements ReliabilityFactors {
    /** How long the ranking factors of a workspace are reused by searches; the creator page always reads afresh. */
    static final Duration FACTORS_TTL = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final CampaignService campaigns;
    private final CampaignReports reports;
    private final CurrentWorkspace workspace;
    private final double weight;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Map<Long, Double> factors, long expiresAt) {}

    CreatorReliability(
            JdbcTemplate jdbc,
            CampaignService campaigns,
            CampaignReports reports,
            CurrentWorkspace workspace,
            @Value("${microreach.reliability.weight:0}") double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("microreach.reliability.weight must lie in [0, 1], got " + weight);
        }
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.reports = reports;
        this.workspace = workspace;
        this.weight = weight;
    }

    /** The ranking weight in use (0: the record does not affect ranking or planning). */
    public double weight() {
        return weight;
    }

    /** The account's record in the caller's workspace; empty when it was never in one of its campaigns. */
    public Optional<ReliabilityHistory> forAccount(long accountId) {
        List<PastDeliverable> past = pastByAccount(workspace.id(), accountId).get(accountId);
        return past == null ? Optional.empty() : Optional.of(ReliabilityHistory.of(past));
    }

    /** Every account's record in the workspace, for accounts that were in one of its campaigns. */
    public Map<Long, ReliabilityHistory> byAccount(long workspaceId) {
        Map<Long, ReliabilityHistory> out = new HashMap<>();
        pastByAccount(workspaceId, null).forEach((account, past) -> out.put(account, ReliabilityHistory.of(past)));
        return out;
    }

    @Override
    public Map<Long, Double> current() {
        if (weight == 0) {
            return Map.of();
        }
        long ws;
        try {
            ws = workspace.id();
        } catch (IllegalStateException e) {
            return Map.of(); // no workspace (a public page): no campaign record applies
        }
        long now = System.nanoTime();
        Cached c = cache.get(ws);
        if (c != null && now - c.expiresAt() < 0) {
            return c.factors();
        }
        Map<Long, Double> factors = new HashMap<>();
        byAccount(ws).forEach((account, history) -> {
            double f = history.rankingFactor(weight);
            if (f != 1.0) {
                factors.put(account, f);
            }
        });
        Map<Long, Double> frozen = Map.copyOf(factors);
        cache.put(ws, new Cached(frozen, now + FACTORS_TTL.toNanos()));
        return frozen;
    }

    /** The deliverables of the workspace's campaigns by account, optionally of one account only. */
    private Map<Long, List<PastDeliverable>> pastByAccount(long workspaceId, Long onlyAccount) {
        List<Long> ids = onlyAccount == null
                ? jdbc.queryForList(
                        "SELECT DISTINCT campaign_id FROM campaign_creator WHERE workspace_id = ? AND account_id IS"
                                + " NOT NULL",
                        Long.class,
                        workspaceId)
                : jdbc.queryForList(
                        "SELECT DISTINCT campaign_id FROM campaign_creator WHERE workspace_id = ? AND account_id = ?",
                        Long.class,
                        workspaceId,
                        onlyAccount);
        Map<Long, List<PastDeliverable>> out = new HashMap<>();
        for (long id : ids) {
            Optional<Campaign> found = campaigns.findIn(workspaceId, id);
            if (found.isEmpty()) {
                continue;
            }
            Campaign c = found.get();
            Map<Long, CampaignReports.PostOutcome> posts = reports.postOutcomes(c);
            for (CampaignCreator cc : c.creators()) {
                if (cc.accountId() == null || (onlyAccount != null && !onlyAccount.equals(cc.accountId()))) {
                    continue;
                }
                out.computeIfAbsent(cc.accountId(), a -> new ArrayList<>()).addAll(past(cc, posts));
            }
        }
        return out;
    }

    private static List<PastDeliverable> past(CampaignCreator cc, Map<Long, CampaignReports.PostOutcome> posts) {
        List<CampaignDeliverable> ds = cc.deliverables();
        boolean complete = !ds.isEmpty() && ds.stream().allMatch(d -> d.status().isPublished());
        long engagements = 0;
        for (CampaignDeliverable d : ds) {
            CampaignReports.PostOutcome o = posts.get(d.id());
            engagements += o == null ? 0 : o.engagements();
        }
        List<PastDeliverable> out = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            CampaignDeliverable d = ds.get(i);
            CampaignReports.PostOutcome o = posts.get(d.id());
            LocalDate published = d.publishedAt() != null
                    ? d.publishedAt().atZone(ZoneOffset.UTC).toLocalDate()
                    : d.status().isPublished()
                            ? d.statusAt().atZone(ZoneOffset.UTC).toLocalDate()
                            : null;
            boolean judged = i == 0 && complete && cc.forecast() != null;
            Band band = judged ? cc.forecast().engagements() : null;
            out.add(new PastDeliverable(
                    d.status(),
                    d.dueOn(),
                    d.status() == DeliverableStatus.GHOSTED ? null : published,
                    d.revisions(),
                    d.status().isPublished() && o != null ? o.disclosed() : null,
                    band,
                    judged ? engagements : null));
        }
        return out;
    }
}
