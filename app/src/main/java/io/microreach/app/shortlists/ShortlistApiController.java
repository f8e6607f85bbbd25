package io.microreach.app.shortlists;

import io.microreach.app.web.ProblemJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * REST access to the workspace's shortlists (OpenAPI at /v3/api-docs). Errors are problem JSON naming the field or
 * parameter: 400 bad value, 404 unknown list or account, 409 duplicate name.
 */
@RestController
@RequestMapping(value = "/api/shortlists", produces = MediaType.APPLICATION_JSON_VALUE)
public class ShortlistApiController {
    private final ShortlistService shortlists;

    public ShortlistApiController(ShortlistService shortlists) {
        this.shortlists = shortlists;
    }

    /** The body of create and rename. */
    public record NameRequest(String name) {}

    /** A shortlist with its entries. */
    public record ShortlistWithEntries(long id, String name, int size, List<ShortlistEntry> entries) {}

    @Operation(summary = "Every shortlist of the workspace, by name")
    @GetMapping
    public List<Shortlist> lists() {
        return shortlists.lists();
    }

    @Operation(
            summary = "Create a shortlist",
            responses = {
                @ApiResponse(responseCode = "201", description = "created"),
                @ApiResponse(responseCode = "400", description = "missing, blank or too long name"),
                @ApiResponse(responseCode = "409", description = "a shortlist with that name exists")
            })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Shortlist> create(@RequestBody NameRequest body) {
        Shortlist created = shortlists.create(body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/shortlists/" + created.id()))
                .body(created);
    }

    @Operation(
            summary = "One shortlist with its accounts and their key metrics",
            responses = {@ApiResponse(responseCode = "404", description = "unknown shortlist")})
    @GetMapping("/{id}")
    public ShortlistWithEntries get(@Parameter(description = "shortlist id") @PathVariable long id) {
        Shortlist list = shortlists.get(id);
        return new ShortlistWithEntries(list.id(), list.name(), list.size(), shortlists.entries(id));
    }

    @Operation(
            summary = "Rename a shortlist",
            responses = {
                @ApiResponse(responseCode = "400", description = "bad name"),
                @ApiResponse(responseCode = "404", description = "unknown shortlist"),
                @ApiResponse(responseCode = "409", description = "name taken")
            })
    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Shortlist rename(@PathVariable long id, @RequestBody NameRequest body) {
        return shortlists.rename(id, body == null ? null : body.name());
    }

    @Operation(
            summary = "Delete a shortlist and its entries",
            responses = {
                @ApiResponse(responseCode = "204", description = "deleted"),
                @ApiResponse(responseCode = "404", description = "unknown shortlist")
            })
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        shortlists.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Add an account to a shortlist (idempotent)",
            responses = {
                @ApiResponse(responseCode = "201", description = "added"),
                @ApiResponse(responseCode = "200", description = "already on the list"),
                @ApiResponse(responseCode = "404", description = "unknown shortlist or account")
            })
    @PutMapping("/{id}/entries/{accountId}")
    public ResponseEntity<Shortlist> add(@PathVariable long id, @PathVariable long accountId) {
        boolean added = shortlists.add(id, accountId);
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(shortlists.get(id));
    }

    @Operation(
            summary = "Remove an account from a shortlist",
            responses = {
                @ApiResponse(responseCode = "204", description = "removed"),
                @ApiResponse(responseCode = "404", description = "unknown shortlist, or the account is not on it")
            })
    @DeleteMapping("/{id}/entries/{accountId}")
    public ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long accountId) {
        if (!shortlists.remove(id, accountId)) {
            throw new ShortlistProblem(
                    ShortlistProblem.Kind.NOT_FOUND,
                    "accountId",
                    "account " + accountId + " is not on shortlist " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ShortlistProblem.class)
    ResponseEntity<ProblemDetail> problem(ShortlistProblem e) {
        return ProblemJson.of(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemJson.of(
                HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": '" + e.getValue() + "' is not a valid number");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ProblemJson.of(HttpStatus.BAD_REQUEST, "body", "body: expected JSON like {\"name\": \"Spring launch\"}");
    }
}
