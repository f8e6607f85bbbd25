package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.users.ApiToken;
import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.AuditLog;
import io.microreach.app.users.IssuedToken;
import io.microreach.app.users.TokenScope;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "API tokens for the REST API: created per user and workspace, shown once, stored hashed.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
class TokenCommand {
    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a token for a member of a workspace and print it (this is the only time it is shown).",
                "Use it as 'Authorization: Bearer TOKEN'."
            })
    static class Create implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--workspace", required = true)
        String workspace;

        @Option(names = "--scope", defaultValue = "read", description = "read or write (default read).")
        String scope;

        @Option(names = "--name", description = "What the token is for, shown in lists.")
        String name;

        @Option(names = "--json", description = "Print one JSON object with the token.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TokenScope s = TokenScope.of(scope);
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                IssuedToken t = ctx.getBean(ApiTokens.class).create(email, workspace, s, name, AuditLog.commandLine());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode n = new ObjectMapper().createObjectNode();
                    n.put("id", t.id());
                    n.put("token", t.token());
                    n.put("scope", t.scope().id());
                    n.put("workspace", t.workspace());
                    n.put("email", t.email());
                    out.println(n);
                } else {
                    out.println(t.token());
                    spec.commandLine()
                            .getErr()
                            .println("Token " + t.id() + " (" + t.scope().id() + ") for " + t.email() + " in "
                                    + t.workspace() + "; it is not shown again.");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never the tokens themselves).")
    static class ListTokens implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--email", description = "Only this user's tokens.")
        String email;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                PrintWriter out = spec.commandLine().getOut();
                var tokens = ctx.getBean(ApiTokens.class).list(email);
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode();
                    ArrayNode list = root.putArray("tokens");
                    for (ApiToken t : tokens) {
                        list.addObject()
                                .put("id", t.id())
                                .put("email", t.email())
                                .put("workspace", t.workspace())
                                .put("name", t.name())
                                .put("prefix", t.prefix())
                                .put("scope", t.scope().id())
                                .put("createdAt", time(t.createdAt()))
                                .put("lastUsedAt", time(t.lastUsedAt()))
                                .put("revokedAt", time(t.revokedAt()));
                    }
                    out.println(root);
                } else {
                    for (ApiToken t : tokens) {
                        out.printf(
                                "%d  %s…  %s  %s in %s%s  last used %s%n",
                                t.id(),
                                t.prefix(),
                                t.scope().id(),
                                t.email(),
                                t.workspace(),
                                t.revokedAt() == null ? "" : "  REVOKED " + t.revokedAt(),
                                t.lastUsedAt() == null
                                        ? "never"
                                        : t.lastUsedAt().toString());
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static class Revoke implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                if (!ctx.getBean(ApiTokens.class).revoke(id, AuditLog.commandLine())) {
                    spec.commandLine()
                            .getErr()
                            .println("microreach: no live token " + id + " (see 'microreach token list')");
                    return ExitCodes.FAILURE;
                }
                spec.commandLine().getOut().println("Revoked token " + id);
            }
            return ExitCodes.OK;
        }
    }
}
