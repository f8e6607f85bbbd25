package io.microreach.generator.evaluation;

import io.microreach.domain.Platform;
import io.microreach.evaluation.TwoSampleKs;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a world in memory (no files) and compares its distributions with the real public sets by two-sample
 * Kolmogorov-Smirnov tests, one {@link Comparison} per distribution.
 *
 * <p>What is compared with what (docs/generator.md, "Realism"): engagement rate per account in two small-account
 * bands (InstaFake non-automated accounts, the set the engagement curve was fitted on) and per post of accounts
 * under 5,000 followers (Instagram reach, held out; its likes were counted hours after posting, so real rates are
 * low); engagement of the largest accounts per platform against the December 2022 top-1000 lists (held out; only
 * generated accounts at least as large as the list's smallest entry count); comments per post in the same bands
 * (InstaFake); followers, following and posts of genuine and of fake followers against InstaFake fake-v1.0 (fitted),
 * the Kaggle test file and Cresci 2015 (held out; Cresci is Twitter); creator reply delays and per-account reply
 * shares against brands answering customers on Twitter (TWCS: a different population, reported for scale, not
 * fitted); mean local clustering of the follow graph among the sampled followers against the ten Facebook ego
 * networks (friend lists, so a denser, tighter kind of graph than a follower audience). Facebook friendships are
 * mutual, so reciprocity has no real counterpart here; its generated median is reported without a test.
 */
public final class RealismEvaluation {
    private RealismEvaluation() {}

    /**
     * @throws java.io.FileNotFoundException naming every file the data folder lacks
     */
    public static RealismReport evaluate(Path publicData, GeneratorConfig config) throws IOException {
        RealDistributions real = new RealDistributions(publicData);
        // Every real set is read before the (slow) generation, so a broken file is reported at once.
        long[][] bands = GeneratedDistributions.ER_BANDS;
        double[][] realEr = new double[bands.length][];
        double[][] realComments = new double[bands.length][];
        for (int b = 0; b < bands.length; b++) {
            long lo = bands[b][0];
            long hi = bands[b][1];
            realEr[b] = real("instafake", () -> real.instaFakeEngagementRates(lo, hi));
            realComments[b] = real("instafake", () -> real.instaFakeCommentsPerPost(lo, hi));
        }
        double[] reach = real("instagram-reach-posts", real::reachLikeRates);
        Map<Platform, RealDistributions.TopList> lists = new EnumMap<>(Platform.class);
        lists.put(Platform.INSTAGRAM, RealDistributions.TopList.INSTAGRAM);
        lists.put(Platform.TIKTOK, RealDistributions.TopList.TIKTOK);
        lists.put(Platform.YOUTUBE, RealDistributions.TopList.YOUTUBE);
        Map<Platform, Double> megaFloor = new EnumMap<>(Platform.class);
        Map<Platform, double[]> topEr = new EnumMap<>(Platform.class);
        for (var e : lists.entrySet()) {
            megaFloor.put(e.getKey(), real("top1000-influencers-2022", () -> real.topMinimumFollowers(e.getValue())));
            topEr.put(e.getKey(), real("top1000-influencers-2022", () -> real.topEngagementRates(e.getValue())));
        }
        RealDistributions.Profiles[][] profiles = new RealDistributions.Profiles[2][];
        for (int f = 0; f < 2; f++) {
            boolean fake = f == 1;
            profiles[f] = new RealDistributions.Profiles[] {
                real("instafake", () -> real.instaFake(fake)),
                real("kaggle-instagram-fake-spammer", () -> real.kaggleTest(fake)),
                real("cresci2015-twitter-fake-followers", () -> real.cresci(fake))
            };
        }
        RealDistributions.Replies replies = real("twcs-customer-support-twitter-sample", real::replies);
        List<GraphShape> egos = real("snap-ego-facebook", real::egoGraphs);

        GeneratedDistributions gen = new GeneratedDistributions(megaFloor);
        new SyntheticDataGenerator(config).stream(gen, gen::truth);

        List<Comparison> out = new ArrayList<>();
        String[] bandNames = {"200-1k", "1k-5k"};
        for (int b = 0; b < bands.length; b++) {
            out.add(compare(
                    "er.instagram." + bandNames[b],
                    "InstaFake non-automated accounts, " + bandNames[b] + " followers, >= 5 posts: median"
                            + " (likes + comments) / followers",
                    "Instagram accounts in the band: median ER per follower at posting",
                    "fitted",
                    realEr[b],
                    gen.instagramEr[b].toArray(),
                    "InstaFake follower counts are from the crawl, not from the posting day"));
        }
        out.add(compare(
                "er.instagram.post-likes-under-5k",
                "Instagram reach: likes / followers per post (100 posts)",
                "Instagram posts of accounts under 5,000 followers: likes / followers at posting",
                "held-out",
                reach,
                gen.instagramSmallLikeRates.toArray(),
                "real likes were counted 2-24 hours after posting, generated ones are final; tech posts only"));
        for (Platform platform : lists.keySet()) {
            String name = platform.id();
            out.add(compare(
                    "er." + name + ".top",
                    "top-1000 " + name + " list, December 2022: average interactions per post / followers",
                    String.format(
                            Locale.ROOT,
                            "%s accounts with at least %,.0f followers (the list's smallest): median ER",
                            name,
                            megaFloor.get(platform)),
                    "held-out",
                    topEr.get(platform),
                    gen.megaEr.get(platform).toArray(),
                    "the list is not every account of that size (its selection is not documented; its ER is high"
                            + " for the size); a generated world holds few accounts that large"));
        }
        for (int b = 0; b < bands.length; b++) {
            out.add(compare(
                    "comments.instagram." + bandNames[b],
                    "InstaFake non-automated accounts, " + bandNames[b] + " followers: comments per post",
                    "Instagram posts of accounts in the band: comments count",
                    "fitted",
                    realComments[b],
                    gen.instagramComments[b].toArray(),
                    null));
        }
        String[] fields = {"followers", "following", "posts"};
        for (int f = 0; f < 2; f++) {
            boolean fake = f == 1;
            String cls = fake ? "fake" : "genuine";
            Samples[] generated = fake ? gen.fakeProfiles : gen.realProfiles;
            String[] names = {
                "InstaFake fake-v1.0 " + cls,
                "Kaggle test.csv " + cls,
                "Cresci 2015 " + (fake ? "INT bought fake followers" : "E13 humans")
            };
            String[] roles = {"fitted", "held-out", "held-out"};
            String[] notes = {null, null, "Twitter accounts (statuses, friends); Instagram is what is generated"};
            for (int field = 0; field < fields.length; field++) {
                for (int src = 0; src < names.length; src++) {
                    RealDistributions.Profiles p = profiles[f][src];
                    double[] values = field == 0 ? p.followers() : field == 1 ? p.following() : p.posts();
                    out.add(compare(
                            "followers." + cls + "." + fields[field],
                            names[src] + ": " + fields[field],
                            "sampled " + cls + " followers: " + fields[field],
                            roles[src],
                            values,
                            generated[field].toArray(),
                            notes[src]));
                }
            }
        }
        out.add(compare(
                "replies.delay-hours",
                "TWCS: hours from a customer's tweet to the brand's first reply",
                "hours from a top-level comment to the creator's reply",
                "held-out",
                replies.delayHours(),
                gen.replyDelayHours.toArray(),
                "brands' support desks, not creators: a scale reference, not a target"));
        out.add(compare(
                "replies.share",
                "TWCS: per brand (>= 10 addressed tweets), share of customers' opening tweets answered",
                "per account (>= 10 settled top-level comments by others), share answered within 7 days",
                "held-out",
                replies.brandReplyShares(),
                gen.replyShares.toArray(),
                "brands' support desks, not creators: a scale reference, not a target"));
        out.add(compare(
                "graph.clustering",
                "SNAP ego-Facebook: mean local clustering of each of the 10 friend graphs (nodes with >= 2 ties)",
                "follow graph among each account's sampled followers (graphs with >= 3 nodes of >= 2 ties)",
                "fitted",
                egos.stream().mapToDouble(GraphShape::clustering).toArray(),
                gen.clustering.toArray(),
                "the closure probability was chosen on these graphs; friend lists of people, not follower"
                        + " audiences"));
        double[] genReciprocity = gen.reciprocity.toArray();
        out.add(new Comparison(
                "graph.reciprocity",
                "none: Facebook friendships are mutual (reciprocity 1 by construction)",
                "share of follow edges among sampled followers that are returned",
                "held-out",
                0,
                genReciprocity.length,
                null,
                Samples.median(genReciprocity),
                null,
                "no real directed follower graph in the data folder"));
        return new RealismReport(config.creators(), config.seed(), out);
    }

    /** A reader of one real set. */
    private interface RealRead<T> {
        T read() throws IOException;
    }

    /** Reads from one real set, turning a format error into one that names the set (never a value). */
    static <T> T real(String set, RealRead<T> reader) throws IOException {
        try {
            return reader.read();
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    set + " is not in the expected format (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Comparison compare(
            String distribution,
            String realSource,
            String generatedSource,
            String role,
            double[] realValues,
            double[] generated,
            String note) {
        TwoSampleKs.Result ks =
                realValues.length == 0 || generated.length == 0 ? null : TwoSampleKs.test(realValues, generated);
        String why = ks != null
                ? note
                : (generated.length == 0 ? "the generated world has no such values" : "the real set has no such rows")
                        + (note == null ? "" : "; " + note);
        return new Comparison(
                distribution,
                realSource,
                generatedSource,
                role,
                realValues.length,
                generated.length,
                Samples.median(realValues),
                Samples.median(generated),
                ks,
                why);
    }
}
