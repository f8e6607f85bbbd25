package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.users.AuditEvent;
import io.microreach.app.users.AuditLog;
import io.microreach.app.users.Workspaces;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Show the audit log: who changed what and when (oldest first).")
class AuditCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--since",
            defaultValue = "7d",
            description = "A date (2026-12-01), an instant (2026-12-01T10:00:00Z) or an age (24h, 7d); default 7d.")
    String since;

    @Option(names = "--workspace", description = "Only this workspace's events.")
    String workspace;

    @Option(names = "--limit", defaultValue = "10000", description = "At most this many events (default 10000).")
    int limit;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    static Instant parseSince(String value, Instant now) {
        String v = value.trim();
        try {
            if (v.matches("\\d+[hd]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return now.minus(v.endsWith("h") ? Duration.ofHours(n) : Duration.ofDays(n));
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--since '" + value + "': use a date (2026-12-01), an instant"
                    + " (2026-12-01T10:00:00Z) or an age (24h, 7d)");
        }
    }

    @Override
    public Integer call() {
        Instant from = parseSince(since, Instant.now());
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            Long workspaceId = workspace == null
                    ? null
                    : ctx.getBean(Workspaces.class).require(workspace).id();
            List<AuditEvent> events = ctx.getBean(AuditLog.class).since(from, workspaceId, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("since", from.toString());
                ArrayNode list = root.putArray("events");
                for (AuditEvent e : events) {
                    list.addObject()
                            .put("id", e.id())
                            .put("at", e.at().toString())
                            .put("actor", e.actor())
                            .put("workspace", e.workspace())
                            .put("action", e.action())
                            .put("target", e.target())
                            .put("details", e.details());
                }
                out.println(root);
            } else {
                for (AuditEvent e : events) {
                    out.printf(
                            "%s  %s  %s  %s%s%s%n",
                            e.at(),
                            e.actor(),
                            e.action(),
                            e.target() == null ? "" : e.target(),
                            e.workspace() == null ? "" : "  [" + e.workspace() + "]",
                            e.details() == null ? "" : "  " + e.details());
                }
            }
        }
        return ExitCodes.OK;
    }
}
