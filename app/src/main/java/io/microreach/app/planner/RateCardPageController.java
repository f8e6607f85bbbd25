package io.microreach.app.planner;

import io.microreach.domain.Platform;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.Deliverable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The creator page's "Price" section (template {@code rate-card.html}, loaded by htmx): the account's price for each
 * deliverable its platform has with its basis, the stored rate cards and negotiated prices, and a form to add one. A
 * refused field comes back inline in the same section, named, with the typed values kept.
 */
@Controller
public class RateCardPageController {
    private final PriceService prices;
    private final RateCardStore store;
    private final RateCardEdits edits;

    public RateCardPageController(PriceService prices, RateCardStore store, RateCardEdits edits) {
        this.prices = prices;
        this.store = store;
        this.edits = edits;
    }

    /** One deliverable's price as the section lists it. */
    public record Line(String deliverable, String amount, String basis, boolean estimated) {}

    /** A stored price as the section lists it. */
    public record Stored(String deliverable, String amount, String kind, String validFrom, String entered) {}

    @GetMapping("/creators/{id}/prices")
    public String section(@PathVariable long id, Model model) {
        return render(id, Map.of(), null, null, model);
    }

    @PostMapping("/creators/{id}/prices")
    public String save(
            @PathVariable long id, @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Platform platform = platform(id);
        try {
            edits.save(id, platform, form);
        } catch (PlanningException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(id, form, e, null, model);
        }
        Deliverable d = Deliverable.fromId(form.get("deliverable")).orElseThrow();
        return render(
                id,
                Map.of(),
                null,
                "Saved: " + d.label() + " " + form.get("amount").strip() + " "
                        + form.get("currency").strip().toUpperCase(java.util.Locale.ROOT) + ".",
                model);
    }

    private Platform platform(long id) {
        return prices.platformOf(id).orElseThrow(() -> new PlanningException("account", "no account with id " + id));
    }

    private String render(long id, Map<String, String> form, PlanningException error, String saved, Model model) {
        Platform platform = platform(id);
        String currency = prices.displayCurrency();
        List<Line> lines = new ArrayList<>();
        for (PriceService.AccountPrice p : prices.everyDeliverable(id, platform, currency)) {
            lines.add(new Line(
                    p.deliverables().get(0).label(),
                    PriceText.amount(p.price()),
                    PriceText.basis(p.price()),
                    p.price().estimated()));
        }
        List<Stored> stored = new ArrayList<>();
        for (RateCardStore.RateCardEntry e : store.history(id)) {
            stored.add(new Stored(
                    Deliverable.fromId(e.deliverable()).map(Deliverable::label).orElse(e.deliverable()),
                    PriceText.money(e.amount().doubleValue()) + " " + e.currency(),
                    "negotiated".equals(e.kind()) ? "negotiated" : "rate card",
                    e.validFrom() == null ? "" : e.validFrom().toString(),
                    e.entered() == null ? "" : e.entered().toString()));
        }
        model.addAttribute("accountId", id);
        model.addAttribute("platformLabel", platform.id());
        model.addAttribute("lines", lines);
        model.addAttribute("stored", stored);
        model.addAttribute("deliverables", Deliverable.offeredOn(platform));
        model.addAttribute(
                "currencies",
                prices.rates().perEuro().keySet().stream().sorted().toList());
        model.addAttribute("displayCurrency", currency);
        model.addAttribute("rates", prices.rates());
        model.addAttribute(
                "rateList",
                prices.rates().perEuro().entrySet().stream()
                        .filter(e -> !e.getKey().equals("EUR"))
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("form", form);
        model.addAttribute("errorField", error == null ? null : error.field());
        model.addAttribute("error", error == null ? null : error.getMessage());
        model.addAttribute("saved", saved);
        return "rate-card :: price-body";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(PlanningException.class)
    public String problem(PlanningException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("message", e.getMessage());
        return "plan-fragments :: problem";
    }
}
