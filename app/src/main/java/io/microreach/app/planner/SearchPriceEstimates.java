package io.microreach.app.planner;

import io.microreach.app.search.PriceEstimates;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gives the search index one price per account, so Discover can show it and filter on it: the {@link PriceService}'s
 * price of the platform's main sponsored deliverable in the display currency, the same figure, range and basis the
 * creator page, the shortlist and a plan show.
 */
@Component
class SearchPriceEstimates implements PriceEstimates {
    private final PriceService prices;

    SearchPriceEstimates(PriceService prices) {
        this.prices = prices;
    }

    @Override
    public Map<Long, PriceEstimates.PriceRange> estimates(Collection<Long> accountIds) {
        Map<Long, PriceEstimates.PriceRange> out = new HashMap<>();
        prices.mainPrices(accountIds).forEach((id, p) -> {
            io.microreach.pricing.PriceRange r = p.price();
            out.put(
                    id,
                    new PriceEstimates.PriceRange(
                            r.low(), r.high(), r.currency(), PriceText.basis(p), r.conversion() != null));
        });
        return out;
    }
}
