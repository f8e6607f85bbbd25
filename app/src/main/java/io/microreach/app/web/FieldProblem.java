package io.microreach.app.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be done, naming the field or parameter at fault, with the HTTP status it answers on the REST
 * API ({@link ProblemJson}). Each feature's problem (shortlists, campaigns, outreach) extends it with its own kinds;
 * pages show the message next to the field.
 */
public abstract class FieldProblem extends RuntimeException {
    private final String field;

    protected FieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The HTTP status of this problem on the REST API. */
    public abstract HttpStatus status();

    /** The problem JSON's {@code detail}: {@code "<field>: <message>"}. */
    public String detail() {
        return field + ": " + getMessage();
    }
}
