package io.microreach.app.cli;

import picocli.CommandLine.Command;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate the product against labelled or planted data.",
        subcommands = {
            EvalSuspiciousCommand.class,
            EvalPlantedCommand.class,
            EvalNichesCommand.class,
            EvalForecastCommand.class,
            EvalCohesionCommand.class,
            EvalRealismCommand.class,
            EvalSponsorshipCommand.class,
            EvalSearchCommand.class,
            EvalCampaignCommand.class
        })
class EvalCommand {}
