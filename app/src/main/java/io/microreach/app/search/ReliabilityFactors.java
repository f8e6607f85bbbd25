package io.microreach.app.search;

import java.util.Map;

/**
 * The creators' campaign records as ranking factors, for the caller's workspace: account id → factor in (0, 1], only
 * for creators whose factor is not 1. Empty while {@code microreach.reliability.weight} is 0 (the default) or when no
 * creator has a record. Implemented where the campaigns are ({@code campaigns.CreatorReliability}); search and the
 * planner only multiply by it.
 */
public interface ReliabilityFactors {
    Map<Long, Double> current();
}
