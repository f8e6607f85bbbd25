package io.microreach.app.security;

import io.microreach.app.users.AuditLog;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The workspace whose private rows (shortlists, notes, prices) a piece of code reads and writes: the caller's current
 * workspace in a web request, and on the command line and in background jobs the workspace named by {@code
 * microreach.cli.workspace} (default {@code default}, which migration V1 creates). A web request without a workspace
 * never falls back to it: that would show one team's rows to a caller of another.
 */
@Component
public class CurrentWorkspace {
    private final JdbcTemplate jdbc;
    private final String commandLineWorkspace;
    private volatile Long commandLineId;

    public CurrentWorkspace(
            JdbcTemplate jdbc, @Value("${microreach.cli.workspace:default}") String commandLineWorkspace) {
        this.jdbc = jdbc;
        this.commandLineWorkspace = commandLineWorkspace;
    }

    /** The caller of the current web request, if one signed in or presented a token. */
    public Optional<Caller> caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c ? Optional.of(c) : Optional.empty();
    }

    /** The id of the workspace to scope private rows by. */
    public long id() {
        Optional<Caller> caller = caller();
        if (caller.isPresent() && caller.get().workspaceId() != null) {
            return caller.get().workspaceId();
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            throw new IllegalStateException("this request has no workspace: sign in and choose one");
        }
        Long id = commandLineId;
        if (id == null) {
            id = jdbc.queryForList("SELECT id FROM workspace WHERE name = ?", Long.class, commandLineWorkspace).stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no workspace '" + commandLineWorkspace
                            + "' (microreach.cli.workspace; see 'microreach workspace list')"));
            commandLineId = id;
        }
        return id;
    }

    /** Who to name in the audit log for a change made now. */
    public String actor() {
        return caller().map(Caller::email)
                .orElseGet(() ->
                        RequestContextHolder.getRequestAttributes() != null ? "anonymous" : AuditLog.commandLine());
    }
}
