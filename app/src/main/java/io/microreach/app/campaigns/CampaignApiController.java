package io.microreach.app.campaigns;

import io.microreach.app.planner.BriefReader;
import io.microreach.app.web.ProblemJson;
import io.microreach.planner.PlanningException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * REST access to the workspace's campaigns (OpenAPI at /v3/api-docs). Errors are problem JSON naming the field: 400
 * bad value, 404 unknown campaign, creator, deliverable or account, 409 duplicate name or promo code, or a status
 * move that is not allowed.
 */
@RestController
@RequestMapping(value = "/api/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
public class CampaignApiController {
    private final CampaignService campaigns;
    private final CampaignStarter starter;
    private final CampaignReports reports;

    public CampaignApiController(CampaignService campaigns, CampaignStarter starter, CampaignReports reports) {
        this.campaigns = campaigns;
        this.starter = starter;
        this.reports = reports;
    }

    /**
     * The body that creates a campaign: from a plan brief ({@code plan}, the brief as in {@code POST /api/plans}),
     * from a shortlist ({@code shortlistId}), or by hand ({@code creators}, with budget and currency).
     */
    public record CreateRequest(
            String name,
            String landingUrl,
            String hashtag,
            List<String> brandHandles,
            LocalDate startsOn,
            LocalDate endsOn,
            Integer attributionWindowDays,
            String objective,
            BigDecimal budget,
            String currency,
            Map<String, Object> plan,
            Long shortlistId,
            List<CampaignDraft.CreatorDraft> creators) {}

    /** A status move of a deliverable, or of the campaign. */
    public record StatusRequest(String status, String note) {}

    /** A published post: its URL or platform id. */
    public record PostRequest(String post) {}

    public record PromoCodeRequest(String promoCode) {}

    public record NoteRequest(Long creatorId, String note) {}

    @Operation(summary = "Every campaign of the workspace, newest first")
    @GetMapping
    public List<CampaignSummary> list() {
        return campaigns.list();
    }

    @Operation(
            summary = "Create a campaign from a plan brief, a shortlist or a list of creators",
            responses = {
                @ApiResponse(responseCode = "201", description = "created"),
                @ApiResponse(responseCode = "400", description = "a bad field, named"),
                @ApiResponse(responseCode = "404", description = "unknown shortlist or account"),
                @ApiResponse(responseCode = "409", description = "name or promo code taken")
            })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Campaign> create(@RequestBody CreateRequest body) {
        if (body == null) {
            throw CampaignProblem.invalid("body", "expected JSON like {\"name\": …, \"landingUrl\": …, \"plan\": {…}}");
        }
        CampaignSettings settings = new CampaignSettings(
                body.name(),
                body.landingUrl(),
                body.hashtag(),
                body.brandHandles(),
                body.startsOn(),
                body.endsOn(),
                body.attributionWindowDays(),
                body.budget(),
                body.currency());
        Campaign created;
        if (body.plan() != null) {
            created = starter.fromPlan(BriefReader.fromMap(body.plan()), settings);
        } else if (body.shortlistId() != null) {
            created = starter.fromShortlist(body.shortlistId(), settings);
        } else {
            created = campaigns.create(new CampaignDraft(
                    body.name(),
                    body.objective(),
                    body.budget(),
                    body.currency(),
                    body.startsOn(),
                    body.endsOn(),
                    body.landingUrl(),
                    body.hashtag(),
                    body.brandHandles(),
                    body.attributionWindowDays(),
                    body.creators(),
                    null));
        }
        return ResponseEntity.created(URI.create("/api/campaigns/" + created.id()))
                .body(created);
    }

    @Operation(
            summary = "One campaign with its creators, tracking links, promo codes and deliverables",
            responses = {@ApiResponse(responseCode = "404", description = "unknown campaign")})
    @GetMapping("/{id}")
    public Campaign get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @Operation(
            summary = "Delete a campaign with its creators, deliverables and timeline",
            responses = {@ApiResponse(responseCode = "204", description = "deleted")})
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        campaigns.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Set the campaign's status: draft, running, finished or cancelled")
    @PutMapping(value = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Campaign status(@PathVariable long id, @RequestBody StatusRequest body) {
        return campaigns.setStatus(id, body == null ? null : body.status());
    }

    @Operation(
            summary = "Take a creator into the campaign",
            responses = {@ApiResponse(responseCode = "201", description = "added")})
    @PostMapping(value = "/{id}/creators", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CampaignCreator> addCreator(
            @PathVariable long id, @RequestBody CampaignDraft.CreatorDraft body) {
        if (body == null) {
            throw CampaignProblem.invalid("body", "expected JSON like {\"accountId\": 12, \"deliverables\": [...]}");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.addCreator(id, body));
    }

    @Operation(summary = "Change a creator's promo code (unique in the workspace)")
    @PutMapping(value = "/{id}/creators/{creatorId}/promo-code", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CampaignCreator promoCode(
            @PathVariable long id, @PathVariable long creatorId, @RequestBody PromoCodeRequest body) {
        return campaigns.setPromoCode(id, creatorId, body == null ? null : body.promoCode());
    }

    @Operation(
            summary = "Move a deliverable to a new status (invited, accepted, submitted, revisions_requested,"
                    + " approved, published, paid, declined, ghosted)",
            responses = {@ApiResponse(responseCode = "409", description = "a move that is not allowed from here")})
    @PostMapping(value = "/{id}/deliverables/{deliverableId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CampaignDeliverable move(
            @PathVariable long id, @PathVariable long deliverableId, @RequestBody StatusRequest body) {
        return campaigns.move(
                id, deliverableId, body == null ? null : body.status(), body == null ? null : body.note());
    }

    @Operation(summary = "Link a deliverable to its published post (URL or platform id)")
    @PutMapping(value = "/{id}/deliverables/{deliverableId}/post", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CampaignDeliverable post(
            @PathVariable long id, @PathVariable long deliverableId, @RequestBody PostRequest body) {
        return campaigns.linkPost(id, deliverableId, body == null ? null : body.post());
    }

    @Operation(summary = "A note on the campaign or one of its creators")
    @PostMapping(value = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CampaignEvent> note(@PathVariable long id, @RequestBody NoteRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(campaigns.addNote(id, body == null ? null : body.creatorId(), body == null ? null : body.note()));
    }

    @Operation(summary = "The campaign's timeline (status changes, notes, e-mails), newest first")
    @GetMapping("/{id}/timeline")
    public List<CampaignEvent> timeline(@PathVariable long id) {
        return campaigns.timeline(id);
    }

    @Operation(
            summary = "The campaign's results: KPIs per creator and in all, forecast against actual, leaked codes,"
                    + " disclosure issues, UGC, days, small vs big")
    @GetMapping("/{id}/report")
    public CampaignReport report(@PathVariable long id) {
        return reports.report(id);
    }

    public record UgcMarkRequest(String status) {}

    @Operation(summary = "Mark a UGC post: reuse_requested, rights_granted, or none to clear")
    @PutMapping(value = "/{id}/ugc/{postId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> markUgc(
            @PathVariable long id, @PathVariable long postId, @RequestBody UgcMarkRequest body) {
        campaigns.markUgc(id, postId, body == null ? null : body.status());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CampaignProblem.class)
    ResponseEntity<ProblemDetail> problem(CampaignProblem e) {
        return ProblemJson.of(e);
    }

    @ExceptionHandler(PlanningException.class)
    ResponseEntity<ProblemDetail> planning(PlanningException e) {
        return ProblemJson.of(HttpStatus.BAD_REQUEST, "plan." + e.field(), "plan." + e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemJson.of(
                HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": '" + e.getValue() + "' is not a valid number");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                field = fieldOf(j);
                break;
            }
        }
        return ProblemJson.of(
                HttpStatus.BAD_REQUEST,
                field,
                field + ": not the expected JSON value (dates as 2026-05-01, amounts as numbers, lists as [...])");
    }

    /** The JSON path of a parse failure, as {@code creators[0].fee}. */
    static String fieldOf(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
