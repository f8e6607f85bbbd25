package io.microreach.app.cli;

import io.microreach.app.scoring.ScorecardReader;
import io.microreach.domain.Platform;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "scorecard",
        mixinStandardHelpOptions = true,
        description = {
            "Show one account's scorecard: trust score, tier, engagement, suspicious followers, replies,"
                    + " sponsorship, cohesion, anomalies and each component with its evidence.",
            "With --server URL (or $MICROREACH_SERVER) and an API token in $MICROREACH_TOKEN, reads the scorecard from"
                    + " that server (GET /api/accounts/{platform}/{handle}/scorecard) instead of the local database.",
            "Exit code: 0 shown, 2 unknown platform, unknown account or not scored yet (with --server also a refused"
                    + " token), 1 the server could not be reached or failed."
        })
class ScorecardCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    RemoteServer.Options remote;

    @Option(
            names = "--platform",
            required = true,
            paramLabel = "P",
            description = "instagram, tiktok, youtube, bluesky or twitter")
    String platform;

    @Option(
            names = "--handle",
            required = true,
            paramLabel = "H",
            description = "The account's handle (with or without @).")
    String handle;

    @Option(names = "--json", description = "Print the scorecard as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var p = Platform.fromId(platform);
        if (p.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("microreach scorecard: unknown platform '" + platform + "'; expected one of "
                            + Platform.allowedIds());
            return ExitCodes.UNUSABLE;
        }
        var err = spec.commandLine().getErr();
        RemoteServer server;
        try {
            server = remote.remote(err);
        } catch (IllegalArgumentException e) {
            err.println("microreach scorecard: " + e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        if (server != null) {
            try {
                String bare = handle.startsWith("@") ? handle.substring(1) : handle;
                JsonNode node =
                        server.get("/api/accounts/" + p.get().id() + "/" + RemoteServer.segment(bare) + "/scorecard");
                print(server.json(), node);
                return ExitCodes.OK;
            } catch (RemoteServer.Failure e) {
                return RemoteServer.report(err, "scorecard", e);
            }
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            var card = ctx.getBean(ScorecardReader.class).json(p.get(), handle);
            if (card.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("microreach scorecard: no scorecard for "
                                + p.get().id() + " @" + handle
                                + " (unknown account, or not scored yet: run 'microreach score')");
                return ExitCodes.UNUSABLE;
            }
            JsonMapper mapper = ctx.getBean(JsonMapper.class);
            print(mapper, mapper.readTree(card.get()));
            return ExitCodes.OK;
        }
    }

    private void print(JsonMapper mapper, JsonNode node) {
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else {
            out.println(ScorecardText.render(node));
        }
        out.flush();
    }
}
