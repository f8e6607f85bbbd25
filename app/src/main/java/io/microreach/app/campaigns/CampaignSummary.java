package io.microreach.app.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A campaign as the list shows it. */
public record CampaignSummary(
        long id,
        String name,
        String objective,
        String status,
        BigDecimal budget,
        String currency,
        LocalDate startsOn,
        LocalDate endsOn,
        int creators,
        int deliverables,
        int lateDeliverables,
        boolean demo) {}
