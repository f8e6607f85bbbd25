package io.microreach.app.campaigns;

import io.microreach.app.planner.PlanBrief;
import io.microreach.app.planner.PlanResponse;
import io.microreach.app.planner.PlanService;
import io.microreach.app.planner.PriceService;
import io.microreach.app.shortlists.ShortlistEntry;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.domain.Platform;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.Deliverable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a campaign from a plan (the brief is planned again now, so the campaign holds the creators, fees and
 * forecast bands the marketer saw) or from a shortlist (each creator priced for its platform's main deliverable).
 *
 * <p>Defaults a marketer would otherwise type for every creator: each deliverable is due two weeks after the start
 * (or at the end, when that comes first; no date without a start), must carry the campaign hashtag and mention the
 * brand accounts, and must carry the tracking link. A creator's fee is split evenly over its deliverables, the cents
 * left over going to the first.
 */
@Service
public class CampaignStarter {
    static final int DAYS_TO_DELIVER = 14;

    private final CampaignService campaigns;
    private final PlanService plans;
    private final PriceService prices;
    private final ShortlistService shortlists;
    private final JsonMapper json;

    public CampaignStarter(
            CampaignService campaigns,
            PlanService plans,
            PriceService prices,
            ShortlistService shortlists,
            JsonMapper json) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.prices = prices;
        this.shortlists = shortlists;
        this.json = json;
    }

    /**
     * Plans the brief and creates the campaign from the plan's creators.
     *
     * @throws PlanningException when the brief cannot be planned (the field is named)
     */
    @Transactional
    public Campaign fromPlan(PlanBrief brief, CampaignSettings settings) {
        return fromPlan(plans.plan(brief), settings);
    }

    /** As {@link #fromPlan(PlanBrief, CampaignSettings)}, planning among the given accounts (a shortlist's). */
    @Transactional
    public Campaign fromPlanAmong(PlanBrief brief, Collection<Long> accountIds, CampaignSettings settings) {
        return fromPlan(plans.planAmong(brief, accountIds), settings);
    }

    private Campaign fromPlan(PlanResponse plan, CampaignSettings settings) {
        if (plan.creators().isEmpty()) {
            throw CampaignProblem.invalid(
                    "brief", "the plan chose no creator, so there is no campaign to start (see 'microreach plan')");
        }
        List<CampaignDraft.CreatorDraft> creators = new ArrayList<>();
        for (PlanResponse.Creator c : plan.creators()) {
            long accountId = plans.findAccount(c.id(), "creators")
                    .orElseThrow(() -> CampaignProblem.notFound("creators", "account " + c.id() + " is gone"));
            creators.add(new CampaignDraft.CreatorDraft(
                    accountId,
                    null,
                    json.writeValueAsString(c.forecast()),
                    deliverables(c.deliverables(), money(c.cost()), settings),
                    null,
                    null));
        }
        return campaigns.create(new CampaignDraft(
                settings.name(),
                plan.objective(),
                money(plan.budget()),
                plan.currency(),
                settings.startsOn(),
                settings.endsOn(),
                settings.landingUrl(),
                settings.hashtag(),
                settings.brandHandles(),
                settings.attributionWindowDays(),
                creators,
                json.writeValueAsString(plan)));
    }

    /** Creates the campaign with every account of the shortlist, each for its platform's main deliverable. */
    @Transactional
    public Campaign fromShortlist(long shortlistId, CampaignSettings settings) {
        List<ShortlistEntry> entries = shortlists.entries(shortlistId);
        if (entries.isEmpty()) {
            throw CampaignProblem.invalid("shortlistId", "the shortlist is empty");
        }
        String currency = settings.currency() == null || settings.currency().isBlank()
                ? prices.displayCurrency()
                : CampaignService.currency(settings.currency());
        Map<Long, PriceService.AccountPrice> priced =
                prices.prices(entries.stream().map(ShortlistEntry::accountId).toList(), List.of(), currency);
        List<CampaignDraft.CreatorDraft> creators = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ShortlistEntry e : entries) {
            PriceService.AccountPrice p = priced.get(e.accountId());
            List<String> formats = p == null
                    ? List.of(Platform.fromId(e.platform())
                            .map(Deliverable::mainOn)
                            .orElse(Deliverable.POST)
                            .id())
                    : p.deliverables().stream().map(Deliverable::id).toList();
            BigDecimal fee = p == null ? null : money(p.price().mid());
            if (fee != null) {
                total = total.add(fee);
            }
            creators.add(new CampaignDraft.CreatorDraft(
                    e.accountId(), null, null, deliverables(formats, fee, settings), null, null));
        }
        return campaigns.create(new CampaignDraft(
                settings.name(),
                null,
                settings.budget() == null ? total : settings.budget(),
                currency,
                settings.startsOn(),
                settings.endsOn(),
                settings.landingUrl(),
                settings.hashtag(),
                settings.brandHandles(),
                settings.attributionWindowDays(),
                creators,
                null));
    }

    static List<CampaignDraft.DeliverableDraft> deliverables(
            List<String> formats, BigDecimal fee, CampaignSettings settings) {
        LocalDate due = null;
        if (settings.startsOn() != null) {
            due = settings.startsOn().plusDays(DAYS_TO_DELIVER);
            if (settings.endsOn() != null && settings.endsOn().isBefore(due)) {
                due = settings.endsOn();
            }
        }
        List<String> tags =
                settings.hashtag() == null || settings.hashtag().isBlank() ? List.of() : List.of(settings.hashtag());
        int n = Math.max(1, formats.size());
        BigDecimal share = fee == null ? null : fee.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        List<CampaignDraft.DeliverableDraft> out = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            BigDecimal f = share;
            if (fee != null && i == 0) {
                f = fee.subtract(share.multiply(BigDecimal.valueOf(n - 1)));
            }
            out.add(new CampaignDraft.DeliverableDraft(formats.get(i), due, f, tags, settings.brandHandles(), true));
        }
        return out;
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
