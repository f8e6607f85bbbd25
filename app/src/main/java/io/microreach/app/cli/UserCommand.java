package io.microreach.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.users.AuditLog;
import io.microreach.app.users.Membership;
import io.microreach.app.users.Role;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage who can sign in: add, list, disable or enable users, set a password.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class,
            UserCommand.Password.class
        })
class UserCommand {
    static ObjectNode json(ObjectMapper mapper, User u) {
        ObjectNode n = mapper.createObjectNode();
        n.put("email", u.email());
        n.put("admin", u.admin());
        n.put("disabled", u.disabled());
        n.put("createdAt", u.createdAt().toString());
        ArrayNode ms = n.putArray("workspaces");
        for (Membership m : u.memberships()) {
            ms.addObject().put("workspace", m.workspace()).put("role", m.role().id());
        }
        return n;
    }

    static String memberships(User u) {
        return u.memberships().isEmpty()
                ? "no workspace"
                : u.memberships().stream()
                        .map(m -> m.workspace() + " (" + m.role().id() + ")")
                        .collect(Collectors.joining(", "));
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a user. The password is read from the terminal, or from the first line of standard input.",
                "With --workspace the user joins it (created if needed) with --role (default member)."
            })
    static class Add implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--email", required = true, description = "The user's e-mail address (the sign-in name).")
        String email;

        @Option(names = "--workspace", description = "A workspace to join; created when it does not exist.")
        String workspace;

        @Option(names = "--role", defaultValue = "member", description = "owner, member or viewer (default member).")
        String role;

        @Option(names = "--admin", description = "Installation administrator (manages users and workspaces).")
        boolean admin;

        @Option(names = "--json", description = "Print the user as one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Role r = Role.of(role);
            String address = Users.normalisedEmail(email);
            char[] password = PasswordInput.read("Password for " + address);
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                Users users = ctx.getBean(Users.class);
                String actor = AuditLog.commandLine();
                users.add(address, password, admin, actor);
                if (workspace != null) {
                    Workspace w = ctx.getBean(Workspaces.class).findOrCreate(workspace, actor);
                    users.join(address, w, r, actor);
                }
                User u = users.find(address).orElseThrow();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(json(new ObjectMapper(), u));
                } else {
                    out.println("Added " + u.email() + (u.admin() ? " (admin)" : "") + ": " + memberships(u));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with their workspaces.")
    static class ListUsers implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                List<User> users = ctx.getBean(Users.class).list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode();
                    ArrayNode list = root.putArray("users");
                    users.forEach(u -> list.add(json(mapper, u)));
                    out.println(root);
                } else if (users.isEmpty()) {
                    out.println("No users yet: add one with 'microreach user add --email E --admin'");
                } else {
                    for (User u : users) {
                        out.printf(
                                "%s%s%s  %s%n",
                                u.email(),
                                u.admin() ? " (admin)" : "",
                                u.disabled() ? " (disabled)" : "",
                                memberships(u));
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    /** Disabling and enabling differ only in the flag they set. */
    abstract static class DisabledFlag implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--email", required = true)
        String email;

        @Spec
        CommandSpec spec;

        abstract boolean disabled();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                User u = ctx.getBean(Users.class).setDisabled(email, disabled(), AuditLog.commandLine());
                spec.commandLine().getOut().println((disabled() ? "Disabled " : "Enabled ") + u.email());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable a user: no more sign-ins, and their API tokens stop working.")
    static class Disable extends DisabledFlag {
        @Override
        boolean disabled() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static class Enable extends DisabledFlag {
        @Override
        boolean disabled() {
            return false;
        }
    }

    @Command(
            name = "password",
            mixinStandardHelpOptions = true,
            description = "Set a user's password (an administrator's reset); read like 'user add' reads it.")
    static class Password implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--email", required = true)
        String email;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            char[] password = PasswordInput.read("New password for " + email);
            try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
                ctx.getBean(Users.class).setPassword(email, password, AuditLog.commandLine());
                spec.commandLine()
                        .getOut()
                        .println("Password set for " + email.trim().toLowerCase(java.util.Locale.ROOT));
            }
            return ExitCodes.OK;
        }
    }
}
