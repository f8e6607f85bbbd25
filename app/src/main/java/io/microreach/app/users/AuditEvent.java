package io.microreach.app.users;

import java.time.Instant;

/** One line of the audit log: who did what to what, and when. */
public record AuditEvent(
        long id, Instant at, String actor, String workspace, String action, String target, String details) {}
