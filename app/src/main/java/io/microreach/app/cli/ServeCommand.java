package io.microreach.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Override
    public Integer call() {
        return serve(home.home, false, springArgs);
    }

    static int serve(String home, boolean demo, List<String> springArgs) {
        SpringLauncher.web(home, demo, springArgs);
        return ExitCodes.KEEP_RUNNING;
    }
}
