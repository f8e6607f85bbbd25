package io.microreach.app.planner;

import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistEntry;
import io.microreach.app.shortlists.ShortlistProblem;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.forecast.BrandRates;
import io.microreach.planner.EvidenceMinimum;
import io.microreach.planner.Objective;
import io.microreach.planner.PlanConstraints;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.Deliverable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shortlist page's planner: the overlap heatmap of the list's accounts (one per platform: audiences of different
 * platforms are different id spaces and are not compared) and a budget form whose plan, with the single-creator and
 * "top followers" alternatives, is swapped into the page by htmx. Every form field is parsed here so that a bad value
 * comes back as a message naming the field.
 */
@Controller
public class PlanPageController {
    private final ShortlistService shortlists;
    private final PlanService planner;
    private final JsonMapper json = JsonMapper.builder().build();

    private final PriceService prices;

    public PlanPageController(ShortlistService shortlists, PlanService planner, PriceService prices) {
        this.shortlists = shortlists;
        this.planner = planner;
        this.prices = prices;
    }

    /** One shortlist entry's price, as the creator page and Discover show it. */
    public record EntryPrice(long accountId, String platform, String handle, String amount, String basis) {}

    /** The prices of a shortlist's creators (their main deliverable, in the display currency). */
    @GetMapping("/shortlists/{id}/prices")
    public String prices(@PathVariable long id, Model model) {
        List<ShortlistEntry> entries = shortlists.entries(id);
        Map<Long, PriceService.AccountPrice> priced = prices.mainPrices(
                entries.stream().map(ShortlistEntry::accountId).toList());
        List<EntryPrice> rows = new ArrayList<>();
        for (ShortlistEntry e : entries) {
            PriceService.AccountPrice p = priced.get(e.accountId());
            rows.add(new EntryPrice(
                    e.accountId(),
                    e.platform(),
                    e.handle(),
                    p == null ? "–" : PriceText.amount(p.price()),
                    p == null ? "no price" : PriceText.basis(p)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("currency", prices.displayCurrency());
        return "plan-fragments :: prices";
    }

    /** One platform's overlap matrix: rows and columns are the handles, cells the share of the row's audience. */
    public record Heatmap(
            String platform,
            List<String> handles,
            List<List<OverlapResponse.Pair>> rows,
            List<String> noAudienceData) {}

    @GetMapping("/shortlists/{id}/overlap")
    public String overlap(@PathVariable long id, Model model) {
        Map<String, List<ShortlistEntry>> byPlatform = new LinkedHashMap<>();
        for (ShortlistEntry e : shortlists.entries(id)) {
            byPlatform.computeIfAbsent(e.platform(), p -> new ArrayList<>()).add(e);
        }
        List<Heatmap> maps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        byPlatform.forEach((platform, entries) -> {
            if (entries.size() < 2) {
                notes.add(platform + ": only one account, nothing to compare");
                return;
            }
            // Two entries may share a handle (a reused handle): the account number tells them apart.
            Map<String, Long> handleCount = new java.util.HashMap<>();
            entries.forEach(e -> handleCount.merge(e.handle().toLowerCase(Locale.ROOT), 1L, Long::sum));
            List<String> labels = entries.stream()
                    .map(e -> handleCount.get(e.handle().toLowerCase(Locale.ROOT)) > 1
                            ? e.handle() + " #" + e.accountId()
                            : e.handle())
                    .toList();
            try {
                OverlapResponse r = planner.overlapOfAccounts(
                        platform,
                        entries.stream().map(ShortlistEntry::accountId).toList(),
                        labels);
                List<List<OverlapResponse.Pair>> rows = new ArrayList<>();
                for (String a : r.handles()) {
                    List<OverlapResponse.Pair> row = new ArrayList<>();
                    for (String b : r.handles()) {
                        row.add(r.pairs().stream()
                                .filter(p -> p.a().equals(a) && p.b().equals(b))
                                .findFirst()
                                .orElse(null));
                    }
                    rows.add(row);
                }
                maps.add(new Heatmap(platform, r.handles(), rows, r.noAudienceData()));
            } catch (PlanningException e) {
                notes.add(platform + ": " + e.getMessage());
            }
        });
        model.addAttribute("heatmaps", maps);
        model.addAttribute("notes", notes);
        return "plan-fragments :: overlap";
    }

    @PostMapping("/shortlists/{id}/plan")
    public String plan(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Shortlist list = shortlists.get(id);
        List<Long> accounts =
                shortlists.entries(id).stream().map(ShortlistEntry::accountId).toList();
        PlanBrief brief = brief(form);
        PlanResponse plan = planner.planAmong(brief, accounts);
        model.addAttribute("list", list);
        model.addAttribute("plan", plan);
        model.addAttribute("planForm", form);
        // The "start a campaign" form is for a signed-in browser (its CSRF token lives in the browser's HTTP session);
        // a token client starts campaigns through POST /api/campaigns instead.
        model.addAttribute("browser", request.getSession(false) != null);
        model.addAttribute("priceLines", priceLines(plan));
        model.addAttribute("fmt", new PlanFormat());
        model.addAttribute("chartJson", json.writeValueAsString(comparison(plan)));
        return "plan-fragments :: plan";
    }

    /** Each chosen creator's price as every page words it: amount and basis, by creator id. */
    static Map<String, List<String>> priceLines(PlanResponse plan) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PlanResponse.Creator c : plan.creators()) {
            if (c.price() != null) {
                out.put(
                        c.id(),
                        List.of(
                                PriceText.amount(c.price()),
                                (c.price().estimated() ? "planned at the midpoint; " : "")
                                        + PriceText.basis(c.price())));
            }
        }
        return out;
    }

    /** The bars of the comparison chart: objective value and cost of the plan and of each alternative. */
    record Comparison(List<String> labels, List<Double> objective, List<Double> cost, String objectiveName) {}

    static Comparison comparison(PlanResponse plan) {
        List<String> labels = new ArrayList<>(List.of("this plan"));
        List<Double> value = new ArrayList<>(List.of(plan.objectiveValue()));
        List<Double> cost = new ArrayList<>(List.of(plan.totalCost()));
        for (PlanResponse.Alternative a : plan.alternatives()) {
            labels.add(a.name());
            value.add(a.objectiveValue());
            cost.add(a.totalCost());
        }
        return new Comparison(labels, value, cost, plan.objective());
    }

    /** The brief the budget form asks for (also what the plan's CSV export runs). */
    public static PlanBrief brief(Map<String, String> form) {
        double budget = Amounts.money("budget", form.getOrDefault("budget", "")).doubleValue();
        String currency = form.getOrDefault("currency", "USD").strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new PlanningException("currency", "'" + currency + "' is not a three-letter currency code");
        }
        String objectiveId = form.getOrDefault("objective", "engaged-reach");
        Objective objective = Objective.fromId(objectiveId)
                .orElseThrow(() -> new PlanningException("objective", "unknown objective '" + objectiveId + "'"));
        String deliverableId = form.getOrDefault("deliverable", "").strip();
        List<Deliverable> deliverables = deliverableId.isEmpty() || deliverableId.equals("main")
                ? List.of()
                : List.of(Deliverable.fromId(deliverableId)
                        .orElseThrow(() -> new PlanningException(
                                "deliverable",
                                "unknown deliverable '" + deliverableId + "'; expected one of "
                                        + Deliverable.allowedIds())));
        int minCreators = (int) number(form, "minCreators", 0.0);
        int maxCreators = (int) number(form, "maxCreators", 1000.0);
        double maxShare = number(form, "maxBudgetShare", 100.0) / 100.0;
        String trust = form.getOrDefault("minTrustScore", "").strip();
        Double minTrust = trust.isEmpty() ? null : number(form, "minTrustScore", null);
        double minPosts = number(form, "minPosts", (double) EvidenceMinimum.DEFAULT.posts());
        if (minPosts < 0 || minPosts != Math.rint(minPosts)) {
            throw new PlanningException("minPosts", "must be a whole number of posts, 0 or more");
        }
        String trustRule = form.getOrDefault("requireTrustScore", "true").strip();
        if (!trustRule.equals("true") && !trustRule.equals("false")) {
            throw new PlanningException("requireTrustScore", "must be true or false, got '" + trustRule + "'");
        }
        boolean requireTrust = trustRule.equals("true");
        EvidenceMinimum evidence = new EvidenceMinimum(requireTrust, (int) minPosts, EvidenceMinimum.DEFAULT.days());
        BrandRates rates;
        try {
            rates = new BrandRates(
                    number(form, "ctr", BrandRates.DEFAULTS.ctr() * 100) / 100.0,
                    number(form, "conversionRate", BrandRates.DEFAULTS.conversionRate() * 100) / 100.0,
                    number(form, "averageOrderValue", BrandRates.DEFAULTS.averageOrderValue()),
                    number(form, "margin", BrandRates.DEFAULTS.margin() * 100) / 100.0);
        } catch (IllegalArgumentException e) {
            throw new PlanningException("brandRates", e.getMessage());
        }
        PlanConstraints constraints = new PlanConstraints(
                minCreators, maxCreators, maxShare, Map.of(), Map.of(), minTrust, Set.of(), Set.of(), evidence);
        return new PlanBrief(
                budget, currency, objective, deliverables, Set.of(), Set.of(), Set.of(), constraints, rates);
    }

    private static double number(Map<String, String> form, String field, Double fallback) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            if (fallback == null) {
                throw new PlanningException(field, "is required");
            }
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || Math.abs(d) > 1e12) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new PlanningException(field, "'" + v + "' is not a number");
        }
    }

    @ExceptionHandler(PlanningException.class)
    public String planningProblem(PlanningException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.getMessage());
        return "plan-fragments :: problem";
    }

    @ExceptionHandler(ShortlistProblem.class)
    public String shortlistProblem(ShortlistProblem e, HttpServletResponse response, Model model) {
        response.setStatus(
                e.kind() == ShortlistProblem.Kind.NOT_FOUND
                        ? HttpStatus.NOT_FOUND.value()
                        : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.field() + ": " + e.getMessage());
        return "plan-fragments :: problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public String badId(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.getName() + ": '" + e.getValue() + "' is not a valid id");
        return "plan-fragments :: problem";
    }
}
