package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The command-line contract: subcommands, output and exit codes that scripts rely on. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineTest {
    private static final Path HOME = TestHomes.newHome("cli");
    private static final String ACCOUNT =
            "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"a\",\"followers\":10}";

    private static CliRun.Result run(String... args) {
        return CliRun.run(HOME, args);
    }

    @Test
    @Order(1)
    void importOfAGoodFileExitsZeroAndPrintsASummary() throws Exception {
        Path file = Files.writeString(HOME.resolve("good.jsonl"), ACCOUNT + "\n");
        CliRun.Result r = run("import", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("account").containsPattern("account\\s+1\\s+0\\s+0");
    }

    @Test
    @Order(2)
    void importWithRejectedLinesExitsThreeAndStoresTheGoodOnes() throws Exception {
        Path file = Files.writeString(
                HOME.resolve("mixed.jsonl"),
                ACCOUNT.replace("\"1\"", "\"2\"") + "\n{\"type\":\"account\",\"platform\":\"instagram\"}\n");
        CliRun.Result r = run("import", file.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("Rejected 1 lines").contains("mixed.jsonl:2: field 'id': is required");
    }

    @Test
    @Order(3)
    void statusJsonPrintsOneObjectWithTheCounts() throws Exception {
        CliRun.Result r = run("status", "--json");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("accounts").asLong()).isEqualTo(2);
        assertThat(json.get("posts").asLong()).isZero();
        assertThat(json.has("comments")).isTrue();
        assertThat(json.has("followerSamples")).isTrue();
        assertThat(json.has("followEdges")).isTrue();
        assertThat(json.get("home").asText()).isEqualTo(HOME.toString());
    }

    @Test
    @Order(4)
    void unusableInputExitsTwoWithOneLineAndImportsNothing() throws Exception {
        Path empty = Files.createFile(HOME.resolve("empty.jsonl"));
        Path binary = Files.write(HOME.resolve("photo.jsonl"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
        Path good = Files.writeString(HOME.resolve("other.jsonl"), ACCOUNT.replace("\"1\"", "\"3\"") + "\n");

        for (Path bad : new Path[] {HOME.resolve("missing.jsonl"), empty, binary}) {
            CliRun.Result r = run("import", good.toString(), bad.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains(bad.getFileName().toString());
        }
        assertThat(new ObjectMapper()
                        .readTree(run("status", "--json").out())
                        .get("accounts")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    @Order(4)
    void searchAndReindexFollowTheContract() throws Exception {
        CliRun.Result reindex = run("reindex");
        assertThat(reindex.code()).as(reindex.err()).isZero();
        assertThat(reindex.out()).contains("Indexed 2 accounts");

        CliRun.Result json = run("search", "--filter", "platform=instagram", "--filter", "followers_min=5", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(json.out());
        assertThat(result.get("total").asLong()).isEqualTo(2);
        assertThat(result.get("hits").get(0).has("explanation")).isTrue();
        assertThat(result.get("facets").get("platform").get(0).get("count").asLong())
                .isEqualTo(2);

        CliRun.Result text = run("search", "--filter", "followers_max=5");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("0 matching accounts");

        CliRun.Result contradiction = run("search", "--filter", "followers_min=100", "--filter", "followers_max=10");
        assertThat(contradiction.code()).isZero();
        assertThat(contradiction.out()).contains("No account can match: followers_min 100 > followers_max 10");

        CliRun.Result bad = run("search", "--filter", "followers_min=lots");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("followers_min").contains("not a whole number");
        CliRun.Result unknown = run("search", "--filter", "colour=red");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("colour").contains("unknown filter");
        CliRun.Result limit = run("search", "--limit", "0");
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains("limit");
    }

    @Test
    @Order(5)
    void generateWritesDataAndGroundTruthAndRejectsBadArguments() throws Exception {
        Path out = HOME.resolve("generated");
        CliRun.Result r = run("generate", "--creators", "12", "--seed", "7", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("data.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("ground-truth.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("manifest.json")).isNotEmptyFile();
        assertThat(r.out()).contains("for 12 creators");

        CliRun.Result bad = run("generate", "--creators", "0", "--out", out.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("creators");
    }

    /** {@code --home} may come before the command's name too; nothing else may, and it must not be dropped. */
    @Test
    @Order(3)
    void homeBeforeTheCommandIsTheCommandsHomeAndOtherOptionsThereAreRefused() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MicroreachCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), "--home", HOME.toString(), "status", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("home").asText()).isEqualTo(HOME.toString());
        assertThat(json.get("accounts").asLong()).isEqualTo(2);

        CliRun.Result typo = CliRun.run(HOME, "--bogus", "status");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err())
                .contains("unknown option '--bogus' before the command 'status'; options go after it:"
                        + " microreach status --help");
        assertThat(typo.out()).isEmpty();

        Path other = HOME.resolveSibling(HOME.getFileName() + "-other");
        CliRun.Result twoHomes = CliRun.run(HOME, "--home", other.toString(), "status");
        assertThat(twoHomes.code()).isEqualTo(2);
        assertThat(twoHomes.err()).contains("two homes given, " + other + " before the command and " + HOME);
        assertThat(other).doesNotExist();
    }

    @Test
    @Order(6)
    void badArgumentsExitTwoAndHelpExitsZero() {
        assertThat(run("import").code()).isEqualTo(2);
        assertThat(run("no-such-command").code()).isEqualTo(2);
        CliRun.Result help = run("import", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Exit code");
    }

    @Test
    @Order(7)
    void scoreScorecardAndEvalPlantedWorkOnGeneratedData() throws Exception {
        Path generated = HOME.resolve("generated");
        assertThat(run("import", generated.resolve("data.jsonl").toString()).code())
                .isZero();
        CliRun.Result score = run("score");
        assertThat(score.code()).as(score.err()).isZero();
        assertThat(score.out()).contains("Scored");

        JsonNode truth = new ObjectMapper()
                .readTree(Files.readAllLines(generated.resolve("ground-truth.jsonl"))
                        .get(0));
        CliRun.Result card = run(
                "scorecard",
                "--platform",
                truth.get("platform").asText(),
                "--handle",
                truth.get("handle").asText(),
                "--json");
        assertThat(card.code()).as(card.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(card.out());
        assertThat(json.get("handle").asText()).isEqualTo(truth.get("handle").asText());
        assertThat(json.has("trustScore")).isTrue();
        assertThat(run("scorecard", "--platform", "tiktok", "--handle", "nobody.here")
                        .code())
                .isEqualTo(2);
        assertThat(run("scorecard", "--platform", "myspace", "--handle", "x").code())
                .isEqualTo(2);

        CliRun.Result eval = run("eval", "planted", "--data", generated.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(eval.out());
        for (String key : new String[] {
            "suspiciousShareMae",
            "intervalCoverage",
            "replyRateMae",
            "sponsoredShareMae",
            "cohesionAuc",
            "spikeRecall",
            "spikeFalseAlarmRate",
            "podRecall",
            "podFalseAlarmRate"
        }) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
        assertThat(metrics.get("accounts").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(run("eval", "planted", "--data", HOME.resolve("nowhere").toString())
                        .code())
                .isEqualTo(2);
    }

    @Test
    @Order(8)
    void evalSuspiciousReportsClassifierMetricsOnALabelledCsv() throws Exception {
        Path labels = Files.writeString(
                HOME.resolve("labels.csv"),
                "label,username,posts,followers,following,has_profile_picture\n"
                        + "1,user84629173,0,3,2400,0\n"
                        + "1,xx9912833,0,12,7100,0\n"
                        + "0,lena.makes,312,1840,620,1\n"
                        + "0,tom_runs,95,420,380,1\n");
        CliRun.Result r = run("eval", "suspicious", "--labels", labels.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("n").asInt()).isEqualTo(4);
        assertThat(json.has("accuracy")).isTrue();
        assertThat(json.has("rocAuc")).isTrue();
        assertThat(json.has("falsePositiveRate")).isTrue();

        Path model = HOME.resolve("model.json");
        StringBuilder many = new StringBuilder("label,posts,followers,following,has_profile_picture\n");
        for (int i = 0; i < 60; i++) {
            many.append("1,0,").append(i % 20).append(',').append(2000 + i * 37).append(",0\n");
            many.append("0,")
                    .append(40 + i * 3)
                    .append(',')
                    .append(300 + i * 11)
                    .append(',')
                    .append(250 + i)
                    .append(",1\n");
        }
        Path trainingSet = Files.writeString(HOME.resolve("training.csv"), many.toString());
        CliRun.Result trained = run("train-suspicious", "--labels", trainingSet.toString(), "--out", model.toString());
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(model).isNotEmptyFile();
        CliRun.Result withModel =
                run("eval", "suspicious", "--labels", trainingSet.toString(), "--model", model.toString(), "--json");
        assertThat(new ObjectMapper().readTree(withModel.out()).get("accuracy").asDouble())
                .isGreaterThan(0.9);

        Path bad = Files.writeString(HOME.resolve("bad-labels.csv"), "username,posts\nx,1\n");
        CliRun.Result badResult = run("eval", "suspicious", "--labels", bad.toString());
        assertThat(badResult.code()).isEqualTo(2);
        assertThat(badResult.err()).contains("label");
    }

    /**
     * The held-out public sets, in their own formats (a few made-up rows per set, written here: the real files are
     * not part of the repository): Kaggle's test file, InstaFake (whose held-out quarter is drawn per class) and
     * Cresci 2015. Extreme profiles, so that the shipped model must get every Kaggle row right.
     */
    @Test
    @Order(9)
    void evalSuspiciousScoresTheHeldOutPublicSets() throws Exception {
        Path data = HOME.resolve("public-data");
        Files.createDirectories(data.resolve("kaggle-instagram-fake-spammer"));
        Files.writeString(
                data.resolve("kaggle-instagram-fake-spammer/test.csv"),
                "profile pic,nums/length username,fullname words,nums/length fullname,name==username,"
                        + "description length,external URL,private,#posts,#followers,#follows,fake\n"
                        + "0,0.6,0,0,0,0,0,0,0,2,3200,1\n"
                        + "0,0.5,0,0,0,0,0,0,0,5,4100,1\n"
                        + "1,0,2,0,0,120,1,0,420,2300,300,0\n"
                        + "1,0,2,0,0,80,1,1,250,1400,410,0\n");
        Files.createDirectories(data.resolve("instafake"));
        StringBuilder fake = new StringBuilder("[");
        StringBuilder real = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i < 4) {
                fake.append(i == 0 ? "" : ",")
                        .append("{\"userMediaCount\":0,\"userFollowerCount\":3,\"userFollowingCount\":2900,"
                                + "\"userHasProfilPic\":0,\"userIsPrivate\":0,\"usernameLength\":12,"
                                + "\"usernameDigitCount\":7,\"userBiographyLength\":0,\"isFake\":1}");
            }
            real.append(i == 0 ? "" : ",")
                    .append("{\"userMediaCount\":300,\"userFollowerCount\":1500,\"userFollowingCount\":400,"
                            + "\"userHasProfilPic\":1,\"userIsPrivate\":1,\"usernameLength\":9,"
                            + "\"usernameDigitCount\":0,\"userBiographyLength\":90,\"isFake\":0}");
        }
        Files.writeString(data.resolve("instafake/fakeAccountData.json"), fake.append("]"));
        Files.writeString(data.resolve("instafake/realAccountData.json"), real.append("]"));
        Path cresci = Files.createDirectories(data.resolve("cresci2015-twitter-fake-followers"));
        String header = "screen_name,name,statuses_count,followers_count,friends_count,default_profile_image,protected,"
                + "url,description\n";
        Files.writeString(
                cresci.resolve("fusers_INT_fake.csv"),
                header + "bot8812731,x,0,1,2000,1,0,,\nbot1283777,,0,0,1500,1,0,,\n");
        Files.writeString(
                cresci.resolve("users_E13_genuine.csv"),
                header + "anna_k,Anna K,5000,800,300,0,0,http://a.example,Runner and baker\n");

        CliRun.Result r = run("eval", "suspicious", "--public-data", data.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sets = new ObjectMapper().readTree(r.out()).get("sets");
        assertThat(sets).hasSize(3);
        assertThat(sets.get(0).get("set").asText()).isEqualTo("Kaggle test.csv");
        assertThat(sets.get(0).get("n").asInt()).isEqualTo(4);
        assertThat(sets.get(0).get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(sets.get(1).get("set").asText()).isEqualTo("InstaFake held-out 25%");
        assertThat(sets.get(1).get("n").asInt())
                .as("a quarter of each class: 1 of 4 fake, 2 of 8 real")
                .isEqualTo(3);
        assertThat(sets.get(2).get("n").asInt()).isEqualTo(3);
        assertThat(sets.get(2).has("falsePositiveRate")).isTrue();

        CliRun.Result text = run("eval", "suspicious", "--public-data", data.toString());
        assertThat(text.out()).contains("Cresci 2015 Twitter (cross-platform)").contains("threshold 0.");

        CliRun.Result missing = run(
                "eval", "suspicious", "--public-data", HOME.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("lacks kaggle-instagram-fake-spammer/test.csv");
        Files.writeString(data.resolve("instafake/realAccountData.json"), "{not json");
        CliRun.Result broken = run("eval", "suspicious", "--public-data", data.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("instafake is not in the expected format");
        CliRun.Result both = run("eval", "suspicious", "--public-data", data.toString(), "--labels", "x.csv");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --labels FILE.csv and --public-data DIR");
        assertThat(run("eval", "suspicious").code()).isEqualTo(2);
    }

    /**
     * Leave-one-source-out on made-up rows in the three sources' formats (the real files are not part of the
     * repository): each source is held out once, trained on the other two, with its all-genuine baseline beside it.
     */
    @Test
    @Order(10)
    void evalSuspiciousLeaveOneSourceOutHoldsOutEachSource() throws Exception {
        Path data = HOME.resolve("public-data-loso");
        Path kaggle = Files.createDirectories(data.resolve("kaggle-instagram-fake-spammer"));
        StringBuilder k = new StringBuilder("profile pic,nums/length username,fullname words,nums/length fullname,"
                + "name==username,description length,external URL,private,#posts,#followers,#follows,fake\n");
        for (int i = 0; i < 12; i++) {
            k.append("0,0.4,0,0,0,0,0,0,0,")
                    .append(2 + i)
                    .append(',')
                    .append(3000 + 10 * i)
                    .append(",1\n");
            k.append("1,0,2,0,0,90,1,0,300,")
                    .append(1500 + i)
                    .append(',')
                    .append(300 + i)
                    .append(",0\n");
        }
        Files.writeString(kaggle.resolve("train.csv"), k);
        Files.writeString(kaggle.resolve("test.csv"), k);
        Path instafake = Files.createDirectories(data.resolve("instafake"));
        StringBuilder fake = new StringBuilder("[");
        StringBuilder real = new StringBuilder("[");
        StringBuilder nonAutomated = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            if (i < 10) {
                fake.append(i == 0 ? "" : ",")
                        .append("{\"userMediaCount\":0,\"userFollowerCount\":" + (3 + i)
                                + ",\"userFollowingCount\":2900,\"userHasProfilPic\":0,\"userIsPrivate\":0,"
                                + "\"usernameLength\":12,\"usernameDigitCount\":7,\"userBiographyLength\":0,"
                                + "\"isFake\":1}");
            }
            real.append(i == 0 ? "" : ",")
                    .append("{\"userMediaCount\":" + (i < 5 ? 2 : 300) + ",\"userFollowerCount\":"
                            + (i < 5 ? 40 : 1500) + ",\"userFollowingCount\":" + (i < 5 ? 50 : 400)
                            + ",\"userHasProfilPic\":1,\"userIsPrivate\":1,\"usernameLength\":9,"
                            + "\"usernameDigitCount\":0,\"userBiographyLength\":90,\"isFake\":0}");
            nonAutomated
                    .append(i == 0 ? "" : ",")
                    .append("{\"userMediaCount\":3,\"userFollowerCount\":24,\"userFollowingCount\":20,"
                            + "\"userHasExternalUrl\":1,\"usernameLength\":10,\"usernameDigitCount\":4,"
                            + "\"userBiographyLength\":20,\"automatedBehaviour\":0}");
        }
        Files.writeString(instafake.resolve("fakeAccountData.json"), fake.append("]"));
        Files.writeString(instafake.resolve("realAccountData.json"), real.append("]"));
        Files.writeString(instafake.resolve("nonautomatedAccountData.json"), nonAutomated.append("]"));
        Path cresci = Files.createDirectories(data.resolve("cresci2015-twitter-fake-followers"));
        String header = "screen_name,name,statuses_count,followers_count,friends_count,default_profile_image,protected,"
                + "url,description\n";
        StringBuilder bots = new StringBuilder(header);
        StringBuilder people = new StringBuilder(header);
        for (int i = 0; i < 10; i++) {
            bots.append("bot").append(i).append(",x,3,").append(i).append(",2000,1,0,,\n");
            people.append("anna").append(i).append(",Anna K,5000,800,300,0,0,http://a.example,Runner\n");
        }
        Files.writeString(cresci.resolve("fusers_INT_fake.csv"), bots);
        Files.writeString(cresci.resolve("users_E13_genuine.csv"), people);

        CliRun.Result r =
                run("eval", "suspicious", "--public-data", data.toString(), "--leave-one-source-out", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode rows = json.get("leaveOneSourceOut");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("heldOut").asText()).isEqualTo("kaggle");
        assertThat(rows.get(0).get("trainedOn").asText()).isEqualTo("instafake+cresci2015");
        assertThat(rows.get(0).get("n").asInt()).isEqualTo(48);
        assertThat(rows.get(0).get("allGenuineAccuracy").asDouble()).isEqualTo(0.5);
        assertThat(rows.get(1).get("heldOut").asText()).isEqualTo("instafake");
        assertThat(rows.get(1).get("fakeShare").asDouble()).isEqualTo(0.25);
        assertThat(rows.get(1).get("allGenuineAccuracy").asDouble()).isEqualTo(0.75);
        assertThat(rows.get(1).get("smallInactiveGenuine").asInt()).isEqualTo(5);
        assertThat(rows.get(1).get("smallInactiveGenuineFlagged").asInt()).isZero();
        assertThat(rows.get(2).get("heldOut").asText()).isEqualTo("cresci2015");
        for (JsonNode row : rows) {
            // Extreme made-up profiles: every held-out source is separated perfectly.
            assertThat(row.get("rocAuc").asDouble()).as(row.toString()).isEqualTo(1.0);
            assertThat(row.get("falsePositiveRate").asDouble())
                    .as(row.toString())
                    .isZero();
        }
        JsonNode small = json.get("instafakeNonAutomatedGenuine");
        assertThat(small.get("n").asInt()).isEqualTo(30);
        assertThat(small.get("smallInactive").asInt()).isEqualTo(30);
        assertThat(small.get("smallInactiveFlagged").asInt()).isZero();

        CliRun.Result text = run("eval", "suspicious", "--public-data", data.toString(), "--leave-one-source-out");
        assertThat(text.out()).contains("all-genuine").contains("instafake+cresci2015");

        Files.delete(instafake.resolve("nonautomatedAccountData.json"));
        CliRun.Result missing = run("eval", "suspicious", "--public-data", data.toString(), "--leave-one-source-out");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nonautomatedAccountData.json");
        assertThat(run("eval", "suspicious", "--leave-one-source-out").code()).isEqualTo(2);
    }

    @Test
    void evalRealismRefusesAMissingFolderAndBadSizesWithExitTwo() {
        CliRun.Result missing =
                run("eval", "realism", "--public-data", HOME.resolve("nowhere").toString(), "--creators", "10");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .contains("eval realism:")
                .contains("lacks instafake/nonautomatedAccountData.json")
                .contains("snap-ego-facebook/");
        CliRun.Result badSize = run("eval", "realism", "--public-data", HOME.toString(), "--creators", "0");
        assertThat(badSize.code()).isEqualTo(2);
        assertThat(badSize.err()).contains("creators");
        assertThat(run("eval", "realism").code()).isEqualTo(2);
    }
}
