package io.microreach.app.campaigns;

import io.microreach.app.web.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * A campaign request that cannot be done, naming the field at fault. Pages show it next to the field; the REST API
 * answers problem JSON with the matching status.
 */
public final class CampaignProblem extends FieldProblem {
    /** What kind of problem, which decides the HTTP status. */
    public enum Kind {
        /** The named campaign, creator, deliverable or account does not exist in the workspace (404). */
        NOT_FOUND,
        /** A field has a bad value (400). */
        INVALID,
        /** The request clashes with stored data: a duplicate name or promo code, a status move not allowed (409). */
        CONFLICT
    }

    private final Kind kind;

    public CampaignProblem(Kind kind, String field, String message) {
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

    static CampaignProblem invalid(String field, String message) {
        return new CampaignProblem(Kind.INVALID, field, message);
    }

    static CampaignProblem notFound(String field, String message) {
        return new CampaignProblem(Kind.NOT_FOUND, field, message);
    }

    static CampaignProblem conflict(String field, String message) {
        return new CampaignProblem(Kind.CONFLICT, field, message);
    }
}
