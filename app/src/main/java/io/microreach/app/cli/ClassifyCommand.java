package io.microreach.app.cli;

import io.microreach.app.niches.ClassificationReport;
import io.microreach.app.niches.NicheClassification;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Re-classify the niches of every stored account, with a progress bar. The supervised layer is retrained"
                    + " from the users' corrections first; corrections always win. Only accounts whose content changed"
                    + " are embedded again. The search index follows (no separate reindex needed).",
            "Exit code: 0."
        })
class ClassifyCommand extends BatchJobCommand<ClassificationReport> {
    @Override
    ClassificationReport run(ConfigurableApplicationContext ctx, ConsoleProgress bar) {
        return ctx.getBean(NicheClassification.class).reclassifyAll(bar::count);
    }

    @Override
    String summary(ClassificationReport r) {
        double seconds = ConsoleProgress.seconds(r.elapsed());
        return String.format(
                Locale.ROOT,
                "Classified %,d accounts in %.1f s (%,.0f accounts/s); %,d embedded, %,d unchanged; %,d unclear (no"
                        + " niche); classifier %s",
                r.accounts(),
                seconds,
                r.accounts() / seconds,
                r.embedded(),
                r.reused(),
                r.unclear(),
                r.classifier());
    }
}
