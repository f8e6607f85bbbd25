package io.microreach.generator;

import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an {@link AccountPlan}. The distributions and why:
 *
 * <ul>
 *   <li>Fake followers: 90% of accounts carry only background spam, a share of 2–15% (0.02 + 0.13·Beta(1.6, 2.4),
 *       mean 7%); 10% bought followers and have 30–60%. Half of the buyers show it as 1–2 sudden jumps of 10–35% in
 *       the follower history, a part of which is purged again in the following weeks.
 *   <li>Engagement: the platform curve of {@link EngagementModel} times a creator factor (lognormal, sigma 0.55),
 *       diluted by the fake share (bots do not engage); per-post sigma around 0.45.
 *   <li>Commercialisation: 60% of creators post 0–6% sponsored content, 30% 6–25% and 10% are highly commercial
 *       (35–75%); nano accounts get fewer deals (x0.6), larger ones more. 85% always disclose, the rest on 40–90% of
 *       sponsored posts.
 *   <li>Replies: the propensity to answer a comment within 7 days is Beta with mean 0.55 (nano) falling to 0.06
 *       (mega): small creators talk with their community, big ones cannot.
 *   <li>Cohesion: tight-knit communities (p_in 1.5–4.5%, reciprocity 35–60%) are likelier in family, outdoor, sport and
 *       fitness niches and for small accounts; loose ones have p_in 0.2–0.8%; p_out is 3–12% of p_in. Triadic closure
 *       (see {@link FollowGraph}) closes each open wedge inside a block with probability 0.5 (tight) or 0.3 (loose).
 * </ul>
 */
final class AccountPlanner {
    private static final String[] LINK_SITES = {"https://linktr.ee/", "https://beacons.ai/", "https://bio.site/"};
    private static final int[] DISCOUNTS = {10, 15, 20, 25};
    /**
     * Triadic closure per open wedge (FollowGraph). Fitted so that the mean local clustering of the generated follow
     * graphs comes near the SNAP ego-Facebook friend graphs (0.46–0.73, median 0.56), lower for loose audiences,
     * since followers of one creator are a looser crowd than one person's friends; a fixed value per class keeps
     * the planted density order (tight above loose) intact. Demo world (seed 42): median clustering 0.57 against
     * the real 0.56 (KS D = 0.32, p = 0.20; without closure 0.00, D = 0.996). Measured by eval realism,
     * docs/generator.md "Realism".
     */
    static final double TIGHT_CLOSURE = 0.5;

    static final double LOOSE_CLOSURE = 0.3;
    /**
     * Daily follower-count noise is at most 0.4% (real counts move by a few tenths of a percent a day) and a bought
     * spike adds at least 10%, so every spike stands out from the day-to-day changes: a robust z-score above 15 on
     * most accounts, above 6 even on the smallest ones, whose daily changes are a follower or two.
     */
    static final double MAX_NOISE = 0.004;

    static final double MIN_SPIKE = 0.10;

    /** Share of accounts with bought followers, and their fake share range. */
    static final double BOUGHT_SHARE = 0.10;

    static final double BOUGHT_MIN = 0.30;
    static final double BOUGHT_MAX = 0.60;
    /** Background fake share of the others: BACKGROUND_MIN + BACKGROUND_SPAN * Beta(1.6, 2.4). */
    static final double BACKGROUND_MIN = 0.02;

    static final double BACKGROUND_SPAN = 0.13;
    private static final double BACKGROUND_BETA_A = 1.6;
    private static final double BACKGROUND_BETA_B = 2.4;
    /** Mean fake share of accounts that did not buy followers; the ER curve already contains it. */
    private static final double TYPICAL_FAKE_SHARE = BACKGROUND_MIN + BACKGROUND_SPAN * 0.4;

    private final long seed;
    private final GeneratorConfig config;
    private final PhraseBank phrases;
    private final PlatformIds ids;

    AccountPlanner(GeneratorConfig config, PhraseBank phrases, PlatformIds ids) {
        this.seed = config.seed();
        this.config = config;
        this.phrases = phrases;
        this.ids = ids;
    }

    AccountPlan plan(CreatorIdentity identity, int slot, long primaryFollowers, Pods.Pod pod) {
        long accountIndex = PlatformIds.creatorAccountIndex(identity.index(), slot);
        Rng rng = Rng.of(seed, Streams.ACCOUNT, accountIndex);
        Platform platform = identity.platform(slot);
        String accountId = ids.account(platform, PlatformIds.accountKey(PlatformIds.KIND_CREATOR, accountIndex));
        String handle = identity.handle(slot);
        long followers = slot == 0
                ? FollowerCountModel.draw(rng)
                : Math.max(100, Math.round(primaryFollowers * rng.lognormal(0.3, 1.0)));
        Tier tier = Tier.of(followers);

        AccountPlan.FollowerPlan followerPlan = followerPlan(rng, followers);
        AccountPlan.Engagement engagement = engagement(rng, platform, followers, followerPlan.fakeShare());
        AccountPlan.Posting posting = posting(rng, identity, platform, tier);
        AccountPlan.Conversation conversation = conversation(rng, followers, tier);
        AudienceMix audience = AudienceMix.of(identity, Math.round(followers * (1 - followerPlan.fakeShare())), rng);
        AccountPlan.Cohesion cohesion = cohesion(rng, identity.primaryNiche(), tier);
        AccountPlan.Profile profile = profile(rng, identity, platform, handle, tier, posting.postCount());
        return new AccountPlan(
                identity,
                slot,
                platform,
                accountIndex,
                accountId,
                handle,
                followers,
                tier,
                profile,
                followerPlan,
                engagement,
                posting,
                conversation,
                audience,
                cohesion,
                slot == 0 ? pod : null);
    }

    private AccountPlan.FollowerPlan followerPlan(Rng rng, long followers) {
        boolean bought = rng.chance(BOUGHT_SHARE);
        double fakeShare = bought
                ? rng.between(BOUGHT_MIN, BOUGHT_MAX)
                : BACKGROUND_MIN + BACKGROUND_SPAN * rng.beta(BACKGROUND_BETA_A, BACKGROUND_BETA_B);
        List<Integer> farms = new ArrayList<>();
        if (bought) {
            int n = rng.intBetween(1, 3);
            while (farms.size() < n) {
                int farm = Population.SPAM_FARMS + rng.skewed(Population.FARMS - Population.SPAM_FARMS, 0.6);
                if (!farms.contains(farm)) {
                    farms.add(farm);
                }
            }
        }
        double growth = Math.max(-0.4, Math.min(2.0, rng.normal() * 0.35 + (followers < 5000 ? 0.5 : 0.3)));
        double noise = Math.max(0.0003, Math.min(MAX_NOISE, rng.lognormal(0.0015, 0.5)));
        List<AccountPlan.SpikePlan> spikes = new ArrayList<>();
        int days = config.historyDays();
        if (bought && days >= 21 && rng.chance(0.5)) {
            int count = rng.chance(0.7) ? 1 : 2;
            while (spikes.size() < count) {
                int d = rng.intBetween(3, days - 8);
                boolean apart = spikes.stream().allMatch(s -> Math.abs(s.daysBefore() - d) >= 7);
                if (apart) {
                    spikes.add(
                            new AccountPlan.SpikePlan(d, round4(rng.between(MIN_SPIKE, 0.35)), rng.between(0, 0.15)));
                }
            }
            spikes.sort((a, b) -> Integer.compare(b.daysBefore(), a.daysBefore()));
        }
        return new AccountPlan.FollowerPlan(
                bought, round4(fakeShare), List.copyOf(farms), round4(growth), round4(noise), List.copyOf(spikes));
    }

    private static AccountPlan.Engagement engagement(Rng rng, Platform platform, long followers, double fakeShare) {
        double expected = EngagementModel.expectedRate(platform, followers);
        double median =
                expected * rng.lognormal(1, EngagementModel.CREATOR_SIGMA) * (1 - fakeShare) / (1 - TYPICAL_FAKE_SHARE);
        double sigma = Math.max(0.15, Math.min(1.2, rng.lognormal(EngagementModel.MEDIAN_POST_SIGMA, 0.3)));
        double likesPerComment = EngagementModel.likesPerComment(platform, followers) * rng.lognormal(1, 0.4);
        double shares = switch (platform) {
            case TIKTOK -> rng.lognormal(0.035, 0.5);
            case BLUESKY -> rng.lognormal(0.12, 0.5);
            default -> 0;
        };
        double saves = platform == Platform.TIKTOK ? rng.lognormal(0.05, 0.5) : 0;
        double viewFactor = rng.lognormal(1, 0.3);
        return new AccountPlan.Engagement(
                round6(expected),
                round6(Math.min(0.9, median)),
                round4(sigma),
                round4(likesPerComment),
                round4(shares),
                round4(saves),
                round4(viewFactor));
    }

    private AccountPlan.Posting posting(Rng rng, CreatorIdentity identity, Platform platform, Tier tier) {
        int maxPosts = (1 << PlatformIds.POST_INDEX_BITS) - 1;
        int postCount =
                (int) Math.max(1, Math.min(maxPosts, Math.round(rng.lognormalWithMean(config.postsPerCreator(), 0.5))));
        double interval = switch (platform) {
            case INSTAGRAM -> 3.5;
            case TIKTOK -> 2.0;
            case YOUTUBE -> 6.0;
            case BLUESKY, TWITTER, MASTODON -> 1.2;
        };
        interval = Math.max(0.3, Math.min(30, interval * rng.lognormal(1, 0.5)));
        double tags = switch (platform) {
            case INSTAGRAM -> 6;
            case TIKTOK -> 4;
            case YOUTUBE -> 2;
            case BLUESKY, TWITTER, MASTODON -> 0.6;
        };
        double hashtagMean = rng.chance(0.15) ? 0 : tags * rng.lognormal(1, 0.5);
        double videoShare = switch (platform) {
            case INSTAGRAM -> rng.between(0.2, 0.7);
            case TIKTOK -> 1;
            case YOUTUBE -> rng.between(0, 0.7);
            case BLUESKY, TWITTER, MASTODON -> 0.05;
        };
        double invite = rng.beta(2, 4);
        double r = rng.uniform();
        double sponsored =
                r < 0.60 ? rng.between(0, 0.06) : r < 0.90 ? rng.between(0.06, 0.25) : rng.between(0.35, 0.75);
        double tierScale = switch (tier) {
            case NANO -> 0.6;
            case MICRO -> 1.0;
            case MID -> 1.2;
            case MACRO, MEGA -> 1.3;
        };
        sponsored = Math.min(0.85, sponsored * tierScale);
        double disclosure = rng.chance(0.85) ? 1 : rng.between(0.4, 0.9);
        double paidLabel = platform == Platform.INSTAGRAM ? rng.between(0.2, 0.8) : 0;
        int pct = DISCOUNTS[rng.below(DISCOUNTS.length)];
        String code = Handles.ascii(identity.firstName()).toUpperCase(Locale.ROOT) + pct;
        List<String> brands =
                new ArrayList<>(phrases.niche(identity.primaryNiche()).brands());
        List<String> partners = new ArrayList<>();
        int n = rng.intBetween(1, 3);
        while (partners.size() < n) {
            partners.add(brands.remove(rng.below(brands.size())));
        }
        return new AccountPlan.Posting(
                postCount,
                round4(interval),
                round4(hashtagMean),
                round4(videoShare),
                round4(invite),
                round4(sponsored),
                round4(disclosure),
                round4(paidLabel),
                code,
                pct,
                List.copyOf(partners));
    }

    private static AccountPlan.Conversation conversation(Rng rng, long followers, Tier tier) {
        double mean = switch (tier) {
            case NANO -> 0.55;
            case MICRO -> 0.42;
            case MID -> 0.25;
            case MACRO -> 0.12;
            case MEGA -> 0.06;
        };
        double propensity = rng.beta(4 * mean, 4 * (1 - mean));
        double delay = Math.max(0.2, Math.min(72, rng.lognormal(4, 1.0)));
        double delaySigma = rng.between(0.6, 1.3);
        double scale = StrictMath.log10(Math.max(100, followers) / 100.0);
        int core = (int) Math.max(3, Math.min(60, Math.round((4 + 3 * scale) * rng.lognormal(1, 0.3))));
        double coreShare = rng.beta(2, 3) * (tier == Tier.NANO || tier == Tier.MICRO ? 1.0 : 0.6);
        return new AccountPlan.Conversation(
                round4(propensity), round4(delay), round4(delaySigma), core, round4(coreShare));
    }

    private static AccountPlan.Cohesion cohesion(Rng rng, Niche niche, Tier tier) {
        double sizeFactor = switch (tier) {
            case NANO -> 1.3;
            case MICRO -> 1.0;
            default -> 0.6;
        };
        boolean tight = rng.chance(niche.tightKnit() * sizeFactor);
        double pIn = tight ? rng.between(0.015, 0.045) : rng.between(0.002, 0.008);
        double pOut = pIn * rng.between(0.03, 0.12);
        double reciprocity = tight ? rng.between(0.35, 0.6) : rng.between(0.15, 0.4);
        double closure = tight ? TIGHT_CLOSURE : LOOSE_CLOSURE;
        return new AccountPlan.Cohesion(tight, round6(pIn), round6(pOut), round4(reciprocity), closure);
    }

    private AccountPlan.Profile profile(
            Rng rng, CreatorIdentity identity, Platform platform, String handle, Tier tier, int postCount) {
        PhraseBank.Language lang = phrases.language(identity.language());
        PhraseBank.NicheText text = phrases.niche(identity.primaryNiche()).in(identity.language());
        String bio = rng.pick(lang.bios())
                .replace("{tagline}", rng.pick(text.taglines()))
                .replace("{city}", rng.pick(phrases.cities(identity.country())))
                .replace("{contact}", rng.pick(lang.contacts()));
        long following = Math.max(20, Math.min(7500, Math.round(rng.lognormal(600, 0.7))));
        long postsCount = postCount + Math.round(rng.lognormal(150, 1.0));
        double verifiedChance = switch (tier) {
            case NANO -> 0.005;
            case MICRO -> 0.02;
            case MID -> 0.10;
            case MACRO -> 0.40;
            case MEGA -> 0.70;
        };
        boolean verified = rng.chance(verifiedChance);
        boolean business = false;
        boolean creator = false;
        if (platform == Platform.INSTAGRAM) {
            double r = rng.uniform();
            creator = r < 0.55;
            business = !creator && r < 0.80;
        }
        String url =
                rng.chance(0.6) ? LINK_SITES[rng.below(LINK_SITES.length)] + handle.replace(".bsky.social", "") : null;
        // Contact addresses use the reserved example.com domain: the product sends outreach mail.
        String email = rng.chance(tier == Tier.NANO ? 0.2 : 0.45)
                ? Handles.ascii(identity.firstName()) + "." + Handles.ascii(identity.lastName())
                        + (business ? ".business" : ".collabs") + "@example.com"
                : null;
        return new AccountPlan.Profile(
                identity.displayName(), bio, following, postsCount, verified, business, creator, url, email);
    }

    /** The mean fake share of the mixture, which a pooled follower sample should reproduce. */
    static double expectedFakeShare() {
        double background =
                BACKGROUND_MIN + BACKGROUND_SPAN * BACKGROUND_BETA_A / (BACKGROUND_BETA_A + BACKGROUND_BETA_B);
        return (1 - BOUGHT_SHARE) * background + BOUGHT_SHARE * (BOUGHT_MIN + BOUGHT_MAX) / 2;
    }

    static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
