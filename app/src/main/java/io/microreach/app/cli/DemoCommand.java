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
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the web app and, on the first start (empty database), generate and import the demo data set"
                    + " (5,000 synthetic creators, seed 42).",
            "Later starts reuse the stored data. Demo accounts are marked as such; searches hide them once real data"
                    + " exists, and 'microreach demo remove' deletes them."
        },
        subcommands = DemoRemoveCommand.class)
class DemoCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ServeCommand.serve(spec, home.home, true, springArgs);
    }
}
