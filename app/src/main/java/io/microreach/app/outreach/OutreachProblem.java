package io.microreach.app.outreach;

import io.microreach.app.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** An outreach request that cannot be done, naming the field at fault. */
public final class OutreachProblem extends FieldProblem {
    /** What kind of problem, which decides the HTTP status. */
    public enum Kind {
        /** A field has a bad value (400). */
        INVALID,
        /** No mail server is configured, so nothing can be sent (503). */
        NOT_CONFIGURED
    }

    private final Kind kind;

    public OutreachProblem(Kind kind, String field, String message) {
        super(field, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public HttpStatus status() {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_CONFIGURED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** Without a mail server there is no field to blame: the message alone. */
    @Override
    public String detail() {
        return kind == Kind.NOT_CONFIGURED ? getMessage() : super.detail();
    }

    static OutreachProblem invalid(String field, String message) {
        return new OutreachProblem(Kind.INVALID, field, message);
    }
}
