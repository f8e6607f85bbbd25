package io.microreach.app.cli;

import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringReport;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Rescore every account: trust signals, peer percentiles and the trust score (see README, 'Trust score').",
            "Imports rescore the accounts they change; run this after changing weights or to refresh all percentiles."
        })
class ScoreCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            ConsoleProgress bar = new ConsoleProgress(System.err, "score", "accounts");
            ScoringReport report = ctx.getBean(Scorer.class)
                    .scoreAll((done, total, phase) -> bar.update(total == 0 ? 1 : (double) done / total, done / 2));
            bar.done();
            print(spec, report);
            return ExitCodes.OK;
        }
    }

    static void print(CommandSpec spec, ScoringReport report) {
        double seconds = ConsoleProgress.seconds(report.elapsed());
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Scored %,d accounts in %.1f s (%,.0f accounts/s); %,d with a trust score; peers from %,d"
                                + " accounts%s%n",
                        report.accounts(),
                        seconds,
                        report.accounts() / seconds,
                        report.withTrustScore(),
                        report.poolSize(),
                        report.refreshed() == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; percentiles and trust scores of %,d other accounts refreshed",
                                        report.refreshed()));
        spec.commandLine().getOut().flush();
    }
}
