package io.microreach.app.shortlists;

import io.microreach.app.web.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * A shortlist request that cannot be done, naming the field or parameter at fault. The web page and the REST API
 * turn it into a friendly message or a problem JSON with the matching status.
 */
public final class ShortlistProblem extends FieldProblem {
    /** What kind of problem, which decides the HTTP status. */
    public enum Kind {
        /** The named shortlist or account does not exist (404). */
        NOT_FOUND,
        /** A field has a bad value (400). */
        INVALID,
        /** The request clashes with stored data, e.g. a duplicate name (409). */
        CONFLICT
    }

    private final Kind kind;

    public ShortlistProblem(Kind kind, String field, String message) {
        super(field, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public HttpStatus status() {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
