package io.microreach.campaigns.evaluation;

import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.generator.campaigns.CampaignGenerator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: the tuning and held-out runs of docs/campaigns.md. Run with {@code java -cp ...
 * io.microreach.campaigns.evaluation.CampaignTuning FIRST LAST CAMPAIGNS CREATORS}.
 */
final class CampaignTuning {
    private CampaignTuning() {}

    public static void main(String[] args) throws Exception {
        long first = Long.parseLong(args[0]);
        long last = Long.parseLong(args[1]);
        int campaigns = Integer.parseInt(args[2]);
        int creators = Integer.parseInt(args[3]);
        Path base = Files.createTempDirectory("campaign-tuning");
        for (long seed = first; seed <= last; seed++) {
            Path dir = base.resolve("s" + seed);
            new SyntheticDataGenerator(GeneratorConfig.of(creators, seed)
                            .withPostsPerCreator(2)
                            .withFollowerSampleSize(0)
                            .withCommentedPosts(0))
                    .generate(dir, (d, t) -> {});
            new CampaignGenerator(seed, campaigns).generate(dir);
            long s = seed;
            System.out.println(seed + " "
                    + CampaignEvaluation.run(
                            io.microreach.generator.campaigns.CampaignDataSet.read(dir),
                            (t, v) -> System.err.println("ROW," + s + "," + t.leaked() + "," + v.codeOrders() + ","
                                    + v.codeOnlyOrders() + "," + v.codeOnlyShare() + "," + v.burstOrders24h() + ","
                                    + v.clicksInBurst() + "," + v.burstRatio() + "," + v.beyondReach() + ","
                                    + v.leak())));
        }
    }
}
