package io.microreach.app.scoring;

import io.microreach.domain.Platform;
import io.microreach.signals.scorecard.Scorecard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST access to scorecards; documented in the OpenAPI description at /v3/api-docs (UI: /swagger-ui.html). */
@RestController
@RequestMapping("/api/accounts")
public class ScorecardController {
    private final ScorecardReader reader;

    public ScorecardController(ScorecardReader reader) {
        this.reader = reader;
    }

    @Operation(
            summary = "One account's trust scorecard",
            description = "Trust score with every component (value, peer percentile, weight, contribution,"
                    + " confidence, evidence ids), tier, engagement rate, suspicious-follower share with its 95%"
                    + " interval, reply rate and delay, sponsored share, cohesion and anomalies. Metrics without"
                    + " enough data are null and listed in 'unavailable' with the reason.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content = @Content(schema = @Schema(implementation = Scorecard.class))),
                @ApiResponse(responseCode = "400", description = "unknown platform"),
                @ApiResponse(responseCode = "404", description = "unknown account, or not scored yet")
            })
    @GetMapping(value = "/{platform}/{handle}/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> scorecard(
            @Parameter(description = "instagram, tiktok, youtube, bluesky or twitter") @PathVariable String platform,
            @Parameter(description = "the account's handle, without @") @PathVariable String handle) {
        var p = Platform.fromId(platform);
        if (p.isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "platform: unknown platform '" + platform + "'; expected one of " + Platform.allowedIds());
        }
        return reader.json(p.get(), handle)
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(json))
                .orElseGet(() -> problem(
                        HttpStatus.NOT_FOUND,
                        "no scorecard for " + p.get().id() + " @" + handle
                                + ": unknown account, or not scored yet (run 'microreach score')"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
