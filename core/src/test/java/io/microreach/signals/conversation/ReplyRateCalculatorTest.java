package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Comment;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyRateCalculatorTest {
    /** Every sample size counts, so that small hand-built cases get a rate. */
    static final ReplySettings ANY_SIZE = new ReplySettings(Duration.ofDays(7), 30, 1, 10, 1, 10);

    final ReplyRateCalculator calculator = new ReplyRateCalculator(ANY_SIZE);
    final Threads t = new Threads();

    @Test
    void answeredWithinSevenDaysOverSettledComments() {
        String p = t.post(20);
        String a = t.comment(p, "u1", 400);
        String b = t.comment(p, "u2", 300);
        String c = t.comment(p, "u3", 250);
        t.creatorReply(a, 1);
        t.creatorReply(b, 3);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.available()).isTrue();
        assertThat(r.rate().successes()).isEqualTo(2);
        assertThat(r.rate().sampleSize()).isEqualTo(3);
        assertThat(r.medianDelayHours()).isCloseTo(2.0, within(1e-9));
        assertThat(r.answeredCommentIds()).containsExactly(a, b);
        assertThat(r.unansweredCommentIds()).containsExactly(c);
        assertThat(r.commenters()).isEqualTo(3);
        assertThat(r.answeredCommenters()).isEqualTo(2);
        assertThat(r.observedAt()).isEqualTo(Threads.NOW);
        assertThat(r.unavailableReason()).isNull();
    }

    @Test
    void medianOfAnOddNumberIsTheMiddleDelayAndTheEarliestReplyCounts() {
        String p = t.post(20);
        String a = t.comment(p, "u1", 400);
        String b = t.comment(p, "u2", 400);
        String c = t.comment(p, "u3", 400);
        t.creatorReply(a, 10);
        t.creatorReply(a, 0.5); // the earlier of two replies sets the delay
        t.creatorReply(b, 2);
        t.creatorReply(c, 30);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().successes()).isEqualTo(3);
        assertThat(r.medianDelayHours()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aReplyAfterSevenDaysIsLateAndExactlySevenDaysStillCounts() {
        String p = t.post(30);
        String late = t.comment(p, "u1", 600);
        String onTime = t.comment(p, "u2", 600);
        t.creatorReply(late, 7 * 24 + 0.01);
        t.creatorReply(onTime, 7 * 24);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().successes()).isEqualTo(1);
        assertThat(r.answeredCommentIds()).containsExactly(onTime);
        assertThat(r.lateReplies()).isEqualTo(1);
    }

    @Test
    void commentsYoungerThanSevenDaysAreCensoredEvenWhenAnswered() {
        String p = t.post(10);
        String old = t.comment(p, "u1", 8 * 24);
        String young = t.comment(p, "u2", 3 * 24);
        String youngAnswered = t.comment(p, "u3", 2 * 24);
        t.creatorReply(youngAnswered, 1);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().sampleSize()).isEqualTo(1);
        assertThat(r.rate().successes()).isZero();
        assertThat(r.unsettledComments()).isEqualTo(2);
        assertThat(r.unansweredCommentIds()).containsExactly(old).doesNotContain(young);
    }

    @Test
    void onlyYoungCommentsMakeTheRateUnavailable() {
        String p = t.post(2);
        t.comment(p, "u1", 30);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.available()).isFalse();
        assertThat(r.confidence()).isEqualTo(Confidence.NONE);
        assertThat(r.unavailableReason()).contains("younger than 7 days");
        assertThat(r.unsettledComments()).isEqualTo(1);
    }

    @Test
    void noPostsNoCommentsAndDisabledCommentsAreUnavailableWithTheirReason() {
        assertThat(calculator.measure(t.activity()).unavailableReason()).isEqualTo("no posts in the window");

        t.post(20, "hello", null);
        t.post(21, "hello", 0L);
        ReplyRate disabled = calculator.measure(t.activity());
        assertThat(disabled.available()).isFalse();
        assertThat(disabled.unavailableReason()).contains("comments disabled or none written");

        t.post(22, "hello", 12L);
        assertThat(calculator.measure(t.activity()).unavailableReason())
                .isEqualTo("the posts report comments but no comment records were collected");
    }

    @Test
    void theCreatorsOwnTopLevelCommentsAreNotCounted() {
        String p = t.post(20);
        t.add(p, Threads.CREATOR_ID, Threads.CREATOR, "link in bio", 400, null);
        assertThat(calculator.measure(t.activity()).unavailableReason()).contains("only the creator's own");

        String fan = t.comment(p, "u1", 400);
        ReplyRate r = calculator.measure(t.activity());
        assertThat(r.rate().sampleSize()).isEqualTo(1);
        assertThat(r.unansweredCommentIds()).containsExactly(fan);
    }

    @Test
    void aReplyToADeletedCommentIsAnOrphanOutsideTheRate() {
        String p = t.post(20);
        String a = t.comment(p, "u1", 400);
        t.creatorReply(a, 1);
        t.add(p, Threads.CREATOR_ID, Threads.CREATOR, "thanks!", 390, "deleted-comment");

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.orphanReplies()).isEqualTo(1);
        assertThat(r.rate().successes()).isEqualTo(1);
        assertThat(r.rate().sampleSize()).isEqualTo(1);
    }

    @Test
    void aCreatorWhoOnlyAnswersOneFanShowsInTheAnsweredCommenters() {
        String p = t.post(20);
        for (int i = 0; i < 4; i++) {
            t.creatorReply(t.comment(p, "fan", 400 - i), 1);
            t.comment(p, "other" + i, 400 - i);
        }

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().estimate()).isEqualTo(0.5);
        assertThat(r.commenters()).isEqualTo(5);
        assertThat(r.answeredCommenters()).isEqualTo(1);
    }

    @Test
    void aMentionInATopLevelCommentIsShownButNotCountedAsAReply() {
        String p = t.post(20);
        t.comment(p, "u1", 400);
        t.add(p, Threads.CREATOR_ID, Threads.CREATOR, "thanks @u1 and all!", 399, null);
        t.comment(p, "u2", 400);
        t.add(p, Threads.CREATOR_ID, Threads.CREATOR, "@u22 welcome", 399, null); // another handle

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().successes()).isZero();
        assertThat(r.mentionOnlyAnswers()).isEqualTo(1);
    }

    @Test
    void aCreatorReplyDeeperInTheThreadDoesNotAnswerTheTopLevelComment() {
        String p = t.post(20);
        String top = t.comment(p, "u1", 400);
        String other = t.reply(p, "u2", top, 399);
        t.creatorReply(other, 1);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().successes()).isZero();
        assertThat(r.rate().sampleSize()).isEqualTo(1);
    }

    @Test
    void creatorIsRecognisedByHandleWhenTheIdIsMissing() {
        String p = t.post(20);
        String a = t.comment(p, "u1", 400);
        t.add(p, null, "LENA", "thanks", 399, a);
        t.comments.set(t.comments.size() - 1, withoutAuthorId(t.comments.get(t.comments.size() - 1)));

        assertThat(calculator.measure(t.activity()).rate().successes()).isEqualTo(1);
    }

    @Test
    void onlyThePostsOfTheWindowCount() {
        String recent = t.post(20);
        String old = t.post(40);
        t.comment(recent, "u1", 400);
        t.comment(old, "u2", 900);

        ReplyRate r = new ReplyRateCalculator(ANY_SIZE.withMaxPosts(1)).measure(t.activity());

        assertThat(r.rate().sampleSize()).isEqualTo(1);
    }

    @Test
    void withoutAnObservationTimeTheLatestTimestampStandsIn() {
        t.observedAt = null;
        String p = t.post(20);
        String a = t.comment(p, "u1", 400);
        t.comment(p, "u2", 24); // latest timestamp: 24 h ago; u1's comment is settled, this one not

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.observedAt()).isEqualTo(Threads.at(24));
        assertThat(r.rate().sampleSize()).isEqualTo(1);
        assertThat(r.unansweredCommentIds()).containsExactly(a);
        assertThat(calculator
                        .measure(t.activity(), Threads.NOW.plus(Duration.ofDays(30)))
                        .rate()
                        .sampleSize())
                .isEqualTo(2);
    }

    @Test
    void belowTheMinimumTheRateIsUnavailableAndTheDelayNeedsEnoughAnswers() {
        String p = t.post(20);
        for (int i = 0; i < 4; i++) {
            t.creatorReply(t.comment(p, "u" + i, 400), 2);
        }
        ReplyRate few = new ReplyRateCalculator().measure(t.activity());
        assertThat(few.available()).isFalse();
        assertThat(few.unavailableReason()).isEqualTo("only 4 settled comment(s) by others; at least 5 are needed");
        assertThat(few.answeredCommentIds()).hasSize(4);

        t.comment(p, "u9", 400);
        ReplyRate enough = new ReplyRateCalculator().measure(t.activity());
        assertThat(enough.rate().estimate()).isEqualTo(0.8);
        assertThat(enough.confidence()).isEqualTo(Confidence.LOW);
        assertThat(enough.medianDelayHours()).isCloseTo(2.0, within(1e-9));

        ReplySettings strictDelay = new ReplySettings(Duration.ofDays(7), 30, 5, 50, 5, 10);
        assertThat(new ReplyRateCalculator(strictDelay).measure(t.activity()).medianDelayHours())
                .isNull();
    }

    @Test
    void aReplyStampedBeforeItsCommentHasZeroDelay() {
        String p = t.post(20);
        String a = t.comment(p, "u1", 400);
        t.creatorReply(a, -0.1);

        ReplyRate r = calculator.measure(t.activity());

        assertThat(r.rate().successes()).isEqualTo(1);
        assertThat(r.medianDelayHours()).isZero();
    }

    @Test
    void settingsRejectNonsense() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplySettings(Duration.ZERO, 30, 5, 50, 3, 10));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplySettings(Duration.ofDays(7), 30, 5, 4, 3, 10));
    }

    /**
     * Property: on random threads (random ages, reply delays, deleted parents, creator top-level comments, nested
     * replies) the calculator agrees with a brute-force reference written straight from the definition.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void agreesWithABruteForceReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Threads threads = new Threads();
        int posts = 1 + rnd.nextInt(6);
        List<String> postIds = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            postIds.add(threads.post(i * 2 + rnd.nextDouble(2)));
        }
        for (int i = 0; i < 10 + rnd.nextInt(40); i++) {
            String post = postIds.get(rnd.nextInt(posts));
            double age = rnd.nextDouble(20 * 24);
            if (rnd.nextInt(10) == 0) {
                threads.add(post, Threads.CREATOR_ID, Threads.CREATOR, "hi all", age, null);
                continue;
            }
            String c = threads.comment(post, "u" + rnd.nextInt(8), age);
            int replies = rnd.nextInt(3);
            for (int r = 0; r < replies; r++) {
                double after = rnd.nextDouble(12 * 24);
                if (after < age) {
                    threads.creatorReply(c, after);
                }
            }
            if (rnd.nextInt(5) == 0 && age > 1) {
                threads.reply(post, "u" + rnd.nextInt(8), c, age - 1);
            }
            if (rnd.nextInt(8) == 0) {
                threads.add(post, Threads.CREATOR_ID, Threads.CREATOR, "ty", age / 2, "gone-" + c);
            }
        }
        AccountActivity activity = threads.activity();

        ReplyRate r = calculator.measure(activity);
        Reference ref = reference(activity, Threads.NOW, Duration.ofDays(7));

        if (ref.settled == 0) {
            assertThat(r.available()).isFalse();
            return;
        }
        assertThat(r.rate().sampleSize()).isEqualTo(ref.settled);
        assertThat(r.rate().successes()).isEqualTo(ref.delays.size());
        assertThat(r.orphanReplies()).isEqualTo(ref.orphans);
        if (ref.delays.isEmpty()) {
            assertThat(r.medianDelayHours()).isNull();
        } else {
            List<Double> sorted = new ArrayList<>(ref.delays);
            sorted.sort(null);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            assertThat(r.medianDelayHours()).isCloseTo(median, within(1e-9));
        }
    }

    private record Reference(long settled, List<Double> delays, int orphans) {}

    /** Straight from the definition, quadratic and without shortcuts. */
    private static Reference reference(AccountActivity a, Instant now, Duration window) {
        long settled = 0;
        List<Double> delays = new ArrayList<>();
        int orphans = 0;
        Map<String, Comment> byId = new HashMap<>();
        a.comments().forEach(c -> byId.put(c.platformId(), c));
        for (Comment c : a.comments()) {
            if (a.isByCreator(c) && c.parentPlatformId() != null && !byId.containsKey(c.parentPlatformId())) {
                orphans++;
            }
            if (c.parentPlatformId() != null || a.isByCreator(c)) {
                continue;
            }
            if (Duration.between(c.createdAt(), now).compareTo(window) < 0) {
                continue;
            }
            settled++;
            Double best = null;
            for (Comment r : a.comments()) {
                if (a.isByCreator(r) && c.platformId().equals(r.parentPlatformId())) {
                    double h = Math.max(
                            0, Duration.between(c.createdAt(), r.createdAt()).toMillis() / 3_600_000.0);
                    best = best == null ? h : Math.min(best, h);
                }
            }
            if (best != null && best <= window.toHours()) {
                delays.add(best);
            }
        }
        return new Reference(settled, delays, orphans);
    }

    private static Comment withoutAuthorId(Comment c) {
        return new Comment(
                c.platform(),
                c.platformId(),
                c.postPlatformId(),
                null,
                c.authorHandle(),
                c.text(),
                c.createdAt(),
                c.parentPlatformId(),
                c.likes());
    }
}
