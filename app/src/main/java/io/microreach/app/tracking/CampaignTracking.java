package io.microreach.app.tracking;

import java.util.List;

/** The tracking figures of one campaign, one entry per campaign creator (in the order they joined). */
public record CampaignTracking(long campaignId, List<CreatorTracking> creators) {
    public CampaignTracking {
        creators = List.copyOf(creators);
    }
}
