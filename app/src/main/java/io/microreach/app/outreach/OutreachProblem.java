package io.microreach.app.outreach;

/** An outreach request that cannot be done, naming the field at fault. */
public final class OutreachProblem extends RuntimeException {
    /** What kind of problem, which decides the HTTP status. */
    public enum Kind {
        /** A field has a bad value (400). */
        INVALID,
        /** No mail server is configured, so nothing can be sent (503). */
        NOT_CONFIGURED
    }

    private final Kind kind;
    private final String field;

    public OutreachProblem(Kind kind, String field, String message) {
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

    static OutreachProblem invalid(String field, String message) {
        return new OutreachProblem(Kind.INVALID, field, message);
    }
}
