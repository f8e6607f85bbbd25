package io.microreach.generator;

import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the comment records of one post. Top-level comments come from the creator's audience: with the planted
 * core share from the engaged core (a few dozen repeat commenters, popular ones more often), otherwise from anyone
 * in the audience; most arrive within hours (lognormal, median 3 h). Pod members comment generic praise 1–15 minutes
 * after publishing. The creator answers each top-level comment by someone else within 7 days with the planted
 * propensity, after a lognormal delay truncated to 7 days; a few comments get a late answer after more than 7 days,
 * which must not count as a reply within 7 days. Commenters sometimes thank the creator back and other fans answer
 * too. Nothing is written with a time after {@code now}, so answers to the most recent comments are censored exactly
 * as a crawl would see them.
 *
 * <p>Instagram, TikTok and YouTube show two levels (a reply to a reply hangs under the top-level comment and
 * mentions the person); Bluesky threads nest, so a thank-you there is a reply to the creator's reply.
 */
final class CommentWriter {
    /**
     * At most this many top-level audience comments are written per post; the post's comment count stays the full
     * number, as when a crawler fetches the first page of comments. Keeps the demo near 1.5 million lines.
     */
    static final int MAX_TOP_LEVEL = 5;

    static final double SEVEN_DAYS_HOURS = 168;
    private static final double LATE_REPLY = 0.04;
    private static final double FOLLOW_UP = 0.15;
    private static final double OTHER_REPLY = 0.06;

    /** A pod member as a commenter. */
    record Commenter(String id, String handle) {}

    /** Counts the ground truth needs, accumulated over an account's commented posts. */
    static final class Tally {
        long records;
        long topLevelByOthers;
        long repliedWithin7d;
        long settledTopLevel;
        long settledRepliedWithin7d;
        long lateReplies;
        long podComments;
        long questionComments;
    }

    private final PhraseBank phrases;
    private final Population population;
    private final PlatformIds ids;
    private final Instant now;

    CommentWriter(PhraseBank phrases, Population population, PlatformIds ids, Instant now) {
        this.phrases = phrases;
        this.population = population;
        this.ids = ids;
        this.now = now;
    }

    /** The post's comment records, in creation order of their threads. */
    List<Comment> write(
            AccountPlan plan,
            long postKey,
            String postId,
            Instant published,
            String topic,
            boolean inviting,
            long organicComments,
            List<Commenter> podParticipants,
            long[] core,
            Tally tally,
            Rng rng) {
        Platform platform = plan.platform();
        PhraseBank.Language lang = phrases.language(plan.identity().language());
        AccountPlan.Conversation conv = plan.conversation();
        PostThread thread = new PostThread(plan, postKey, postId);
        List<Comment> out = thread.out;

        for (Commenter member : podParticipants) {
            Instant at = published.plusSeconds(rng.intBetween(60, 900));
            String text = rng.chance(0.4) ? rng.pick(phrases.emojiOnly()) : rng.pick(phrases.podComments());
            Comment c = thread.add(member.id(), member.handle(), text, at, null, null, (long) rng.below(3));
            if (c != null) {
                tally.podComments++;
                replies(thread, c, member.handle(), false, lang, conv, tally, rng, false);
            }
        }

        double replyLoad = 1 + conv.replyPropensity() * (1 + FOLLOW_UP) + OTHER_REPLY;
        long topLevel = Math.min(MAX_TOP_LEVEL, Math.round(organicComments / replyLoad));
        if (organicComments > 0 && topLevel == 0) {
            topLevel = 1;
        }
        double questionShare = inviting ? 0.30 : 0.18;
        for (int i = 0; i < topLevel; i++) {
            Population.Person author = rng.chance(conv.coreShare()) && core.length > 0
                    ? population.person(core[rng.skewed(core.length, 0.5)])
                    : population.person(plan.audience().draw(rng).personKey());
            Instant at = published.plusSeconds(Math.round(3600 * rng.lognormal(3, 1.4)));
            double r = rng.uniform();
            boolean question = r < questionShare;
            String text;
            if (question) {
                text = rng.pick(lang.questionComments());
            } else if (r < questionShare + 0.35) {
                text = rng.pick(lang.genericComments());
            } else if (r < questionShare + 0.52) {
                text = rng.pick(phrases.emojiOnly());
            } else {
                text = rng.pick(lang.appreciationComments());
            }
            String handle = population.handle(author, platform);
            Comment c = thread.add(
                    population.id(author, platform),
                    handle,
                    text.replace("{topic}", topic),
                    at,
                    null,
                    null,
                    Math.max(0, Math.round(rng.lognormal(1, 1.2)) - 1));
            if (c != null) {
                if (question) {
                    tally.questionComments++;
                }
                replies(thread, c, handle, question, lang, conv, tally, rng, true);
            }
        }
        tally.records += out.size();
        return out;
    }

    private void replies(
            PostThread thread,
            Comment top,
            String commenterHandle,
            boolean question,
            PhraseBank.Language lang,
            AccountPlan.Conversation conv,
            Tally tally,
            Rng rng,
            boolean fromAudience) {
        AccountPlan plan = thread.plan;
        boolean settled = !top.createdAt().isAfter(now.minusSeconds((long) (SEVEN_DAYS_HOURS * 3600)));
        tally.topLevelByOthers++;
        if (settled) {
            tally.settledTopLevel++;
        }
        Comment creatorReply = null;
        if (rng.chance(conv.replyPropensity())) {
            double hours = truncatedDelay(conv, rng);
            List<String> bank = question && rng.chance(0.8) ? lang.creatorAnswers() : lang.creatorThanks();
            String text = rng.pick(bank).replace("{handle}", commenterHandle);
            creatorReply = thread.add(
                    plan.accountId(),
                    plan.handle(),
                    text,
                    top.createdAt().plusSeconds(Math.round(hours * 3600)),
                    top,
                    top.platformId(),
                    (long) rng.below(4));
            if (creatorReply != null) {
                tally.repliedWithin7d++;
                if (settled) {
                    tally.settledRepliedWithin7d++;
                }
            }
        } else if (rng.chance(LATE_REPLY)) {
            double hours = rng.between(SEVEN_DAYS_HOURS + 2, 3 * SEVEN_DAYS_HOURS);
            Comment late = thread.add(
                    plan.accountId(),
                    plan.handle(),
                    rng.pick(question ? lang.creatorAnswers() : lang.creatorThanks())
                            .replace("{handle}", commenterHandle),
                    top.createdAt().plusSeconds(Math.round(hours * 3600)),
                    top,
                    top.platformId(),
                    0L);
            if (late != null) {
                tally.lateReplies++;
            }
        }
        if (creatorReply != null && fromAudience && rng.chance(FOLLOW_UP)) {
            boolean nests = plan.platform() == Platform.BLUESKY;
            String text = rng.pick(lang.followUps());
            thread.add(
                    top.authorPlatformId(),
                    top.authorHandle(),
                    nests ? text : "@" + plan.handle() + " " + text,
                    creatorReply.createdAt().plusSeconds(Math.round(3600 * rng.lognormal(2, 1.0))),
                    top,
                    nests ? creatorReply.platformId() : top.platformId(),
                    0L);
        }
        if (fromAudience && rng.chance(OTHER_REPLY)) {
            Population.Person other =
                    population.person(plan.audience().draw(rng).personKey());
            thread.add(
                    population.id(other, plan.platform()),
                    population.handle(other, plan.platform()),
                    rng.pick(question ? lang.otherQuestionReplies() : lang.otherReplies())
                            .replace("{handle}", commenterHandle),
                    top.createdAt().plusSeconds(Math.round(3600 * rng.lognormal(5, 1.0))),
                    top,
                    top.platformId(),
                    0L);
        }
    }

    /** A delay from the planted lognormal, conditioned on being under 7 days. */
    private static double truncatedDelay(AccountPlan.Conversation conv, Rng rng) {
        for (int i = 0; i < 20; i++) {
            double h = rng.lognormal(conv.replyDelayMedianHours(), conv.replyDelaySigma());
            if (h < SEVEN_DAYS_HOURS - 0.05) {
                return Math.max(0.02, h);
            }
        }
        return rng.between(0.02, SEVEN_DAYS_HOURS - 0.05);
    }

    /** The records of one post, numbering comment ids and dropping anything that would lie in the future. */
    private final class PostThread {
        final AccountPlan plan;
        final long postKey;
        final String postId;
        final List<Comment> out = new ArrayList<>();
        int next;

        PostThread(AccountPlan plan, long postKey, String postId) {
            this.plan = plan;
            this.postKey = postKey;
            this.postId = postId;
        }

        Comment add(String authorId, String handle, String text, Instant at, Comment top, String parentId, Long likes) {
            if (!at.isBefore(now) || next >= (1 << PlatformIds.COMMENT_INDEX_BITS)) {
                return null;
            }
            long key = PlatformIds.commentKey(postKey, next++);
            String id = ids.comment(plan.platform(), key, top == null ? null : top.platformId(), authorId, at);
            Comment c = new Comment(plan.platform(), id, postId, authorId, handle, text, at, parentId, likes);
            out.add(c);
            return c;
        }
    }
}
