package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.domain.Platform;
import io.microreach.signals.GeneratedPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Planted truth: on generated data the signals must recover what the generator planted (docs/generator.md).
 * Targets: reply rate within ±2 percentage points of the realised settled rate on average and strongly correlated
 * with the planted propensity; inviting share vs {@code inviting_posts / count}; question comments vs
 * {@code question_comments}.
 */
class ConversationPlantedTruthTest {
    final List<GeneratedPool.Member> pool = PlantedPool.members();

    @Test
    void replyRateMatchesTheRealisedSettledRateAndFollowsThePropensity() {
        ReplyRateCalculator calculator = new ReplyRateCalculator();
        double absError = 0;
        int measured = 0;
        int exact = 0;
        List<double[]> rateVsPropensity = new ArrayList<>();
        List<double[]> delayVsPlanted = new ArrayList<>();
        for (GeneratedPool.Member m : pool) {
            ReplyRate r = calculator.measure(m.activity());
            JsonNode t = m.truth().get("replies");
            long settled = t.get("settled_top_level_by_others").asLong();
            if (settled < ReplySettings.DEFAULT.minimumComments()) {
                assertThat(r.available()).as(m.key()).isFalse();
                continue;
            }
            assertThat(r.available()).as(m.key()).isTrue();
            double truth = t.get("settled_replied_within_7d").asDouble() / settled;
            absError += Math.abs(r.rate().estimate() - truth);
            measured++;
            exact += r.rate().sampleSize() == settled
                            && r.rate().successes()
                                    == t.get("settled_replied_within_7d").asLong()
                    ? 1
                    : 0;
            if (settled >= 20) {
                rateVsPropensity.add(
                        new double[] {r.rate().estimate(), t.get("propensity").asDouble()});
            }
            if (r.medianDelayHours() != null && r.rate().successes() >= 10) {
                delayVsPlanted.add(new double[] {
                    Math.log(r.medianDelayHours()),
                    Math.log(t.get("delay_median_hours").asDouble())
                });
            }
        }
        double meanAbsError = absError / measured;
        double rhoPropensity = pearson(rateVsPropensity);
        double rhoDelay = pearson(delayVsPlanted);
        System.out.printf(
                Locale.ROOT,
                "reply rate: %d accounts measured, %d exact, mean |error| %.4f; r(rate, propensity) = %.3f on %d;"
                        + " r(log median delay, log planted median) = %.3f on %d%n",
                measured,
                exact,
                meanAbsError,
                rhoPropensity,
                rateVsPropensity.size(),
                rhoDelay,
                delayVsPlanted.size());
        assertThat(measured).isGreaterThan(200);
        assertThat(meanAbsError).isLessThan(0.02);
        assertThat(rhoPropensity).isGreaterThan(0.85);
        assertThat(rhoDelay).isGreaterThan(0.8);
    }

    @Test
    void lateRepliesAreSeenButNeverCounted() {
        ReplyRateCalculator calculator = new ReplyRateCalculator();
        long lateSeen = 0;
        long latePlanted = 0;
        for (GeneratedPool.Member m : pool) {
            ReplyRate r = calculator.measure(m.activity());
            lateSeen += r.lateReplies();
            latePlanted += m.truth().get("replies").get("late_replies").asLong();
        }
        // Late answers to unsettled comments are censored, so at most the planted number is seen.
        assertThat(lateSeen).isPositive().isLessThanOrEqualTo(latePlanted);
    }

    @Test
    void invitingShareMatchesThePlantedCaptions() {
        InteractionAnalyzer all = new InteractionAnalyzer(InteractionSettings.DEFAULT.withMaxPosts(Integer.MAX_VALUE));
        double absError = 0;
        int n = 0;
        for (GeneratedPool.Member m : pool) {
            InvitingCaptions c = all.analyze(m.activity()).captions();
            JsonNode posts = m.truth().get("posts");
            if (!c.available()) {
                continue;
            }
            double truth =
                    posts.get("inviting_posts").asDouble() / posts.get("count").asDouble();
            absError += Math.abs(c.share().estimate() - truth);
            n++;
            // Kinds overlap (a call to comment may also ask a question), so each kind is at least the planted count.
            assertThat(c.questionCaptions())
                    .isGreaterThanOrEqualTo(posts.get("question_posts").asInt());
            assertThat(c.callToCommentCaptions())
                    .isGreaterThanOrEqualTo(posts.get("call_to_comment_posts").asInt());
            assertThat(c.teachingCaptions())
                    .isGreaterThanOrEqualTo(posts.get("tips_posts").asInt());
        }
        System.out.printf(Locale.ROOT, "inviting share: %d accounts, mean |error| %.4f%n", n, absError / n);
        assertThat(n).isGreaterThan(350);
        assertThat(absError / n).isLessThan(0.02);
    }

    @Test
    void questionCommentsMatchThePlantedQuestions() {
        InteractionAnalyzer analyzer = new InteractionAnalyzer();
        long found = 0;
        long planted = 0;
        long comments = 0;
        for (GeneratedPool.Member m : pool) {
            QuestionComments q = analyzer.analyze(m.activity()).questions();
            JsonNode t = m.truth().get("replies");
            if (q.available()) {
                found += q.share().successes();
                planted += t.get("question_comments").asLong();
                comments += q.share().sampleSize();
                assertThat(q.share().sampleSize())
                        .isEqualTo(t.get("top_level_by_others").asLong());
            }
        }
        System.out.printf(
                Locale.ROOT, "question comments: %d found, %d planted, of %d comments%n", found, planted, comments);
        assertThat(comments).isGreaterThan(1000);
        assertThat((double) Math.abs(found - planted) / planted).isLessThan(0.02);
    }

    @Test
    void threadsNestOnBlueskyOnly() {
        InteractionAnalyzer analyzer = new InteractionAnalyzer();
        int blueskyDeep = 0;
        for (GeneratedPool.Member m : pool) {
            ThreadDepth d = analyzer.analyze(m.activity()).threads();
            boolean bluesky = m.activity().account().platform() == Platform.BLUESKY;
            assertThat(d.maxDepth()).as(m.key()).isLessThanOrEqualTo(bluesky ? 3 : 2);
            assertThat(d.orphanReplies()).isZero();
            if (d.available()) {
                assertThat(d.mean()).isBetween(1.0, (double) d.maxDepth());
            }
            blueskyDeep += bluesky && d.maxDepth() == 3 ? 1 : 0;
        }
        assertThat(blueskyDeep).isPositive();
    }

    static double pearson(List<double[]> xy) {
        int n = xy.size();
        double mx = 0;
        double my = 0;
        for (double[] p : xy) {
            mx += p[0] / n;
            my += p[1] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
