package io.microreach.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the web app (default command).",
            "The port comes from server.port / SERVER_PORT (default 8080); other Spring properties may follow as"
                    + " --name=value."
        })
class ServeCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return serve(spec, home.home, false, springArgs);
    }

    /**
     * Starts the web app. Extra arguments must be Spring properties ({@code --server.port=9090}); anything else is a
     * typo or an unknown command and must not start a server.
     */
    static int serve(CommandSpec spec, String home, boolean demo, List<String> springArgs) {
        for (String arg : springArgs) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                spec.commandLine()
                        .getErr()
                        .println("microreach: unknown command or option '" + arg
                                + "'; see 'microreach --help' (Spring properties are passed as --name=value)");
                return ExitCodes.UNUSABLE;
            }
        }
        SpringLauncher.web(home, demo, springArgs);
        return ExitCodes.KEEP_RUNNING;
    }
}
