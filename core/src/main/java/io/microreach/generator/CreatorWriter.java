package io.microreach.generator;

import io.microreach.domain.Account;
import io.microreach.domain.Captions;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates everything about one creator — per account: the account record, its follower history, its posts (the
 * most recent ones with their comments), its follower sample and the follows among the sample — and its ground-truth
 * lines. Holds nothing between creators except the pod cache, so memory stays flat however many creators there are.
 *
 * <p>Per post: the engagement rate is the planted median times a lognormal post factor (times 0.75 when sponsored)
 * applied to the followers of the posting day; the engagement count is split into likes, comments, shares and saves
 * by the planted ratios, with inviting captions drawing more comments; video posts get views from a per-view
 * engagement rate; pod members add a comment and a like each.
 */
final class CreatorWriter {
    /** Relative posting frequency per local hour: quiet at night, peaks at breakfast, lunch and in the evening. */
    private static final double[] HOUR_WEIGHTS = {
        0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.4, 1.0, 1.3, 1.0, 0.8, 0.9, 1.4, 1.2, 0.9, 0.8, 1.0, 1.4, 1.8, 2.0, 2.0, 1.6,
        1.0, 0.6
    };

    private final GeneratorConfig config;
    private final Instant now;
    private final PlatformIds ids;
    private final Identities identities;
    private final Pods pods;
    private final AccountPlanner planner;
    private final Population population;
    private final CaptionWriter captions;
    private final CommentWriter comments;

    CreatorWriter(GeneratorConfig config, PhraseBank phrases) {
        this.config = config;
        this.now = config.now();
        this.ids = new PlatformIds(config.seed());
        this.identities = new Identities(config.seed(), phrases, ids);
        this.pods = new Pods(config.seed(), identities);
        this.planner = new AccountPlanner(config, phrases, ids);
        this.population = new Population(config.seed(), phrases, ids);
        this.captions = new CaptionWriter(phrases);
        this.comments = new CommentWriter(phrases, population, ids, now);
    }

    /** Post-level counts for the ground truth. */
    static final class PostTally {
        int posts;
        int sponsored;
        int disclosedSponsored;
        int paidPartnershipLabels;
        int inviting;
        int questions;
        int callsToComment;
        int tips;
        int commentedPosts;
    }

    /** What the follower sample turned out to hold. */
    record SampleTally(
            int size, int fakes, List<String> fakeIds, int realNodes, int blocksUsed, long edges, long closedPairs) {}

    void write(int index, Consumer<DataRecord> sink, GroundTruthWriter truth) throws IOException {
        CreatorIdentity identity = identities.of(index);
        Pods.Pod pod = pods.of(index);
        long primaryFollowers = 0;
        for (int slot = 0; slot < identity.accounts(); slot++) {
            AccountPlan plan = planner.plan(identity, slot, primaryFollowers, pod);
            if (slot == 0) {
                primaryFollowers = plan.followers();
            }
            account(plan, sink, truth);
        }
    }

    private void account(AccountPlan plan, Consumer<DataRecord> sink, GroundTruthWriter truth) throws IOException {
        FollowerHistory history = new FollowerHistory(
                plan, now, config.historyDays(), Rng.of(config.seed(), Streams.HISTORY, plan.accountIndex()));
        AccountPlan.Profile p = plan.profile();
        sink.accept(new Account(
                plan.platform(),
                plan.accountId(),
                plan.handle(),
                p.displayName(),
                p.bio(),
                plan.identity().country().name(),
                plan.identity().language(),
                plan.followers(),
                p.following(),
                p.postsCount(),
                p.verified(),
                p.business(),
                p.creatorAccount(),
                p.externalUrl(),
                p.email(),
                plan.identity().creatorKey(),
                now));
        LocalDate day = history.firstDate();
        for (long count : history.counts()) {
            sink.accept(new FollowerCount(plan.platform(), plan.accountId(), day, count));
            day = day.plusDays(1);
        }
        List<CommentWriter.Commenter> podMembers = podMembers(plan);
        PostTally posts = new PostTally();
        CommentWriter.Tally commentTally = new CommentWriter.Tally();
        posts(plan, history, podMembers, posts, commentTally, sink);
        SampleTally sample = sample(plan, sink);
        truth.write(plan, history, posts, commentTally, sample, podMembers);
    }

    private List<CommentWriter.Commenter> podMembers(AccountPlan plan) {
        if (plan.pod() == null) {
            return List.of();
        }
        List<CommentWriter.Commenter> out = new ArrayList<>();
        for (int member : plan.pod().members()) {
            if (member == plan.identity().index()) {
                continue;
            }
            CreatorIdentity other = identities.of(member);
            long key = PlatformIds.accountKey(PlatformIds.KIND_CREATOR, PlatformIds.creatorAccountIndex(member, 0));
            out.add(new CommentWriter.Commenter(ids.account(plan.pod().platform(), key), other.handle(0)));
        }
        return out;
    }

    private void posts(
            AccountPlan plan,
            FollowerHistory history,
            List<CommentWriter.Commenter> podMembers,
            PostTally tally,
            CommentWriter.Tally commentTally,
            Consumer<DataRecord> sink) {
        Rng rng = Rng.of(config.seed(), Streams.POSTS, plan.accountIndex());
        Rng commentRng = Rng.of(config.seed(), Streams.COMMENTS, plan.accountIndex());
        AccountPlan.Posting posting = plan.posting();
        long[] core = new long[plan.conversation().coreSize()];
        for (int i = 0; i < core.length; i++) {
            core[i] = plan.audience().draw(commentRng).personKey();
        }
        int offset = plan.identity().country().utcOffsetHours();
        Instant cursor = now.minusSeconds(Math.round(86_400 * posting.meanIntervalDays() * rng.between(0.05, 1.0)));
        Instant previous = now;
        for (int k = 0; k < posting.postCount(); k++) {
            Instant published = localTime(cursor, offset, rng);
            if (!published.isBefore(previous.minusSeconds(3600))) {
                published = cursor;
            }
            previous = published;
            double gapDays = Math.max(2.0 / 24, posting.meanIntervalDays() * rng.lognormal(1, 0.6));
            cursor = published.minusSeconds(Math.round(gapDays * 86_400));

            PostFormat format = format(plan.platform(), posting.videoShare(), rng);
            CaptionWriter.Invitation invitation = CaptionWriter.Invitation.NONE;
            if (rng.chance(posting.inviteShare())) {
                double r = rng.uniform();
                invitation = r < 0.4
                        ? CaptionWriter.Invitation.QUESTION
                        : r < 0.7 ? CaptionWriter.Invitation.CALL_TO_COMMENT : CaptionWriter.Invitation.TIPS;
            }
            boolean sponsored = rng.chance(posting.sponsoredShare());
            CaptionWriter.Caption caption = captions.write(plan, format, invitation, sponsored, rng);
            Boolean paidLabel = null;
            if (plan.platform() == Platform.INSTAGRAM) {
                paidLabel = sponsored && rng.chance(posting.paidLabelRate());
            }

            long followersAt = history.followersAt(published);
            boolean inviting = invitation != CaptionWriter.Invitation.NONE;
            List<CommentWriter.Commenter> participants = new ArrayList<>();
            for (CommentWriter.Commenter m : podMembers) {
                if (rng.chance(plan.pod().participation())) {
                    participants.add(m);
                }
            }
            PostCounts counts = counts(plan, format, sponsored, inviting, followersAt, participants.size(), rng);

            long postKey = PlatformIds.postKey(plan.accountIndex(), k);
            String postId = ids.post(plan.platform(), postKey, plan.accountId(), published);
            List<Comment> records = List.of();
            if (k < config.commentedPosts()) {
                records = comments.write(
                        plan,
                        postKey,
                        postId,
                        published,
                        caption.topic(),
                        inviting,
                        counts.organicComments(),
                        participants,
                        core,
                        commentTally,
                        commentRng);
                tally.commentedPosts++;
            }
            long reportedComments = Math.max(counts.organicComments() + participants.size(), records.size());
            Platform platform = plan.platform();
            sink.accept(new Post(
                    platform,
                    postId,
                    plan.accountId(),
                    published,
                    format,
                    caption.text(),
                    Captions.hashtags(caption.text()),
                    Captions.mentions(caption.text()),
                    counts.likes(),
                    reportedComments,
                    platform == Platform.TIKTOK || platform == Platform.BLUESKY ? counts.shares() : null,
                    platform == Platform.TIKTOK ? counts.saves() : null,
                    counts.views(),
                    followersAt,
                    paidLabel,
                    url(plan, postId, format)));
            records.forEach(sink);

            tally.posts++;
            if (sponsored) {
                tally.sponsored++;
                if (caption.disclosed()) {
                    tally.disclosedSponsored++;
                }
                if (Boolean.TRUE.equals(paidLabel)) {
                    tally.paidPartnershipLabels++;
                }
            }
            switch (invitation) {
                case QUESTION -> tally.questions++;
                case CALL_TO_COMMENT -> tally.callsToComment++;
                case TIPS -> tally.tips++;
                case NONE -> {}
            }
            if (inviting) {
                tally.inviting++;
            }
        }
    }

    /** Interaction counts of one post; {@code views} is null where the format has none. */
    private record PostCounts(long likes, long organicComments, long shares, long saves, Long views) {}

    private static PostCounts counts(
            AccountPlan plan,
            PostFormat format,
            boolean sponsored,
            boolean inviting,
            long followersAt,
            int podComments,
            Rng rng) {
        AccountPlan.Engagement eng = plan.engagement();
        double er = eng.medianEr()
                * StrictMath.exp(eng.erSigma() * rng.normal())
                * (sponsored ? EngagementModel.SPONSORED_FACTOR : 1);
        long total = rng.poisson(er * followersAt);
        double commentWeight = (inviting ? EngagementModel.INVITING_COMMENT_BOOST : 1)
                * rng.lognormalWithMean(1, EngagementModel.COMMENT_DISPERSION)
                / eng.likesPerComment();
        double weightSum = 1 + commentWeight + eng.sharesPerLike() + eng.savesPerLike();
        long comments = Math.min(total, rng.poisson(total * commentWeight / weightSum));
        long shares = rng.poisson(total * eng.sharesPerLike() / weightSum);
        long saves = rng.poisson(total * eng.savesPerLike() / weightSum);
        // Pod members like what they comment on.
        long likes = Math.max(0, total - comments - shares - saves) + podComments;
        Long views = null;
        double perView = EngagementModel.ratePerView(plan.platform(), format);
        if (!Double.isNaN(perView)) {
            double rate = perView * eng.viewRateFactor() * rng.lognormal(1, 0.25);
            views = Math.max(likes + comments, Math.round(total / rate));
        }
        return new PostCounts(likes, comments, shares, saves, views);
    }

    /** Moves a time to a typical posting hour of the creator's local day (same local date). */
    private static Instant localTime(Instant cursor, int offsetHours, Rng rng) {
        LocalDate localDay = LocalDate.ofInstant(cursor.plusSeconds(3600L * offsetHours), ZoneOffset.UTC);
        int hour = rng.weighted(HOUR_WEIGHTS);
        long seconds = localDay.toEpochDay() * 86_400 + hour * 3600L + rng.below(3600) - 3600L * offsetHours;
        return Instant.ofEpochSecond(seconds);
    }

    private static PostFormat format(Platform platform, double videoShare, Rng rng) {
        return switch (platform) {
            case INSTAGRAM ->
                rng.chance(videoShare) ? PostFormat.REEL : rng.chance(0.4) ? PostFormat.CAROUSEL : PostFormat.PHOTO;
            case TIKTOK -> PostFormat.VIDEO;
            case YOUTUBE -> rng.chance(videoShare) ? PostFormat.SHORT : PostFormat.VIDEO;
            case BLUESKY, TWITTER, MASTODON ->
                rng.chance(videoShare) ? PostFormat.VIDEO : rng.chance(0.37) ? PostFormat.PHOTO : PostFormat.TEXT;
        };
    }

    private static String url(AccountPlan plan, String postId, PostFormat format) {
        return switch (plan.platform()) {
            case INSTAGRAM ->
                "https://www.instagram.com/" + (format == PostFormat.REEL ? "reel/" : "p/") + postId + "/";
            case TIKTOK -> "https://www.tiktok.com/@" + plan.handle() + "/video/" + postId;
            case YOUTUBE ->
                format == PostFormat.SHORT
                        ? "https://www.youtube.com/shorts/" + postId
                        : "https://www.youtube.com/watch?v=" + postId;
            case BLUESKY, TWITTER, MASTODON ->
                "https://bsky.app/profile/" + plan.handle() + "/post/" + postId.substring(postId.lastIndexOf('/') + 1);
        };
    }

    private SampleTally sample(AccountPlan plan, Consumer<DataRecord> sink) {
        Rng rng = Rng.of(config.seed(), Streams.SAMPLE, plan.accountIndex());
        AccountPlan.FollowerPlan fp = plan.followerPlan();
        Set<Long> seen = new HashSet<>();
        List<FollowGraph.Node> nodes = new ArrayList<>();
        List<String> fakeIds = new ArrayList<>();
        Set<Integer> blocks = new HashSet<>();
        Instant sampledAt = now;
        for (int s = 0; s < config.followerSampleSize(); s++) {
            boolean fake = rng.chance(fp.fakeShare());
            Population.Person person = null;
            int block = -1;
            for (int attempt = 0; attempt < 50 && person == null; attempt++) {
                long raw;
                long key;
                if (fake) {
                    int farm = fp.bought() && rng.chance(0.8)
                            ? fp.botFarms().get(rng.below(fp.botFarms().size()))
                            : rng.below(Population.SPAM_FARMS);
                    raw = Population.botKey(farm, rng.below(Population.FARM_SIZE));
                    key = PlatformIds.accountKey(PlatformIds.KIND_BOT, raw);
                } else {
                    AudienceMix.Draw d = plan.audience().draw(rng);
                    raw = d.personKey();
                    key = PlatformIds.accountKey(PlatformIds.KIND_PERSON, raw);
                    block = d.block();
                }
                if (seen.add(key)) {
                    person = fake ? population.bot(raw) : population.person(raw);
                }
            }
            if (person == null) {
                continue;
            }
            String id = population.id(person, plan.platform());
            sink.accept(population.sample(person, plan.platform(), plan.accountId(), sampledAt));
            if (fake) {
                fakeIds.add(id);
            } else {
                nodes.add(new FollowGraph.Node(id, block));
                blocks.add(block);
            }
        }
        FollowGraph.Written graph = FollowGraph.write(
                plan.platform(),
                plan.accountId(),
                nodes,
                plan.cohesion(),
                Rng.of(config.seed(), Streams.GRAPH, plan.accountIndex()),
                sink::accept);
        return new SampleTally(
                nodes.size() + fakeIds.size(),
                fakeIds.size(),
                List.copyOf(fakeIds),
                nodes.size(),
                blocks.size(),
                graph.edges(),
                graph.closedPairs());
    }
}
