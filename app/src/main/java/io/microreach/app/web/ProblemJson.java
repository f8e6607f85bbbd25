package io.microreach.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The REST API's answer to a request that cannot be done: RFC 9457 problem JSON naming the parameter at fault. */
public final class ProblemJson {
    private ProblemJson() {}

    /** A problem with {@code parameter} (the field or path variable at fault) as an extra member. */
    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String parameter, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("parameter", parameter);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** The problem JSON of a {@link FieldProblem}. */
    public static ResponseEntity<ProblemDetail> of(FieldProblem problem) {
        return of(problem.status(), problem.field(), problem.detail());
    }
}
