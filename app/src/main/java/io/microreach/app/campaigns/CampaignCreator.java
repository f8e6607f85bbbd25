package io.microreach.app.campaigns;

import io.microreach.forecast.DeliverableForecast;
import java.math.BigDecimal;
import java.util.List;

/**
 * A creator in a campaign.
 *
 * @param accountId null once the account was erased (the campaign keeps the handle and the results)
 * @param trackingUrl the creator's short link, {@code <public address>/r/<trackingCode>}
 * @param fee the fee agreed for the creator as a whole, or null when only the deliverables carry fees
 * @param forecast the plan's forecast for the creator, or null when it did not come from a plan
 */
public record CampaignCreator(
        long id,
        Long accountId,
        String platform,
        String handle,
        Long followers,
        String trackingCode,
        String trackingUrl,
        String promoCode,
        BigDecimal fee,
        DeliverableForecast forecast,
        String contactEmail,
        List<CampaignDeliverable> deliverables) {

    public CampaignCreator {
        deliverables = List.copyOf(deliverables);
    }

    /** The creator's fee, else the sum of its deliverables' fees. */
    public BigDecimal totalFee() {
        if (fee != null) {
            return fee;
        }
        return deliverables.stream()
                .map(CampaignDeliverable::fee)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
