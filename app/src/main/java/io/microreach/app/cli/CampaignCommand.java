package io.microreach.app.cli;

import picocli.CommandLine.Command;

/** {@code microreach campaign …}: run a campaign from a plan and measure it. */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = "Run campaigns: create one from a plan, track clicks, codes and orders, report results.",
        subcommands = {CampaignOrdersCommand.class, CampaignSecretCommand.class})
class CampaignCommand {}
