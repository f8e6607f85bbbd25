package io.microreach.generator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.generator.GeneratorConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made miniature data sets in the real sets' formats (no real rows), so every reader has a known answer. */
class RealismEvaluationTest {
    @TempDir
    Path root;

    @Test
    void comparesEveryDistributionWithKnownRealValues() throws IOException {
        writeFixture(root);
        RealismReport report = RealismEvaluation.evaluate(
                root,
                GeneratorConfig.of(60, 3)
                        .withPostsPerCreator(8)
                        .withFollowerSampleSize(40)
                        .withHistoryDays(10));
        Map<String, Comparison> byName = report.comparisons().stream()
                .filter(c -> !c.distribution().startsWith("followers."))
                .collect(Collectors.toMap(Comparison::distribution, Function.identity()));

        Comparison er = byName.get("er.instagram.200-1k");
        assertThat(er.realSize()).isEqualTo(1);
        assertThat(er.realMedian()).isCloseTo(0.1, within(1e-12));
        assertThat(er.role()).isEqualTo("fitted");
        assertThat(byName.get("er.instagram.1k-5k").realMedian()).isCloseTo(0.05, within(1e-12));
        assertThat(byName.get("comments.instagram.200-1k").realSize()).isEqualTo(5);
        assertThat(byName.get("er.instagram.post-likes-under-5k").realMedian()).isCloseTo(0.1, within(1e-12));
        assertThat(byName.get("er.instagram.top").realMedian()).isCloseTo(0.04, within(1e-12));
        assertThat(byName.get("er.tiktok.top").realMedian()).isCloseTo(0.11, within(1e-12));
        assertThat(byName.get("replies.delay-hours").realMedian()).isCloseTo(0.5, within(1e-9));
        Comparison shares = byName.get("replies.share");
        assertThat(shares.realSize()).isEqualTo(1);
        assertThat(shares.realMedian()).isCloseTo(10 / 12.0, within(1e-12));
        Comparison clustering = byName.get("graph.clustering");
        assertThat(clustering.realSize()).isEqualTo(10);
        assertThat(clustering.realMedian()).isEqualTo(1.0);
        assertThat(byName.get("graph.reciprocity").ks()).isNull();
        for (Comparison c : report.comparisons()) {
            if (c.ks() != null) {
                assertThat(c.ks().d()).as(c.distribution()).isBetween(0.0, 1.0);
                assertThat(c.ks().n() + c.ks().m()).isEqualTo(c.realSize() + c.generatedSize());
            } else {
                assertThat(c.note()).as(c.distribution()).isNotBlank();
            }
        }
        long profileRows = report.comparisons().stream()
                .filter(c -> c.distribution().startsWith("followers."))
                .count();
        assertThat(profileRows).isEqualTo(18);
        Comparison genuineFollowers = report.comparisons().stream()
                .filter(c -> c.distribution().equals("followers.genuine.followers"))
                .findFirst()
                .orElseThrow();
        assertThat(genuineFollowers.realSize()).isEqualTo(2);
        assertThat(genuineFollowers.realMedian()).isEqualTo(300.0);
        assertThat(genuineFollowers.generatedSize()).isGreaterThan(1000);
    }

    @Test
    void aMissingFolderNamesTheFilesItLacks() {
        assertThatThrownBy(() -> RealismEvaluation.evaluate(root.resolve("nowhere"), GeneratorConfig.of(1, 1)))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("instafake/nonautomatedAccountData.json")
                .hasMessageContaining("snap-ego-facebook/698.edges");
    }

    @Test
    void aBrokenFileIsReportedByItsSetBeforeAnythingIsGenerated() throws IOException {
        writeFixture(root);
        Files.writeString(root.resolve("instafake/nonautomatedAccountData.json"), "{not json");
        assertThatThrownBy(() -> RealismEvaluation.evaluate(root, GeneratorConfig.of(1_000_000, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instafake is not in the expected format");
    }

    @Test
    void abbreviatedCountsAreRead() {
        assertThat(RealDistributions.abbreviated("60.3M")).isEqualTo(60_300_000.0);
        assertThat(RealDistributions.abbreviated("30.8K")).isCloseTo(30_800.0, within(1e-6));
        assertThat(RealDistributions.abbreviated("158")).isEqualTo(158.0);
        assertThat(RealDistributions.abbreviated("")).isZero();
        assertThat(RealDistributions.abbreviated("n/a")).isZero();
    }

    static void writeFixture(Path root) throws IOException {
        Path instafake = Files.createDirectories(root.resolve("instafake"));
        Files.writeString(
                instafake.resolve("nonautomatedAccountData.json"),
                "[{\"userFollowerCount\":400,\"mediaLikeNumbers\":[40,38,40,42,40],"
                        + "\"mediaCommentNumbers\":[0,2,0,0,0]},"
                        + "{\"userFollowerCount\":2000,\"mediaLikeNumbers\":[100,100,100,100,100],"
                        + "\"mediaCommentNumbers\":[0,0,0,0,0]},"
                        + "{\"userFollowerCount\":500,\"mediaLikeNumbers\":[1,2],\"mediaCommentNumbers\":[0,0]}]");
        String profile = "{\"userFollowerCount\":%d,\"userFollowingCount\":%d,\"userMediaCount\":%d}";
        Files.writeString(
                instafake.resolve("fakeAccountData.json"),
                "[" + String.format(profile, 10, 2000, 0) + "," + String.format(profile, 20, 3000, 1) + "]");
        Files.writeString(
                instafake.resolve("realAccountData.json"),
                "[" + String.format(profile, 200, 300, 20) + "," + String.format(profile, 400, 500, 40) + "]");
        Path kaggle = Files.createDirectories(root.resolve("kaggle-instagram-fake-spammer"));
        Files.writeString(
                kaggle.resolve("test.csv"),
                "#posts,#followers,#follows,fake\n3,50,700,1\n30,500,400,0\n40,800,300,0\n");
        Path cresci = Files.createDirectories(root.resolve("cresci2015-twitter-fake-followers"));
        String header = "statuses_count,followers_count,friends_count\n";
        Files.writeString(cresci.resolve("users_E13_genuine.csv"), header + "900,100,200\n");
        Files.writeString(cresci.resolve("fusers_INT_fake.csv"), header + "10,5,400\n20,8,500\n");
        Path reach = Files.createDirectories(root.resolve("instagram-reach-posts"));
        Files.writeString(
                reach.resolve("instagram_reach.csv"),
                "row_index,S.No,USERNAME,Caption,Followers,Hashtags,Time since posted,Likes\n"
                        + "0,1,someone,Hello,1000,#a,2 hours,100\n");
        Path top = Files.createDirectories(root.resolve("top1000-influencers-2022"));
        Files.writeString(
                top.resolve("social_media_influencers-INSTAGRAM--DEC_2022.csv"),
                "Rank,name,instagram name,Category_1,Category_2,followers,followers,country,Eng. (Auth.),"
                        + "Eng. (Auth.),Eng. (Avg.),Eng. (Avg.)\n"
                        + "1,a,A,Music,,5M,5000000,X,100K,100000,200K,200000\n");
        Files.writeString(
                top.resolve("social_media_influencers-TIKTOK--DEC_2022.csv"),
                "Rank,Tiktoker name,Tiktok name,followers,views(avg),views(avg),likes(avg.),likes(avg.),"
                        + "comments(avg.),comments(avg.),shares(avg.),shares(avg.)\n"
                        + "1,b,B,10M,5M,5000000,1M,1000000,100K,100000,1K,1000\n");
        Files.writeString(
                top.resolve("social_media_influencers-YOUTUBE--DEC_2022.csv"),
                "s.no,Youtube channel,youtuber name,Category,Followers,Followers,Country,Views (Avg.),"
                        + "Views (Avg.),Likes (Avg.),Likes (Avg.),Comments (Avg.),Comments (Avg.),Category-2\n"
                        + "1,c,C,Music,20M,20000000,X,1M,1000000,0,0,0,0,\n");
        StringBuilder twcs = new StringBuilder(
                ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n");
        int row = 0;
        for (int i = 0; i < 12; i++) {
            int customer = 1000 + 2 * i;
            int reply = customer + 1;
            boolean answered = i < 10;
            twcs.append(row++)
                    .append(',')
                    .append(customer)
                    .append(",c")
                    .append(i)
                    .append(",True,Tue Oct 31 22:00:00 +0000 2017,@AcmeHelp my order,")
                    .append(answered ? String.valueOf(reply) : "")
                    .append(",\n");
            if (answered) {
                twcs.append(row++)
                        .append(',')
                        .append(reply)
                        .append(",AcmeHelp,False,Tue Oct 31 22:30:00 +0000 2017,@c")
                        .append(i)
                        .append(" sorry,,")
                        .append(customer)
                        .append(".0\n");
            }
        }
        Path support = Files.createDirectories(root.resolve("twcs-customer-support-twitter-sample"));
        Files.writeString(support.resolve("twcs_first5000.csv"), twcs);
        Path snap = Files.createDirectories(root.resolve("snap-ego-facebook"));
        for (int ego : RealDistributions.EGOS) {
            // Two triangles: every node with two ties has its neighbours tied, clustering 1.
            Files.writeString(snap.resolve(ego + ".edges"), "1 2\n2 1\n2 3\n3 2\n1 3\n3 1\n4 5\n5 6\n6 4\n");
        }
    }
}
