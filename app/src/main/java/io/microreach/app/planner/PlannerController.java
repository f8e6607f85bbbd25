package io.microreach.app.planner;

import io.microreach.audience.Lookalike;
import io.microreach.planner.PlanningException;
import io.microreach.pricing.Deliverable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
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

    public PlannerController(PlanService plans, RateCardStore rateCards) {
        this.plans = plans;
        this.rateCards = rateCards;
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

    @Operation(summary = "The workspace's rate card of one account")
    @GetMapping(value = "/api/accounts/{platform}/{handle}/rate-card", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RateCardStore.RateCardEntry> rateCard(@PathVariable String platform, @PathVariable String handle) {
        return rateCards.read(account(platform, handle));
    }

    @Operation(
            summary = "Set the price of one deliverable on an account's rate card",
            description = "Body: {\"deliverable\": \"post\", \"amount\": 250, \"currency\": \"EUR\"}.")
    @PutMapping(
            value = "/api/accounts/{platform}/{handle}/rate-card",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RateCardStore.RateCardEntry> upsertRateCard(
            @PathVariable String platform, @PathVariable String handle, @RequestBody Map<String, Object> body) {
        long id = account(platform, handle);
        Object d = body.get("deliverable");
        Deliverable deliverable = Deliverable.fromId(d == null ? null : String.valueOf(d))
                .orElseThrow(() -> new PlanningException(
                        "deliverable", "unknown deliverable '" + d + "'; expected " + Deliverable.allowedIds()));
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(body.get("amount")));
        } catch (NumberFormatException e) {
            throw new PlanningException("amount", "must be a number, got '" + body.get("amount") + "'");
        }
        if (amount.signum() < 0) {
            throw new PlanningException("amount", "must be >= 0");
        }
        String currency = String.valueOf(body.get("currency"));
        if (!currency.matches("[A-Za-z]{3}")) {
            throw new PlanningException("currency", "must be a 3-letter ISO code, got '" + currency + "'");
        }
        rateCards.upsert(id, deliverable, amount, currency.toUpperCase(java.util.Locale.ROOT));
        return rateCards.read(id);
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
