package io.microreach.app.planner;

import io.microreach.domain.Platform;
import io.microreach.domain.TierBands;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.AgreedPrice;
import io.microreach.pricing.Deliverable;
import io.microreach.pricing.ExchangeRates;
import io.microreach.pricing.PriceEstimator;
import io.microreach.pricing.PriceRange;
import io.microreach.pricing.PriceTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The one source of creator prices: Discover (through the search index), the creator page, the shortlist and the plan
 * all ask it, so one account has one price everywhere. A deliverable's price is the workspace's rate card or
 * negotiated price in force today when there is one, else the estimate from followers and engagement (the {@link
 * PriceEstimator} with the peer median engagement of the account's platform and tier); it is then converted into the
 * asked currency with the {@link ExchangeRates}, and says so. Without a named deliverable an account is priced for its
 * platform's main one ({@link Deliverable#mainOn}); a deliverable the platform does not have is never priced.
 */
@Service
public class PriceService {
    /** An account's price for the deliverables it was priced for (those of the request its platform has). */
    public record AccountPrice(long accountId, String platform, List<Deliverable> deliverables, PriceRange price) {}

    private final JdbcTemplate jdbc;
    private final RateCardStore cards;
    private final ExchangeRates rates;
    private final DisplayCurrency display;
    private final PriceEstimator estimator = new PriceEstimator(PriceTable.defaults(), TierBands.DEFAULT);

    public PriceService(JdbcTemplate jdbc, RateCardStore cards, ExchangeRates rates, DisplayCurrency display) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.rates = rates;
        this.display = display;
    }

    public String displayCurrency() {
        return display.code();
    }

    public ExchangeRates rates() {
        return rates;
    }

    /** Each account's main deliverable in the display currency: what Discover, the creator page and lists show. */
    public Map<Long, AccountPrice> mainPrices(Collection<Long> accountIds) {
        return prices(accountIds, List.of(), display.code());
    }

    /**
     * Prices of the given accounts for the wanted deliverables (summed), in {@code currency}. An account whose platform
     * has none of the wanted deliverables is absent; an empty list means each platform's main deliverable.
     *
     * @throws PlanningException (field "currency") when there is no exchange rate for a needed currency
     */
    public Map<Long, AccountPrice> prices(Collection<Long> accountIds, List<Deliverable> wanted, String currency) {
        return prices(accountIds, wanted, currency, true);
    }

    /**
     * The main-deliverable prices of those accounts that have a rate card or negotiated price in force in the
     * caller's workspace; the others are absent. Search results are overlaid with these on every search, so accounts
     * without a card cost one indexed lookup and no estimate (estimating reads the peer medians of the whole pool).
     */
    public Map<Long, AccountPrice> agreedMainPrices(Collection<Long> accountIds) {
        java.util.Set<Long> carded = cards.inForce(accountIds).keySet();
        Map<Long, AccountPrice> out = new LinkedHashMap<>();
        if (!carded.isEmpty()) {
            mainPrices(carded).forEach((id, p) -> {
                if (!p.price().estimated()) {
                    out.put(id, p);
                }
            });
        }
        return out;
    }

    /**
     * Each account's main deliverable priced from followers and engagement only, for the search index. The index is
     * shared by every workspace, so a workspace's negotiated prices must not reach it: another team could read them
     * back through the price filter.
     */
    public Map<Long, AccountPrice> estimatedMainPrices(Collection<Long> accountIds) {
        return prices(accountIds, List.of(), display.code(), false);
    }

    private Map<Long, AccountPrice> prices(
            Collection<Long> accountIds, List<Deliverable> wanted, String currency, boolean agreedPrices) {
        Map<Long, AccountPrice> out = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        requireKnown(currency);
        Map<String, Double> peerMedian = peerMedians();
        Map<Long, Map<String, AgreedPrice>> agreed = agreedPrices ? cards.inForce(accountIds) : Map.of();
        jdbc.query(
                "SELECT a.id, a.platform, a.followers, s.engagement_rate, s.tier FROM account a"
                        + " LEFT JOIN account_score s ON s.account_id = a.id WHERE a.id = ANY(?) ORDER BY a.id",
                rs -> {
                    long id = rs.getLong(1);
                    Optional<Platform> platform = Platform.fromId(rs.getString(2));
                    if (platform.isEmpty()) {
                        return;
                    }
                    List<Deliverable> ds = deliverablesFor(platform.get(), wanted);
                    if (ds.isEmpty()) {
                        return;
                    }
                    Double er = (Double) rs.getObject(4);
                    Double median = peerMedian.get(platform.get().id() + "/" + rs.getString(5));
                    PriceRange total = null;
                    for (Deliverable d : ds) {
                        PriceRange p = convert(
                                estimator.price(
                                        platform.get(),
                                        rs.getLong(3),
                                        d,
                                        er,
                                        median,
                                        Optional.ofNullable(agreed.getOrDefault(id, Map.of())
                                                .get(d.id()))),
                                currency);
                        total = total == null ? p : total.plus(p);
                    }
                    out.put(id, new AccountPrice(id, platform.get().id(), ds, total));
                },
                (Object) accountIds.toArray(Long[]::new));
        return out;
    }

    /** One account's price for every deliverable its platform has, in {@code currency} (the creator page). */
    public List<AccountPrice> everyDeliverable(long accountId, Platform platform, String currency) {
        List<AccountPrice> out = new ArrayList<>();
        for (Deliverable d : Deliverable.offeredOn(platform)) {
            AccountPrice p = prices(List.of(accountId), List.of(d), currency).get(accountId);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** The platform of an account, if it exists. */
    public Optional<Platform> platformOf(long accountId) {
        return jdbc.query("SELECT platform FROM account WHERE id = ?", (rs, i) -> rs.getString(1), accountId).stream()
                .findFirst()
                .flatMap(Platform::fromId);
    }

    /** The deliverables of {@code wanted} the platform has, or its main one when nothing is wanted. */
    public static List<Deliverable> deliverablesFor(Platform platform, List<Deliverable> wanted) {
        if (wanted.isEmpty()) {
            return List.of(Deliverable.mainOn(platform));
        }
        return wanted.stream().filter(d -> d.isOfferedOn(platform)).toList();
    }

    private PriceRange convert(PriceRange p, String currency) {
        try {
            return rates.convert(p, currency);
        } catch (IllegalArgumentException e) {
            throw new PlanningException("currency", withoutField(e.getMessage()));
        }
    }

    /** @throws PlanningException naming the field "currency" when there is no rate for it */
    public void requireKnown(String currency) {
        if (!rates.knows(currency)) {
            throw new PlanningException(
                    "currency",
                    "no exchange rate for '" + currency + "'; prices can be shown in " + rates.codes()
                            + " (add a rate with microreach.currency.rates." + currency + ")");
        }
    }

    private Map<String, Double> peerMedians() {
        Map<String, Double> peerMedian = new HashMap<>();
        jdbc.query(
                "SELECT a.platform, s.tier, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.engagement_rate)"
                        + " FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE s.engagement_rate IS NOT NULL GROUP BY a.platform, s.tier",
                rs -> {
                    peerMedian.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3));
                });
        return peerMedian;
    }

    private static String withoutField(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && colon < 12 ? message.substring(colon + 2) : message;
    }
}
