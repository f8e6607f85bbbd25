package io.microreach.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planted distributions come out of the records as configured, measured the way the product will measure them.
 * Tolerances are a few standard errors of the respective estimate, so a broken generator fails them.
 */
class PlantedTruthTest {
    /** Disclosure markers as a simple detector would list them, independent of the phrase bank. */
    private static final Pattern DISCLOSURE = Pattern.compile(
            "(?iu)(#ad\\b|#sponsored|#advertisement|#advertising|paid partnership|#werbung|#anzeige|\\bwerbung\\b"
                    + "|\\banzeige\\b|#publicidad|#publi\\b|#patrocinado|colaboración pagada|#sponsorisé|#partenariat"
                    + "|#publicité|partenariat rémunéré|#collaborationcommerciale|#pubblicità|#adv\\b|#sponsorizzato"
                    + "|partnership retribuita|#publicidade|#parceria|parceria paga)");
    /** A discount code ("LENA15") or a link: the commercial signs of an undisclosed deal. */
    private static final Pattern CODE_OR_LINK = Pattern.compile("\\b\\p{Lu}{2,}\\d{2}\\b|https?://");

    /** Robust z-score (median/MAD of day-over-day changes, MAD at least one follower) that flags a spike. */
    private static final double SPIKE_Z = 6;

    private static TestData data;
    private static Map<String, JsonNode> truth;

    @BeforeAll
    static void generate() {
        data = TestData.standard();
        truth = new HashMap<>();
        data.truth.forEach(t -> truth.put(t.path("account_id").asText(), t));
    }

    @Test
    void mostCreatorsAreNanoOrMicroAndPlatformsAndLanguagesHaveTheirShares() {
        TestData light = TestData.light();
        Map<Tier, Integer> tiers = new HashMap<>();
        Map<Platform, Integer> firstPlatform = new HashMap<>();
        int nonEnglish = 0;
        int firstAccounts = 0;
        for (JsonNode t : light.truth) {
            tiers.merge(Tier.of(t.path("followers").asLong()), 1, Integer::sum);
            if (t.path("account_slot").asInt() == 0) {
                firstAccounts++;
                firstPlatform.merge(Platform.fromId(t.path("platform").asText()).orElseThrow(), 1, Integer::sum);
                if (!t.path("language").asText().equals("en")) {
                    nonEnglish++;
                }
            }
        }
        double n = light.truth.size();
        assertThat(tiers.get(Tier.NANO) / n).isBetween(0.40, 0.60);
        assertThat(tiers.get(Tier.MICRO) / n).isBetween(0.28, 0.42);
        assertThat((tiers.get(Tier.NANO) + tiers.get(Tier.MICRO)) / n).isGreaterThan(0.80);
        assertThat(tiers.get(Tier.MID) / n).isBetween(0.08, 0.18);
        assertThat(tiers.get(Tier.MACRO) / n).isBetween(0.003, 0.02);
        assertThat(tiers.get(Tier.MEGA) / n).isBetween(0.003, 0.02);
        assertThat(firstPlatform.get(Platform.INSTAGRAM) / (double) firstAccounts)
                .isCloseTo(0.45, within(0.03));
        assertThat(firstPlatform.get(Platform.TIKTOK) / (double) firstAccounts).isCloseTo(0.25, within(0.03));
        assertThat(firstPlatform.get(Platform.YOUTUBE) / (double) firstAccounts).isCloseTo(0.15, within(0.025));
        assertThat(firstPlatform.get(Platform.BLUESKY) / (double) firstAccounts).isCloseTo(0.15, within(0.025));
        assertThat(nonEnglish / (double) firstAccounts).isCloseTo(0.20, within(0.03));
    }

    @Test
    void languageAndCountryMatch() {
        Map<String, Set<String>> countries = Map.of(
                "en", Set.of("US", "GB", "CA", "AU", "IE", "NZ"),
                "de", Set.of("DE", "AT", "CH"),
                "es", Set.of("ES", "MX", "AR", "CO"),
                "fr", Set.of("FR", "BE"),
                "it", Set.of("IT"),
                "pt", Set.of("BR", "PT"));
        for (Account a : data.accounts) {
            assertThat(countries.get(a.language())).contains(a.country());
        }
    }

    @Test
    void medianEngagementRateFallsFromMicroToMega() {
        TestData light = TestData.light();
        Map<String, List<Double>> perAccount = new HashMap<>();
        for (Post p : light.posts) {
            double eng = p.likes() + p.comments() + nz(p.shares()) + nz(p.saves());
            perAccount
                    .computeIfAbsent(p.accountPlatformId(), k -> new ArrayList<>())
                    .add(eng / p.followersAtPost());
        }
        Map<Tier, List<Double>> byTier = new HashMap<>();
        for (Account a : light.accounts) {
            List<Double> ers = perAccount.get(a.platformId());
            if (ers != null && ers.size() >= 5) {
                byTier.computeIfAbsent(Tier.of(a.followers()), k -> new ArrayList<>())
                        .add(median(ers));
            }
        }
        double micro = median(byTier.get(Tier.MICRO));
        double mid = median(byTier.get(Tier.MID));
        double macro = median(byTier.get(Tier.MACRO));
        double mega = median(byTier.get(Tier.MEGA));
        assertThat(byTier.get(Tier.MEGA)).hasSizeGreaterThan(15);
        assertThat(median(byTier.get(Tier.NANO))).isGreaterThan(micro);
        assertThat(micro).isGreaterThan(1.4 * mid);
        assertThat(mid).isGreaterThan(1.2 * macro);
        assertThat(macro).isGreaterThan(mega);
        // Levels of the engagement curve: a few percent for micro, well under 1% for mega.
        assertThat(micro).isBetween(0.02, 0.06);
        assertThat(mega).isBetween(0.002, 0.009);
    }

    @Test
    void measuredMedianEngagementRecoversThePlantedMedian() {
        List<Double> ratios = new ArrayList<>();
        Map<String, List<Double>> perAccount = new HashMap<>();
        for (Post p : data.posts) {
            if (p.paidPartnership() == null || !p.paidPartnership()) {
                double eng = p.likes() + p.comments() + nz(p.shares()) + nz(p.saves());
                perAccount
                        .computeIfAbsent(p.accountPlatformId(), k -> new ArrayList<>())
                        .add(eng / p.followersAtPost());
            }
        }
        for (JsonNode t : data.truth) {
            List<Double> ers = perAccount.get(t.path("account_id").asText());
            if (ers != null
                    && ers.size() >= 10
                    && t.path("followers").asLong() >= 5000
                    && t.path("pod").isNull()) {
                ratios.add(median(ers) / t.path("engagement").path("median_er").asDouble());
            }
        }
        assertThat(ratios).hasSizeGreaterThan(100);
        assertThat(median(ratios)).isCloseTo(1.0, within(0.08));
    }

    @Test
    void fakeFollowerCountsMatchTheGroundTruthAndThePooledShareTheMixture() {
        Map<String, Set<String>> sampled = new HashMap<>();
        data.samples.forEach(s -> sampled.computeIfAbsent(s.accountPlatformId(), k -> new HashSet<>())
                .add(s.followerPlatformId()));
        long fakes = 0;
        long size = 0;
        int bought = 0;
        for (JsonNode t : data.truth) {
            JsonNode fs = t.path("follower_sample");
            Set<String> ids = sampled.get(t.path("account_id").asText());
            List<String> fakeIds = new ArrayList<>();
            fs.path("fake_follower_ids").forEach(n -> fakeIds.add(n.asText()));
            assertThat(fakeIds).hasSize(fs.path("fake_count").asInt()).doesNotHaveDuplicates();
            assertThat(ids).containsAll(fakeIds).hasSize(fs.path("size").asInt());
            double share = fs.path("fake_share").asDouble();
            if (fs.path("bought_followers").asBoolean()) {
                bought++;
                assertThat(share).isBetween(AccountPlanner.BOUGHT_MIN, AccountPlanner.BOUGHT_MAX);
            } else {
                assertThat(share).isBetween(0.02, 0.15);
            }
            fakes += fakeIds.size();
            size += ids.size();
        }
        assertThat(bought / (double) data.truth.size()).isCloseTo(AccountPlanner.BOUGHT_SHARE, within(0.025));
        assertThat(fakes / (double) size).isCloseTo(AccountPlanner.expectedFakeShare(), within(0.012));
    }

    @Test
    void fakeAndRealFollowersFollowTheirCalibratedProfiles() {
        Set<String> fakeIds = new HashSet<>();
        data.truth.forEach(
                t -> t.path("follower_sample").path("fake_follower_ids").forEach(n -> fakeIds.add(n.asText())));
        List<FollowerSample> fakes = new ArrayList<>();
        List<FollowerSample> reals = new ArrayList<>();
        data.samples.forEach(s -> (fakeIds.contains(s.followerPlatformId()) ? fakes : reals).add(s));
        // Pooled InstaFake + Kaggle medians and rates, see ProfileModel.
        assertThat(median(fakes.stream().map(s -> (double) s.followers()).toList()))
                .isBetween(20.0, 55.0);
        assertThat(median(reals.stream().map(s -> (double) s.followers()).toList()))
                .isBetween(300.0, 440.0);
        assertThat(median(fakes.stream().map(s -> (double) s.postsCount()).toList()))
                .isLessThanOrEqualTo(1.0);
        assertThat(median(reals.stream().map(s -> (double) s.postsCount()).toList()))
                .isBetween(25.0, 50.0);
        assertThat(rate(fakes, FollowerSample::hasProfilePic)).isCloseTo(0.49, within(0.05));
        assertThat(rate(reals, FollowerSample::hasProfilePic)).isCloseTo(0.988, within(0.01));
        assertThat(rate(reals, FollowerSample::privateAccount)).isCloseTo(0.65, within(0.04));
        double fakeDigits = fakes.stream()
                .mapToDouble(s -> digitShare(s.handle()))
                .average()
                .orElseThrow();
        double realDigits = reals.stream()
                .mapToDouble(s -> digitShare(s.handle()))
                .average()
                .orElseThrow();
        assertThat(fakeDigits).isGreaterThan(2.5 * realDigits);
    }

    @Test
    void replyRateMeasuredFromCommentsTracksThePlantedPropensity() {
        Instant settledBefore = data.config.now().minus(Duration.ofDays(7));
        Map<String, Post> posts = new HashMap<>();
        data.posts.forEach(p -> posts.put(p.platformId(), p));
        Map<String, Comment> byId = new HashMap<>();
        data.comments.forEach(c -> byId.put(c.platformId(), c));
        Map<String, int[]> perAccount = new HashMap<>(); // top-level by others, replied within 7 days
        Set<String> replied = new HashSet<>();
        long lateReplies = 0;
        for (Comment c : data.comments) {
            String account = posts.get(c.postPlatformId()).accountPlatformId();
            if (c.parentPlatformId() != null && account.equals(c.authorPlatformId())) {
                Comment parent = byId.get(c.parentPlatformId());
                if (Duration.between(parent.createdAt(), c.createdAt()).compareTo(Duration.ofDays(7)) <= 0) {
                    replied.add(parent.platformId());
                } else {
                    lateReplies++;
                }
            }
        }
        for (Comment c : data.comments) {
            String account = posts.get(c.postPlatformId()).accountPlatformId();
            if (c.parentPlatformId() == null
                    && !account.equals(c.authorPlatformId())
                    && !c.createdAt().isAfter(settledBefore)) {
                int[] n = perAccount.computeIfAbsent(account, k -> new int[2]);
                n[0]++;
                if (replied.contains(c.platformId())) {
                    n[1]++;
                }
            }
        }
        List<Double> planted = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        long total = 0;
        long answered = 0;
        double expected = 0;
        for (Map.Entry<String, int[]> e : perAccount.entrySet()) {
            double propensity =
                    truth.get(e.getKey()).path("replies").path("propensity").asDouble();
            int[] n = e.getValue();
            total += n[0];
            answered += n[1];
            expected += propensity * n[0];
            assertThat(n[1])
                    .isEqualTo(truth.get(e.getKey())
                            .path("replies")
                            .path("settled_replied_within_7d")
                            .asInt());
            if (n[0] >= 20) {
                planted.add(propensity);
                measured.add(n[1] / (double) n[0]);
            }
        }
        assertThat(planted).hasSizeGreaterThan(300);
        assertThat(pearson(planted, measured)).isGreaterThan(0.8);
        assertThat(answered / (double) total).isCloseTo(expected / total, within(0.02));
        assertThat(lateReplies)
                .as("replies after more than 7 days exist and do not count")
                .isPositive();
    }

    @Test
    void sponsoredShareIsRecoveredFromDisclosureMarkersCodesAndLinks() {
        Map<String, int[]> perAccount = new HashMap<>(); // posts, detected, disclosed
        for (Post p : data.posts) {
            int[] n = perAccount.computeIfAbsent(p.accountPlatformId(), k -> new int[3]);
            n[0]++;
            boolean disclosed = DISCLOSURE.matcher(p.caption()).find();
            if (disclosed || CODE_OR_LINK.matcher(p.caption()).find()) {
                n[1]++;
            }
            if (disclosed) {
                n[2]++;
            }
        }
        double planted = 0;
        long posts = 0;
        long detected = 0;
        long disclosedPlanted = 0;
        long disclosedDetected = 0;
        for (JsonNode t : data.truth) {
            int[] n = perAccount.get(t.path("account_id").asText());
            JsonNode p = t.path("posts");
            assertThat(n[1]).isEqualTo(p.path("sponsored_posts").asInt());
            planted += p.path("sponsored_share").asDouble() * n[0];
            posts += n[0];
            detected += n[1];
            disclosedPlanted += p.path("disclosed_sponsored_posts").asInt();
            disclosedDetected += n[2];
        }
        assertThat(detected / (double) posts).isCloseTo(planted / posts, within(0.01));
        assertThat(disclosedDetected).isEqualTo(disclosedPlanted);
        assertThat(disclosedDetected).isLessThan(detected);
    }

    @Test
    void germanCreatorsDiscloseInGerman() {
        Pattern german = Pattern.compile("(?iu)#werbung|#anzeige|\\bwerbung\\b|\\banzeige\\b|#ad\\b");
        Map<String, String> language = new HashMap<>();
        data.accounts.forEach(a -> language.put(a.platformId(), a.language()));
        int checked = 0;
        for (Post p : data.posts) {
            if ("de".equals(language.get(p.accountPlatformId()))
                    && DISCLOSURE.matcher(p.caption()).find()) {
                assertThat(p.caption()).containsPattern(german);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void instagramSponsoredPostsSometimesCarryThePaidPartnershipLabel() {
        long labelled = data.posts.stream()
                .filter(p -> Boolean.TRUE.equals(p.paidPartnership()))
                .peek(p -> assertThat(p.platform()).isEqualTo(Platform.INSTAGRAM))
                .count();
        long planted = data.truth.stream()
                .mapToLong(t -> t.path("posts").path("paid_partnership_posts").asLong())
                .sum();
        assertThat(labelled).isEqualTo(planted).isPositive();
    }

    @Test
    void sameNicheAndCountryCreatorsShareFarMoreSampledFollowersThanOtherNiches() {
        Map<String, String> community = new HashMap<>();
        Map<String, String> country = new HashMap<>();
        Map<String, Platform> platform = new HashMap<>();
        for (JsonNode t : data.truth) {
            String id = t.path("account_id").asText();
            community.put(id, t.path("communities").get(0).path("id").asText());
            country.put(id, t.path("country").asText());
            platform.put(id, Platform.fromId(t.path("platform").asText()).orElseThrow());
        }
        Map<String, List<String>> followedBy = new HashMap<>();
        for (FollowerSample s : data.samples) {
            followedBy
                    .computeIfAbsent(s.followerPlatformId(), k -> new ArrayList<>())
                    .add(s.accountPlatformId());
        }
        long sharedSame = 0;
        long sharedOther = 0;
        for (List<String> accounts : followedBy.values()) {
            for (int i = 0; i < accounts.size(); i++) {
                for (int j = i + 1; j < accounts.size(); j++) {
                    String a = accounts.get(i);
                    String b = accounts.get(j);
                    if (community.get(a).equals(community.get(b))) {
                        sharedSame++;
                    } else if (country.get(a).equals(country.get(b))) {
                        sharedOther++;
                    }
                }
            }
        }
        // Pairs of accounts on the same platform (ids are per platform) in the same or another community.
        Map<String, Integer> perCommunity = new HashMap<>();
        Map<String, Integer> perCountry = new HashMap<>();
        for (String id : community.keySet()) {
            perCommunity.merge(platform.get(id) + community.get(id), 1, Integer::sum);
            perCountry.merge(platform.get(id) + country.get(id), 1, Integer::sum);
        }
        long samePairs = perCommunity.values().stream()
                .mapToLong(n -> (long) n * (n - 1) / 2)
                .sum();
        long countryPairs = perCountry.values().stream()
                .mapToLong(n -> (long) n * (n - 1) / 2)
                .sum();
        double same = sharedSame / (double) samePairs;
        double other = sharedOther / (double) (countryPairs - samePairs);
        assertThat(same).isGreaterThan(0.05);
        assertThat(same).isGreaterThan(10 * other);
    }

    @Test
    void boughtFollowerSpikesStandOutInTheHistory() {
        Map<String, List<FollowerCount>> history = new HashMap<>();
        data.counts.forEach(c -> history.computeIfAbsent(c.accountPlatformId(), k -> new ArrayList<>())
                .add(c));
        int withSpikes = 0;
        int quietFalseAlarms = 0;
        int quiet = 0;
        for (JsonNode t : data.truth) {
            List<FollowerCount> h = history.get(t.path("account_id").asText());
            h.sort((x, y) -> x.date().compareTo(y.date()));
            double[] change = new double[h.size() - 1];
            for (int i = 1; i < h.size(); i++) {
                change[i - 1] = h.get(i).followers() - h.get(i - 1).followers();
            }
            double med = median(Arrays.stream(change).boxed().toList());
            double mad = median(
                    Arrays.stream(change).map(c -> Math.abs(c - med)).boxed().toList());
            double scale = 1.4826 * Math.max(1, mad);
            JsonNode spikes = t.path("history").path("spikes");
            if (spikes.isEmpty()) {
                quiet++;
                double max =
                        Arrays.stream(change).map(c -> (c - med) / scale).max().orElse(0);
                if (max > SPIKE_Z) {
                    quietFalseAlarms++;
                }
                continue;
            }
            withSpikes++;
            for (JsonNode s : spikes) {
                LocalDate date = LocalDate.parse(s.path("date").asText());
                int i = (int) (date.toEpochDay() - h.get(0).date().toEpochDay());
                assertThat((change[i - 1] - med) / scale)
                        .as("spike on %s", date)
                        .isGreaterThan(SPIKE_Z);
                assertThat(change[i - 1])
                        .isCloseTo(
                                s.path("added").asDouble(),
                                within(s.path("added").asDouble() * 0.1 + 10));
            }
        }
        assertThat(withSpikes / (double) data.truth.size()).isBetween(0.03, 0.08);
        assertThat(quietFalseAlarms / (double) quiet).isLessThan(0.01);
    }

    @Test
    void podsCommentTogetherWithinMinutesOnMostPosts() {
        Map<String, Post> posts = new HashMap<>();
        data.posts.forEach(p -> posts.put(p.platformId(), p));
        Map<String, Map<String, Set<String>>> fastCommenters = new HashMap<>(); // account -> post -> authors
        for (Comment c : data.comments) {
            Post p = posts.get(c.postPlatformId());
            if (c.parentPlatformId() == null
                    && Duration.between(p.publishedAt(), c.createdAt()).compareTo(Duration.ofMinutes(15)) <= 0) {
                fastCommenters
                        .computeIfAbsent(p.accountPlatformId(), k -> new HashMap<>())
                        .computeIfAbsent(p.platformId(), k -> new HashSet<>())
                        .add(c.authorPlatformId());
            }
        }
        int podAccounts = 0;
        for (JsonNode t : data.truth) {
            JsonNode pod = t.path("pod");
            if (pod.isNull()) {
                continue;
            }
            podAccounts++;
            Set<String> members = new HashSet<>();
            pod.path("member_ids").forEach(n -> members.add(n.asText()));
            assertThat(members).hasSizeBetween(Pods.MIN_MEMBERS - 1, Pods.MAX_MEMBERS - 1);
            Map<String, Set<String>> perPost =
                    fastCommenters.getOrDefault(t.path("account_id").asText(), Map.of());
            long together = (members.size() + 1) / 2;
            long podPosts = perPost.values().stream()
                    .filter(authors ->
                            authors.stream().filter(members::contains).count() >= together)
                    .count();
            assertThat(podPosts)
                    .isGreaterThanOrEqualTo(
                            t.path("replies").path("commented_posts").asLong() / 2);
        }
        assertThat(podAccounts).isPositive();
        // Pods come in groups of 5-10, so their share needs the larger set to be measured.
        TestData light = TestData.light();
        Set<Integer> lightPodCreators = new HashSet<>();
        light.truth.stream()
                .filter(t -> !t.path("pod").isNull())
                .forEach(t -> lightPodCreators.add(t.path("creator_index").asInt()));
        assertThat(lightPodCreators.size() / (double) light.config.creators()).isBetween(0.012, 0.05);
    }

    @Test
    void engagedCoreGivesRepeatCommenters() {
        Map<String, Post> posts = new HashMap<>();
        data.posts.forEach(p -> posts.put(p.platformId(), p));
        Map<String, Map<String, Set<String>>> postsPerAuthor = new HashMap<>(); // account -> author -> posts
        for (Comment c : data.comments) {
            Post p = posts.get(c.postPlatformId());
            if (c.parentPlatformId() == null && !c.authorPlatformId().equals(p.accountPlatformId())) {
                postsPerAuthor
                        .computeIfAbsent(p.accountPlatformId(), k -> new HashMap<>())
                        .computeIfAbsent(c.authorPlatformId(), k -> new HashSet<>())
                        .add(p.platformId());
            }
        }
        List<Double> high = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        for (JsonNode t : data.truth) {
            Map<String, Set<String>> authors =
                    postsPerAuthor.get(t.path("account_id").asText());
            if (authors == null || authors.size() < 10 || !t.path("pod").isNull()) {
                continue;
            }
            double repeat = authors.values().stream().filter(s -> s.size() >= 3).count() / (double) authors.size();
            double core = t.path("commenters").path("core_share").asDouble();
            if (core > 0.5) {
                high.add(repeat);
            } else if (core < 0.2) {
                low.add(repeat);
            }
        }
        assertThat(high).hasSizeGreaterThan(20);
        assertThat(low).hasSizeGreaterThan(20);
        assertThat(mean(high)).isGreaterThan(mean(low) + 0.03);
    }

    @Test
    void tightKnitCommunitiesAreDenserThanLooseOnes() {
        List<Double> tight = new ArrayList<>();
        List<Double> loose = new ArrayList<>();
        for (JsonNode t : data.truth) {
            JsonNode c = t.path("cohesion");
            double n = c.path("real_nodes").asDouble();
            double density = c.path("edges").asDouble() / (n * (n - 1));
            (c.path("tight_knit").asBoolean() ? tight : loose).add(density);
        }
        assertThat(tight.size() / (double) data.truth.size()).isBetween(0.1, 0.35);
        assertThat(mean(tight)).isGreaterThan(3 * mean(loose));
    }

    @Test
    void followGraphsCloseTrianglesLikeRealSocialGraphs() {
        // Planted truth of the triadic closure: without it, the clustering of a block-model graph equals its
        // density (a few percent); with it, the median account's graph clusters like the SNAP ego-Facebook graphs
        // (0.46-0.73), and every closed pair is an edge beyond the block model's.
        Map<String, Map<String, Set<String>>> graphs = new HashMap<>();
        for (var e : data.edges) {
            Map<String, Set<String>> g = graphs.computeIfAbsent(e.accountPlatformId(), k -> new HashMap<>());
            g.computeIfAbsent(e.sourceId(), k -> new HashSet<>()).add(e.targetId());
            g.computeIfAbsent(e.targetId(), k -> new HashSet<>()).add(e.sourceId());
        }
        List<Double> clustering = new ArrayList<>();
        for (Map<String, Set<String>> g : graphs.values()) {
            double sum = 0;
            int nodes = 0;
            for (Set<String> ns : g.values()) {
                List<String> list = List.copyOf(ns);
                int k = list.size();
                if (k < 2) {
                    continue;
                }
                int links = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = i + 1; j < k; j++) {
                        links += g.get(list.get(i)).contains(list.get(j)) ? 1 : 0;
                    }
                }
                sum += links / (k * (k - 1) / 2.0);
                nodes++;
            }
            if (nodes >= 3) {
                clustering.add(sum / nodes);
            }
        }
        assertThat(clustering).hasSizeGreaterThan(100);
        assertThat(median(clustering)).isBetween(0.3, 0.8);
        long closed = 0;
        for (JsonNode t : data.truth) {
            JsonNode c = t.path("cohesion");
            assertThat(c.path("closure").asDouble())
                    .isEqualTo(c.path("tight_knit").asBoolean() ? 0.5 : 0.3);
            assertThat(c.path("closed_pairs").asLong())
                    .isLessThanOrEqualTo(c.path("edges").asLong());
            closed += c.path("closed_pairs").asLong();
        }
        assertThat(closed).isPositive();
    }

    @Test
    void realisedPostMixFollowsThePlantedShares() {
        double invitePlanted = 0;
        long inviting = 0;
        long posts = 0;
        for (JsonNode t : data.truth) {
            JsonNode p = t.path("posts");
            invitePlanted += p.path("invite_share").asDouble() * p.path("count").asInt();
            inviting += p.path("inviting_posts").asLong();
            posts += p.path("count").asLong();
            assertThat(p.path("question_posts").asInt()
                            + p.path("call_to_comment_posts").asInt()
                            + p.path("tips_posts").asInt())
                    .isEqualTo(p.path("inviting_posts").asInt());
        }
        assertThat(inviting / (double) posts).isCloseTo(invitePlanted / posts, within(0.01));
        long questions =
                data.posts.stream().filter(p -> p.caption().contains("?")).count();
        assertThat(questions).isPositive();
    }

    private static double nz(Long v) {
        return v == null ? 0 : v;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double rate(List<FollowerSample> samples, java.util.function.Function<FollowerSample, Boolean> f) {
        return samples.stream().filter(s -> Boolean.TRUE.equals(f.apply(s))).count() / (double) samples.size();
    }

    private static double digitShare(String handle) {
        String h = handle.replace(".bsky.social", "");
        return h.chars().filter(Character::isDigit).count() / (double) h.length();
    }

    private static double pearson(List<Double> x, List<Double> y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.size(); i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            syy += (y.get(i) - my) * (y.get(i) - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
