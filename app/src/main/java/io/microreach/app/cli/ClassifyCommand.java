package io.microreach.app.cli;

import io.microreach.app.niches.ClassificationReport;
import io.microreach.app.niches.NicheClassification;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Re-classify the niches of every stored account, with a progress bar. The supervised layer is retrained"
                    + " from the users' corrections first; corrections always win. Only accounts whose content changed"
                    + " are embedded again.",
            "Exit code: 0."
        })
class ClassifyCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            ConsoleProgress bar = new ConsoleProgress(System.err, "classify", "accounts");
            ClassificationReport r = ctx.getBean(NicheClassification.class).classifyAll(bar::count);
            bar.done();
            double seconds = ConsoleProgress.seconds(r.elapsed());
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "Classified %,d accounts in %.1f s (%,.0f accounts/s); %,d embedded, %,d unchanged;"
                                    + " classifier %s%n",
                            r.accounts(),
                            seconds,
                            r.accounts() / seconds,
                            r.embedded(),
                            r.reused(),
                            r.classifier());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
