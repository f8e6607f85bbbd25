package io.microreach.app.cli;

import io.microreach.generator.GenerationSummary;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.generator.campaigns.CampaignGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic data set with planted truths (see docs/generator.md): DIR/data.jsonl (import it with"
                    + " 'import'), DIR/ground-truth.jsonl and DIR/manifest.json.",
            "Streams to disk: memory stays constant for any number of creators. Same seed, same bytes.",
            "With --campaigns N, also DIR/campaigns/: campaigns, tracking-link requests, order webhook bodies,"
                    + " campaign posts (import them with 'import') and their planted truth (see docs/campaigns.md).",
            "Exit code: 0 written, 2 bad arguments."
        })
class GenerateCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(
            names = "--creators",
            paramLabel = "N",
            defaultValue = "5000",
            description = "Number of creators (default ${DEFAULT-VALUE}).")
    int creators;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if missing).")
    Path out;

    @Option(
            names = "--posts-per-creator",
            paramLabel = "N",
            description = "Mean posts per account (default " + GeneratorConfig.DEFAULT_POSTS_PER_CREATOR + ").")
    Integer postsPerCreator;

    @Option(
            names = "--follower-sample",
            paramLabel = "N",
            description =
                    "Sampled followers per account (default " + GeneratorConfig.DEFAULT_FOLLOWER_SAMPLE_SIZE + ").")
    Integer followerSample;

    @Option(
            names = "--commented-posts",
            paramLabel = "N",
            description = "Most recent posts per account that get comment records (default "
                    + GeneratorConfig.DEFAULT_COMMENTED_POSTS + ").")
    Integer commentedPosts;

    @Option(
            names = "--campaigns",
            paramLabel = "N",
            defaultValue = "0",
            description = "Also write N generated campaigns with planted truth to DIR/campaigns/ (default 0: none).")
    int campaigns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GeneratorConfig config;
        try {
            config = GeneratorConfig.of(creators, seed);
            if (postsPerCreator != null) {
                config = config.withPostsPerCreator(postsPerCreator);
            }
            if (followerSample != null) {
                config = config.withFollowerSampleSize(followerSample);
            }
            if (commentedPosts != null) {
                config = config.withCommentedPosts(commentedPosts);
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("microreach generate: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        CampaignGenerator campaignGenerator = null;
        if (campaigns != 0) {
            try {
                campaignGenerator = new CampaignGenerator(seed, campaigns, config.now());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("microreach generate: --campaigns: " + e.getMessage());
                return ExitCodes.UNUSABLE;
            }
        }
        ConsoleProgress bar = new ConsoleProgress(System.err, "generate", "creators");
        long started = System.nanoTime();
        GenerationSummary summary = new SyntheticDataGenerator(config).generate(out, bar::count);
        bar.done();
        double seconds = (System.nanoTime() - started) / 1e9;
        var o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "Wrote %,d lines for %,d creators in %.1f s to %s%n",
                summary.totalLines(),
                summary.creators(),
                seconds,
                summary.dataFile());
        o.printf(
                Locale.ROOT,
                "  accounts %,d  posts %,d  comments %,d  follower samples %,d  follow edges %,d  follower history %,d%n",
                summary.accounts(),
                summary.posts(),
                summary.comments(),
                summary.followerSamples(),
                summary.followEdges(),
                summary.followerCounts());
        o.println("  ground truth: " + summary.groundTruthFile());
        if (campaignGenerator != null) {
            CampaignGenerator.Summary c;
            try {
                c = campaignGenerator.generate(out);
            } catch (IOException e) {
                spec.commandLine().getErr().println("microreach generate: --campaigns: " + e.getMessage());
                return ExitCodes.UNUSABLE;
            }
            o.printf(
                    Locale.ROOT,
                    "Wrote %,d campaigns (%,d creators, %,d leaked codes): %,d tracking-link requests, %,d order"
                            + " deliveries of %,d orders, %,d partner posts to %s%n",
                    c.campaigns(),
                    c.creators(),
                    c.leakedCodes(),
                    c.clickRequests(),
                    c.orderDeliveries(),
                    c.distinctOrders(),
                    c.posts(),
                    c.folder());
        }
        return ExitCodes.OK;
    }
}
