package io.microreach.app.outreach;

import io.microreach.app.campaigns.CampaignCreator;
import io.microreach.app.campaigns.CampaignProblem;
import io.microreach.app.campaigns.CampaignService;
import io.microreach.app.web.FieldProblem;
import io.microreach.app.web.ProblemJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * REST access to outreach (OpenAPI at /v3/api-docs): the message log, sending invitations, the workspace's templates
 * and a creator's contact e-mail. Errors are problem JSON naming the field: 400 bad value (an unknown placeholder is
 * named), 404 unknown campaign or creator, 503 when no mail server is configured.
 */
@RestController
public class OutreachApiController {
    private final OutreachService outreach;
    private final OutreachTemplates templates;
    private final CampaignService campaigns;

    public OutreachApiController(OutreachService outreach, OutreachTemplates templates, CampaignService campaigns) {
        this.outreach = outreach;
        this.templates = templates;
        this.campaigns = campaigns;
    }

    /** Which creators to invite; none named: every creator not yet invited. */
    public record InvitationRequest(List<Long> creatorIds) {}

    public record TemplateRequest(String subject, String body) {}

    public record ContactRequest(String email) {}

    @Operation(summary = "The campaign's outreach e-mails, newest first, each as sent (or failed, with the error)")
    @GetMapping(value = "/api/campaigns/{id}/outreach", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<OutreachMessage> messages(@PathVariable long id) {
        return outreach.messages(id);
    }

    @Operation(
            summary = "Send invitations: to the creators named in creatorIds, or to every creator not yet invited",
            responses = {
                @ApiResponse(responseCode = "200", description = "what was sent, failed or skipped, and why"),
                @ApiResponse(responseCode = "404", description = "unknown campaign or creator"),
                @ApiResponse(responseCode = "503", description = "no mail server configured")
            })
    @PostMapping(value = "/api/campaigns/{id}/outreach/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    public InvitationResult invite(@PathVariable long id, @RequestBody(required = false) InvitationRequest body) {
        return outreach.invite(id, body == null ? null : body.creatorIds());
    }

    @Operation(summary = "The workspace's invitation and reminder templates (built-in ones until it saves its own)")
    @GetMapping(value = "/api/outreach/templates", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<MessageTemplate> templates() {
        return templates.all();
    }

    @Operation(
            summary = "Save the workspace's invitation or reminder template",
            responses = {
                @ApiResponse(
                        responseCode = "400",
                        description = "unknown kind or placeholder, a line break in the subject, an empty field")
            })
    @PutMapping(
            value = "/api/outreach/templates/{kind}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageTemplate saveTemplate(@PathVariable String kind, @RequestBody TemplateRequest body) {
        return templates.save(kind, body == null ? null : body.subject(), body == null ? null : body.body());
    }

    @Operation(summary = "Set (or, empty, remove) the e-mail address a creator's outreach goes to")
    @PutMapping(
            value = "/api/campaigns/{id}/creators/{creatorId}/contact",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CampaignCreator contact(
            @PathVariable long id, @PathVariable long creatorId, @RequestBody ContactRequest body) {
        return campaigns.setContactEmail(id, creatorId, body == null ? null : body.email());
    }

    @ExceptionHandler({OutreachProblem.class, CampaignProblem.class})
    ResponseEntity<ProblemDetail> problem(FieldProblem e) {
        return ProblemJson.of(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemJson.of(
                HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": '" + e.getValue() + "' is not a valid number");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ProblemJson.of(
                HttpStatus.BAD_REQUEST,
                "body",
                "body: not the expected JSON ({\"creatorIds\": [1, 2]}, {\"subject\": …, \"body\": …} or"
                        + " {\"email\": …})");
    }
}
