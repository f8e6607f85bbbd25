package io.microreach.app.campaigns;

import java.time.Instant;

/**
 * One entry of a campaign's timeline.
 *
 * @param kind {@code status}, {@code note}, {@code email}, {@code post} or {@code ugc}
 * @param creatorHandle the creator it is about, or null for the campaign as a whole
 */
public record CampaignEvent(
        long id,
        String kind,
        Long creatorId,
        String creatorHandle,
        Long deliverableId,
        String status,
        String note,
        String actor,
        Instant at) {}
