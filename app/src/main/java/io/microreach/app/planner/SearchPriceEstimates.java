package io.microreach.app.planner;

import io.microreach.app.search.PriceEstimates;
import io.microreach.domain.Platform;
import io.microreach.domain.TierBands;
import io.microreach.pricing.Deliverable;
import io.microreach.pricing.PriceEstimator;
import io.microreach.pricing.PriceTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the search index one price per account, so Discover can show it and filter on it: the price of the platform's
 * main sponsored deliverable (a video on TikTok and YouTube, a post elsewhere) from the default workspace's rate card
 * when there is one, else the planner's estimate. The same estimator and peer medians as the planner, so a price shown
 * in Discover is the price a plan uses.
 */
@Component
class SearchPriceEstimates implements PriceEstimates {
    private final JdbcTemplate jdbc;
    private final PriceEstimator prices = new PriceEstimator(PriceTable.defaults(), TierBands.DEFAULT);

    SearchPriceEstimates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Deliverable mainDeliverable(Platform platform) {
        return switch (platform) {
            case TIKTOK, YOUTUBE -> Deliverable.VIDEO;
            default -> Deliverable.POST;
        };
    }

    @Override
    public Map<Long, PriceEstimates.PriceRange> estimates(Collection<Long> accountIds) {
        Map<Long, PriceEstimates.PriceRange> out = new HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        Long[] ids = accountIds.toArray(Long[]::new);
        Map<String, Double> peerMedian = new HashMap<>();
        jdbc.query(
                "SELECT a.platform, s.tier, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.engagement_rate)"
                        + " FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE s.engagement_rate IS NOT NULL GROUP BY a.platform, s.tier",
                rs -> {
                    peerMedian.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3));
                });
        Map<String, double[]> cards = new HashMap<>();
        Map<String, String> cardCurrency = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT ON (account_id, deliverable) account_id, deliverable, amount, currency"
                        + " FROM negotiated_price WHERE workspace_id = (SELECT id FROM workspace WHERE name = 'default')"
                        + " AND account_id = ANY(?) ORDER BY account_id, deliverable, valid_from DESC NULLS LAST,"
                        + " created_at DESC",
                rs -> {
                    String key = rs.getLong(1) + "/" + rs.getString(2);
                    cards.put(key, new double[] {rs.getDouble(3)});
                    cardCurrency.put(key, rs.getString(4).trim());
                },
                (Object) ids);
        jdbc.query(
                "SELECT a.id, a.platform, a.followers, s.engagement_rate, s.tier FROM account a"
                        + " LEFT JOIN account_score s ON s.account_id = a.id WHERE a.id = ANY(?)",
                rs -> {
                    long id = rs.getLong(1);
                    Optional<Platform> platform = Platform.fromId(rs.getString(2));
                    if (platform.isEmpty()) {
                        return;
                    }
                    Deliverable d = mainDeliverable(platform.get());
                    Double er = (Double) rs.getObject(4);
                    String key = id + "/" + d.id();
                    double[] card = cards.get(key);
                    io.microreach.pricing.PriceRange p = prices.price(
                            platform.get(),
                            rs.getLong(3),
                            d,
                            er,
                            peerMedian.get(platform.get().id() + "/" + rs.getString(5)),
                            card == null ? Optional.empty() : Optional.of(card[0]),
                            cardCurrency.get(key));
                    out.put(id, new PriceEstimates.PriceRange(p.low(), p.high(), p.currency()));
                },
                (Object) ids);
        return out;
    }
}
