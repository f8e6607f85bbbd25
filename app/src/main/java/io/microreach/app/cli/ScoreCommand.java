package io.microreach.app.cli;

import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringReport;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Rescore every account: trust signals, peer percentiles and the trust score (see README, 'Trust score').",
            "Imports rescore the accounts they change; run this after changing weights or to refresh all percentiles."
        })
class ScoreCommand extends BatchJobCommand<ScoringReport> {
    @Override
    ScoringReport run(ConfigurableApplicationContext ctx, ConsoleProgress bar) {
        return ctx.getBean(Scorer.class)
                .scoreAll((done, total, phase) -> bar.update(total == 0 ? 1 : (double) done / total, done / 2));
    }

    @Override
    String summary(ScoringReport report) {
        return line(report);
    }

    static void print(CommandSpec spec, ScoringReport report) {
        spec.commandLine().getOut().println(line(report));
        spec.commandLine().getOut().flush();
    }

    private static String line(ScoringReport report) {
        double seconds = ConsoleProgress.seconds(report.elapsed());
        return String.format(
                Locale.ROOT,
                "Scored %,d accounts in %.1f s (%,.0f accounts/s); %,d with a trust score; peers from %,d accounts%s",
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
    }
}
