package io.microreach.app.shortlists;

/**
 * A shortlist request that cannot be done, naming the field or parameter at fault. The web page and the REST API
 * turn it into a friendly message or a problem JSON with the matching status.
 */
public final class ShortlistProblem extends RuntimeException {
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
    private final String field;

    public ShortlistProblem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
