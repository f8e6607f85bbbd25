package io.microreach.app.cli;

import io.microreach.app.scoring.StoredForecastCalibration;
import io.microreach.forecast.CalibrationResult;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast calibration on the stored posts: for every account, hold out its newest posts, forecast their"
                    + " engagements from the earlier ones (the planner's P10/P50/P90) and count how often the held-out"
                    + " posts fall inside P10–P90 (goal: 80% ± 5%).",
            "Prints creators, heldOut, inside, below, above, coverage. Exit code: 0, 2 no account has enough posts."
        })
class EvalForecastCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--hold-out", defaultValue = "5", description = "Newest posts held out per account (default 5).")
    int holdOut;

    @Option(names = "--window", defaultValue = "30", description = "Earlier posts the forecast uses (default 30).")
    int window;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (holdOut < 1 || window < 2) {
            spec.commandLine().getErr().println("microreach eval forecast: --hold-out must be >= 1 and --window >= 2");
            return ExitCodes.UNUSABLE;
        }
        CalibrationResult total;
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            total = ctx.getBean(StoredForecastCalibration.class).check(holdOut, window);
        }
        int creators = total.creators();
        int heldOut = total.heldOut();
        int inside = total.inside();
        int below = total.below();
        int above = total.above();
        if (heldOut == 0) {
            spec.commandLine()
                    .getErr()
                    .println("microreach eval forecast: no account has enough posts to hold " + holdOut + " out");
            return ExitCodes.UNUSABLE;
        }
        if (json) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "{\"creators\":%d,\"heldOut\":%d,\"inside\":%d,\"below\":%d,\"above\":%d,\"coverage\":%.4f}%n",
                            creators,
                            heldOut,
                            inside,
                            below,
                            above,
                            total.coverage());
        } else {
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "creators %d, held-out posts %d: inside P10–P90 %d (%.1f%%), below %d, above %d%n",
                            creators,
                            heldOut,
                            inside,
                            100 * total.coverage(),
                            below,
                            above);
        }
        return ExitCodes.OK;
    }
}
