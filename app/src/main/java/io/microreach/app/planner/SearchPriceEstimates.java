package io.microreach.app.planner;

import io.microreach.app.search.PriceEstimates;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gives the search index one price per account, so Discover can show it and filter on it: the {@link PriceService}'s
 * estimate for the platform's main sponsored deliverable in the display currency. The index is shared by every
 * workspace, so it holds estimates only; results are shown with the caller's workspace prices (rate card or
 * negotiated) on top, so a workspace sees one price per account everywhere.
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
        prices.estimatedMainPrices(accountIds).forEach((id, p) -> out.put(id, range(p)));
        return out;
    }

    @Override
    public Map<Long, PriceEstimates.PriceRange> workspacePrices(Collection<Long> accountIds) {
        Map<Long, PriceEstimates.PriceRange> out = new HashMap<>();
        prices.agreedMainPrices(accountIds).forEach((id, p) -> out.put(id, range(p)));
        return out;
    }

    private static PriceEstimates.PriceRange range(PriceService.AccountPrice p) {
        io.microreach.pricing.PriceRange r = p.price();
        return new PriceEstimates.PriceRange(
                r.low(), r.high(), r.currency(), PriceText.basis(p), r.conversion() != null);
    }
}
