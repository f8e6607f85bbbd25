package io.microreach.app.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign with its creators and their deliverables.
 *
 * @param status {@code draft}, {@code running}, {@code finished} or {@code cancelled}
 * @param demo true for the demo data set's campaigns
 */
public record Campaign(
        long id,
        String name,
        String objective,
        BigDecimal budget,
        String currency,
        String status,
        LocalDate startsOn,
        LocalDate endsOn,
        String landingUrl,
        String hashtag,
        List<String> brandHandles,
        int attributionWindowDays,
        boolean demo,
        Instant createdAt,
        List<CampaignCreator> creators) {

    public Campaign {
        brandHandles = List.copyOf(brandHandles);
        creators = List.copyOf(creators);
    }

    /** Agreed fees of every creator. */
    public BigDecimal spend() {
        return creators.stream().map(CampaignCreator::totalFee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Deliverables past their due date and not yet published. */
    public long lateDeliverables() {
        return creators.stream()
                .flatMap(c -> c.deliverables().stream())
                .filter(CampaignDeliverable::late)
                .count();
    }
}
