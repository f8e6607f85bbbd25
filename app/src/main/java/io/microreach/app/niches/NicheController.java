package io.microreach.app.niches;

import io.microreach.domain.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST access to the taxonomy, an account's niches and corrections (OpenAPI at /v3/api-docs). */
@RestController
public class NicheController {
    private final NicheService service;

    public NicheController(NicheService service) {
        this.service = service;
    }

    /** One niche of the taxonomy. */
    public record NicheView(String id, String name, String description) {}

    /** An account's niches and the corrections users made. */
    public record AccountNiches(
            String platform, String handle, List<AccountNiche> niches, List<NicheCorrection> corrections) {}

    /** Corrections to apply: niche ids the account is in, and niche ids it is not in. */
    public record CorrectionRequest(
            @Schema(description = "niche ids the account belongs to (confidence 1, kept by re-classification)")
            List<String> assigned,

            @Schema(description = "niche ids the account does not belong to (never assigned again)")
            List<String> notAssigned) {}

    @Operation(summary = "The niche taxonomy", description = "Every niche with id, name and description.")
    @GetMapping(value = "/api/niches", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<NicheView> niches() {
        return service.taxonomy().stream()
                .map(n -> new NicheView(n.id(), n.name(), n.description()))
                .toList();
    }

    @Operation(
            summary = "One account's niches",
            description = "Niches with confidence (0..1), source (model or correction) and whether the account counts"
                    + " as in the niche, best first, plus the users' corrections.",
            responses = {
                @ApiResponse(responseCode = "200"),
                @ApiResponse(responseCode = "400", description = "unknown platform"),
                @ApiResponse(responseCode = "404", description = "unknown account")
            })
    @GetMapping(value = "/api/accounts/{platform}/{handle}/niches", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> accountNiches(
            @Parameter(description = "instagram, tiktok, youtube, bluesky or twitter") @PathVariable String platform,
            @Parameter(description = "the account's handle, without @") @PathVariable String handle) {
        return account(platform, handle).fold(id -> ResponseEntity.ok(view(platform, handle, id)));
    }

    @Operation(
            summary = "Correct one account's niches",
            description = "Assigned niches get confidence 1 and are kept by every re-classification; niches listed as"
                    + " not assigned are removed and never assigned again. Returns the account's niches afterwards.",
            responses = {
                @ApiResponse(responseCode = "200"),
                @ApiResponse(
                        responseCode = "400",
                        description = "unknown platform, unknown niche id (named), a niche in both lists, or no body"),
                @ApiResponse(responseCode = "404", description = "unknown account")
            })
    @PutMapping(
            value = "/api/accounts/{platform}/{handle}/niches",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> correct(
            @PathVariable String platform,
            @PathVariable String handle,
            @RequestBody(required = false) CorrectionRequest body) {
        return account(platform, handle).fold(id -> {
            if (body == null || (isEmpty(body.assigned()) && isEmpty(body.notAssigned()))) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "body: expected {\"assigned\": [...], \"notAssigned\": [...]}" + " with at least one niche id");
            }
            try {
                // Also refreshes the account's derived data (niche rows, search index, audience).
                service.correct(id, set(body.assigned(), "assigned"), set(body.notAssigned(), "notAssigned"));
            } catch (UnknownNicheException e) {
                return problem(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            return ResponseEntity.ok(view(platform, handle, id));
        });
    }

    private static boolean isEmpty(List<String> l) {
        return l == null || l.isEmpty();
    }

    private static Set<String> set(List<String> ids, String field) {
        if (ids == null) {
            return Set.of();
        }
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new UnknownNicheException(field + ": empty niche id");
            }
        }
        return new java.util.LinkedHashSet<>(ids);
    }

    private AccountNiches view(String platform, String handle, long id) {
        List<NicheCorrection> corrections = service.correctionsOf(id).entrySet().stream()
                .map((Map.Entry<String, Boolean> e) -> new NicheCorrection(e.getKey(), e.getValue()))
                .toList();
        return new AccountNiches(platform, handle, service.nichesOf(id), corrections);
    }

    /** The account id, or the problem response explaining why there is none. */
    private record Lookup(Optional<Long> id, ResponseEntity<ProblemDetail> problem) {
        ResponseEntity<?> fold(java.util.function.Function<Long, ResponseEntity<?>> ok) {
            return id.isPresent() ? ok.apply(id.get()) : problem;
        }
    }

    private Lookup account(String platform, String handle) {
        var p = Platform.fromId(platform);
        if (p.isEmpty()) {
            return new Lookup(
                    Optional.empty(),
                    problem(
                            HttpStatus.BAD_REQUEST,
                            "platform: unknown platform '" + platform + "'; expected one of " + Platform.allowedIds()));
        }
        Optional<Long> id = service.accountId(p.get().id(), handle);
        return id.isPresent()
                ? new Lookup(id, null)
                : new Lookup(
                        id,
                        problem(HttpStatus.NOT_FOUND, "no account " + p.get().id() + " @" + handle));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
