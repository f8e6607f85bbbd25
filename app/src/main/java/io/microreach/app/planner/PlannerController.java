package io.microreach.app.planner;

import io.microreach.audience.Lookalike;
import io.microreach.domain.Platform;
import io.microreach.planner.PlanningException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST access to the budget planner, audience overlap, lookalikes and rate cards (OpenAPI at /v3/api-docs). */
@RestController
public class PlannerController {
    private final PlanService plans;
    private final RateCardStore rateCards;
    private final RateCardEdits rateCardEdits;
    private final PriceService prices;
    private final io.microreach.app.shortlists.ShortlistService shortlists;

    public PlannerController(
            PlanService plans,
            RateCardStore rateCards,
            RateCardEdits rateCardEdits,
            PriceService prices,
            io.microreach.app.shortlists.ShortlistService shortlists) {
        this.plans = plans;
        this.rateCards = rateCards;
        this.rateCardEdits = rateCardEdits;
        this.prices = prices;
        this.shortlists = shortlists;
    }

    @Operation(
            summary = "Plan a budget across creators",
            description = "Body: a brief as JSON (the YAML brief's fields: budget, currency, objective, deliverables,"
                    + " niches, countries, platforms, constraints, brandRates; see docs/planner.md). Returns the"
                    + " chosen creators with deliverables, cost, forecast bands and marginal contribution, the"
                    + " guarantee, rejected candidates with reasons and the alternatives (best single creator, top"
                    + " followers).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content = @Content(schema = @Schema(implementation = PlanResponse.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "invalid brief or infeasible constraints; the detail names the field")
            })
    @PostMapping(
            value = "/api/plans",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public PlanResponse plan(@RequestBody Map<String, Object> brief) {
        return plans.plan(BriefReader.fromMap(brief));
    }

    @Operation(
            summary = "Audience overlap matrix of a shortlist",
            description = "Every ordered pair: share of A's audience also in B's and the people in both, with"
                    + " lower/upper bounds (sketch 2σ bounds, plus sampling noise when follower samples are scaled).")
    @GetMapping(value = "/api/overlap", produces = MediaType.APPLICATION_JSON_VALUE)
    public OverlapResponse overlap(
            @Parameter(description = "instagram, tiktok, youtube, bluesky or twitter") @RequestParam String platform,
            @Parameter(description = "comma-separated handles, at least two") @RequestParam List<String> handles) {
        return plans.overlap(platform, handles);
    }

    @Operation(summary = "Accounts whose audiences overlap most with this one")
    @GetMapping(
            value = "/api/accounts/{platform}/{handle}/audience-lookalikes",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Lookalike> lookalikes(
            @PathVariable String platform,
            @PathVariable String handle,
            @Parameter(description = "how many (1–100)") @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new PlanningException("limit", "must be 1..100, got " + limit);
        }
        return plans.lookalikes(platform, handle, limit);
    }

    @Operation(
            summary = "The workspace's rate cards and negotiated prices of one account",
            description = "Per deliverable the price in force today (newest valid from; a negotiated price beats the"
                    + " rate card of the same day).")
    @GetMapping(value = "/api/accounts/{platform}/{handle}/rate-card", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RateCardStore.RateCardEntry> rateCard(@PathVariable String platform, @PathVariable String handle) {
        return rateCards.read(account(platform, handle));
    }

    @Operation(
            summary = "Set the price of one deliverable on an account's rate card",
            description = "Body: {\"deliverable\": \"post\", \"amount\": 250, \"currency\": \"EUR\", \"kind\":"
                    + " \"rate_card\" or \"negotiated\" (default rate_card), \"validFrom\": \"2026-12-01\" (optional)}."
                    + " The deliverable must be one the platform has (YouTube: video, short; Instagram: post, reel,"
                    + " story; TikTok: video; Bluesky and X: post); a 400 names the field otherwise.")
    @PutMapping(
            value = "/api/accounts/{platform}/{handle}/rate-card",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RateCardStore.RateCardEntry> upsertRateCard(
            @PathVariable String platform, @PathVariable String handle, @RequestBody Map<String, Object> body) {
        long id = account(platform, handle);
        Platform p = Platform.fromId(platform).orElseThrow();
        Map<String, String> form = new java.util.HashMap<>();
        body.forEach((k, v) -> form.put(k, v == null ? "" : String.valueOf(v)));
        rateCardEdits.save(id, p, form, body.get("amount"));
        return rateCards.read(id);
    }

    @Operation(
            summary = "The price of one account, as Discover, the creator page, shortlists and plans show it",
            description = "main: its platform's main deliverable in the display currency (microreach.currency.display);"
                    + " deliverables: every deliverable its platform has. Each with low, high, currency, whether it"
                    + " is estimated, its basis and the conversion (rate and day) when one happened.")
    @GetMapping(value = "/api/accounts/{platform}/{handle}/price", produces = MediaType.APPLICATION_JSON_VALUE)
    public AccountPrices price(
            @PathVariable String platform,
            @PathVariable String handle,
            @Parameter(description = "currency to show (default: the display currency)") @RequestParam(required = false)
                    String currency) {
        long id = account(platform, handle);
        Platform p = Platform.fromId(platform).orElseThrow();
        String c = currency == null || currency.isBlank()
                ? prices.displayCurrency()
                : currency.strip().toUpperCase(java.util.Locale.ROOT);
        prices.requireKnown(c);
        return new AccountPrices(prices.prices(List.of(id), List.of(), c).get(id), prices.everyDeliverable(id, p, c));
    }

    /** An account's price for its main deliverable and for each deliverable its platform has. */
    public record AccountPrices(PriceService.AccountPrice main, List<PriceService.AccountPrice> deliverables) {}

    @Operation(summary = "The prices of a shortlist's creators (main deliverable, display currency)")
    @GetMapping(value = "/api/shortlists/{id}/prices", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PriceService.AccountPrice> shortlistPrices(@PathVariable long id) {
        List<Long> ids;
        try {
            ids = shortlists.entries(id).stream()
                    .map(io.microreach.app.shortlists.ShortlistEntry::accountId)
                    .toList();
        } catch (io.microreach.app.shortlists.ShortlistProblem e) {
            // A list of another workspace reads as unknown, like one that never existed.
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return List.copyOf(prices.mainPrices(ids).values());
    }

    private long account(String platform, String handle) {
        return plans.findAccount(platform + ":" + handle, "handle")
                .orElseThrow(() -> new PlanningException("handle", "unknown account " + platform + " @" + handle));
    }

    @ExceptionHandler(PlanningException.class)
    ResponseEntity<ProblemDetail> badInput(PlanningException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setProperty("field", e.field());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
