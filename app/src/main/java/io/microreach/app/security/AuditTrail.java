package io.microreach.app.security;

import io.microreach.app.users.AuditEvent;
import io.microreach.app.users.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The part of the audit log the caller may see: an owner the current workspace's events (members, invitations,
 * tokens, shortlists, prices); an administrator, on asking for all, every event, sign-ins and imports included.
 */
@Component
public class AuditTrail {
    static final int LIMIT = 10_000;

    private final CurrentWorkspace current;
    private final AuditLog audit;

    AuditTrail(CurrentWorkspace current, AuditLog audit) {
        this.current = current;
        this.audit = audit;
    }

    /**
     * @param since a date ({@code 2026-12-01}, UTC) or an instant; blank: the last 30 days
     * @param all every workspace's events and those of none (administrators only)
     */
    public List<AuditEvent> visible(String since, boolean all) {
        Caller caller = current.caller().orElseThrow();
        if (all && !caller.admin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only administrators see every workspace's events");
        }
        return audit.since(parse(since), all ? null : caller.workspaceId(), LIMIT);
    }

    static Instant parse(String since) {
        if (since == null || since.isBlank()) {
            return Instant.now().minus(Duration.ofDays(30));
        }
        try {
            return since.length() == 10
                    ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "since: '" + since + "' is not a date (2026-12-01) or an instant");
        }
    }
}
