package io.microreach.app.cli;

import io.microreach.app.planner.OverlapResponse;
import io.microreach.app.planner.PlanService;
import io.microreach.planner.PlanningException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "overlap",
        mixinStandardHelpOptions = true,
        description = {
            "Audience overlap matrix of accounts on one platform: share of A's audience also in B's, with bounds.",
            "Exit code: 0 shown, 2 unknown platform or account, or no audience sketch yet."
        })
class OverlapCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--platform", required = true, paramLabel = "P", description = "instagram, tiktok, youtube, …")
    String platform;

    @Option(
            names = "--handles",
            required = true,
            split = ",",
            paramLabel = "A,B,C",
            description = "Comma-separated handles.")
    List<String> handles;

    @Option(names = "--json", description = "Print the matrix as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            OverlapResponse r = ctx.getBean(PlanService.class).overlap(platform, handles);
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(ctx.getBean(JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(r));
            } else {
                out.println("share of row's audience also in column's (estimate [lower, upper])");
                for (String a : r.handles()) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", "@" + a));
                    for (String b : r.handles()) {
                        if (a.equals(b)) {
                            line.append(String.format(Locale.ROOT, "  %-22s", "—"));
                            continue;
                        }
                        OverlapResponse.Pair p = r.pairs().stream()
                                .filter(x -> x.a().equals(a) && x.b().equals(b))
                                .findFirst()
                                .orElseThrow();
                        if (p.shareOfAInB() == null) {
                            line.append(String.format(Locale.ROOT, "  %-22s", "? (no audience data)"));
                            continue;
                        }
                        line.append(String.format(
                                Locale.ROOT,
                                "  %5.1f%% [%4.1f, %5.1f]",
                                100 * p.shareOfAInB().estimate(),
                                100 * p.shareOfAInB().lower(),
                                100 * p.shareOfAInB().upper()));
                    }
                    out.println(line);
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (PlanningException e) {
            spec.commandLine().getErr().println("microreach overlap: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }
}
