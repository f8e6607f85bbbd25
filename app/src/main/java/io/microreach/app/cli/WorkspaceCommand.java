package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.users.AuditLog;
import io.microreach.app.users.Role;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "workspace",
        mixinStandardHelpOptions = true,
        description = "Manage workspaces: each holds its own shortlists, notes, prices, plans and tokens.",
        subcommands = {WorkspaceCommand.Add.class, WorkspaceCommand.ListWorkspaces.class, WorkspaceCommand.Join.class})
class WorkspaceCommand {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a workspace.")
    static class Add implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                Workspace w = ctx.getBean(Workspaces.class).create(name, AuditLog.commandLine());
                spec.commandLine().getOut().println("Created workspace " + w.name());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "join",
            mixinStandardHelpOptions = true,
            description = "Give a user a role in a workspace (replaces the role they had there).")
    static class Join implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--role", defaultValue = "member", description = "owner, member or viewer (default member).")
        String role;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role r = Role.of(role);
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                Workspace w = ctx.getBean(Workspaces.class).require(name);
                ctx.getBean(Users.class).join(email, w, r, AuditLog.commandLine());
                spec.commandLine().getOut().println(email + " is " + r.id() + " of " + w.name());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List workspaces with their members.")
    static class ListWorkspaces implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                PrintWriter out = spec.commandLine().getOut();
                var all = ctx.getBean(Workspaces.class).list();
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode();
                    ArrayNode list = root.putArray("workspaces");
                    for (Workspace w : all) {
                        list.addObject()
                                .put("name", w.name())
                                .put("members", w.members())
                                .put("createdAt", w.createdAt().toString());
                    }
                    out.println(root);
                } else {
                    all.forEach(
                            w -> out.printf("%s  %d member%s%n", w.name(), w.members(), w.members() == 1 ? "" : "s"));
                }
            }
            return ExitCodes.OK;
        }
    }
}
