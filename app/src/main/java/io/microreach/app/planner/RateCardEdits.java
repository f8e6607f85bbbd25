package io.microreach.app.planner;

import io.microreach.app.search.SearchIndex;
import io.microreach.domain.Platform;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.Deliverable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One validated change to an account's rate card, from the REST API or the creator page's form: every field is
 * checked and a refusal names it (a YouTube reel, a negative amount, a currency without an exchange rate, a date that
 * is not one). The account's search document is refreshed right after, so Discover shows the new price at once.
 */
@Component
public class RateCardEdits {
    private final RateCardStore store;
    private final PriceService prices;
    private final ObjectProvider<SearchIndex> index;

    RateCardEdits(RateCardStore store, PriceService prices, ObjectProvider<SearchIndex> index) {
        this.store = store;
        this.prices = prices;
        this.index = index;
    }

    /** Validates {@code form} (deliverable, amount, currency, kind, validFrom) and stores it. */
    public void save(long accountId, Platform platform, Map<String, String> form) {
        save(accountId, platform, form, form.get("amount"));
    }

    /**
     * Same as {@link #save(long, Platform, Map)} with the amount as it came (a JSON number stays a number, so that
     * its exponent and precision are judged as given, not after a round trip through text).
     */
    void save(long accountId, Platform platform, Map<String, String> form, Object rawAmount) {
        String d = form.getOrDefault("deliverable", "").strip();
        if (d.isEmpty()) {
            throw new PlanningException(
                    "deliverable", "is required; " + platform.id() + " has " + Deliverable.idsOn(platform));
        }
        Deliverable deliverable;
        try {
            deliverable = Deliverable.parseFor(platform, d);
        } catch (IllegalArgumentException e) {
            throw new PlanningException("deliverable", e.getMessage());
        }
        BigDecimal amount = Amounts.money("amount", rawAmount);
        String currency = form.getOrDefault("currency", "").strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new PlanningException(
                    "currency", "'" + form.get("currency") + "' is not a three-letter currency code");
        }
        prices.requireKnown(currency);
        String kind = form.getOrDefault("kind", "rate_card").strip();
        if (!kind.isEmpty() && !kind.equals("rate_card") && !kind.equals("negotiated")) {
            throw new PlanningException("kind", "must be rate_card or negotiated, got '" + kind + "'");
        }
        String from = form.getOrDefault("validFrom", "").strip();
        LocalDate validFrom = null;
        if (!from.isEmpty()) {
            try {
                validFrom = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                throw new PlanningException("validFrom", "'" + from + "' is not a date like 2026-12-01");
            }
        }
        store.upsert(accountId, deliverable, amount, currency, kind.equals("negotiated"), validFrom);
        SearchIndex search = index.getIfAvailable();
        if (search != null) {
            search.update(java.util.List.of(accountId));
        }
    }
}
