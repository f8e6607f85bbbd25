package io.microreach.app.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a user adds when turning a plan or a shortlist into a campaign.
 *
 * @param budget for a shortlist: the budget (default: the sum of the creators' prices); ignored for a plan, which
 *     has its own
 * @param currency for a shortlist: the currency (default: the display currency); ignored for a plan
 */
public record CampaignSettings(
        String name,
        String landingUrl,
        String hashtag,
        List<String> brandHandles,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer attributionWindowDays,
        BigDecimal budget,
        String currency) {

    public CampaignSettings {
        brandHandles = brandHandles == null ? List.of() : List.copyOf(brandHandles);
    }
}
