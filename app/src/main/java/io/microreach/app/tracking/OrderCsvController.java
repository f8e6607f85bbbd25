package io.microreach.app.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/orders.csv}: orders from a CSV file into the caller's workspace (a member, not a viewer). */
@RestController
class OrderCsvController {
    private final OrderCsvImport imports;

    OrderCsvController(OrderCsvImport imports) {
        this.imports = imports;
    }

    @Operation(
            summary = "Upload orders as CSV",
            description = "Columns order_id,created_at,total,currency[,promo_code,click_id,updated_at] (header"
                    + " required, other columns ignored), as the body (text/csv) or the multipart part 'file'."
                    + " Bad lines are named; good lines are stored exactly once per order_id.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the summary: stored, updated, unchanged, rejected"),
                @ApiResponse(responseCode = "400", description = "no header or a required column missing")
            })
    @PostMapping(value = "/api/orders.csv", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(@RequestBody(required = false) String body) {
        return run(() -> imports.importCurrent(new StringReader(body == null ? "" : body)));
    }

    @PostMapping(
            value = "/api/orders.csv",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> uploadFile(@RequestParam("file") MultipartFile file) throws IOException {
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return run(() -> imports.importCurrent(reader));
        }
    }

    private static ResponseEntity<?> run(java.util.function.Supplier<OrderImportSummary> work) {
        try {
            return ResponseEntity.ok(work.get());
        } catch (OrderProblem p) {
            ProblemDetail d = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, p.getMessage());
            d.setProperty("field", p.field());
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(d);
        }
    }
}
