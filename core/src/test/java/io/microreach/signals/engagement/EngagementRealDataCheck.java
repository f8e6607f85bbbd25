package io.microreach.signals.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Platform;
import io.microreach.realdata.RealDataConverter;
import io.microreach.realdata.RealDataFolder;
import io.microreach.realdata.RealDataSet;
import io.microreach.signals.AccountActivity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation step, not a unit test: engagement rates on real Instagram posts (InstaFake's non-automated accounts
 * and the "Instagram reach" posts from {@code ../shared/data/}), converted with {@link RealDataConverter} and read
 * back through the importer. Its name does not match Surefire's test patterns, so {@code verify} never runs it;
 * asked for explicitly it fails (never skips) when the data folder is missing. It prints aggregates only, never a
 * username.
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=EngagementRealDataCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dmicroreach.realdata=DIR}).
 */
class EngagementRealDataCheck {

    @TempDir
    Path tmp;

    @Test
    void engagementOnRealInstagramPosts() throws Exception {
        Path root = RealDataFolder.require();

        List<AccountActivity> instafake = RealDataFolder.convertAndGroup(RealDataSet.INSTAFAKE, root, tmp);
        EngagementRates rates = new EngagementRates();
        System.out.println("== InstaFake non-automated accounts (followers_at_post = follower count at crawl time)");
        List<AccountActivity> withPosts =
                instafake.stream().filter(a -> !a.posts().isEmpty()).toList();
        Summary fake = summarise(withPosts, rates);
        // Sizes only in assertions: a failing collection assertion would print the records.
        System.out.printf("accounts with posts: %d of %d%n", withPosts.size(), instafake.size());
        assertThat(withPosts.size()).isGreaterThan(650);
        assertThat(fake.rated.size()).isGreaterThan(200);
        assertThat(fake.slope).isNegative();

        // The same accounts without the 90-day limit: private persons post rarely, so the day limit binds often.
        System.out.println("== InstaFake, window = last 30 posts, no day limit");
        summarise(
                withPosts,
                new EngagementRates(EngagementWindow.DEFAULT.withMaxAge(java.time.Duration.ofDays(365L * 20))));

        List<AccountActivity> reach = RealDataFolder.convertAndGroup(RealDataSet.INSTAGRAM_REACH, root, tmp);
        System.out.println("== Instagram reach (likes only, hours after posting)");
        Summary reachDefault = summarise(reach, rates);
        assertThat(reachDefault.rated.size()).isZero();
        double[] postEr = reach.stream()
                .flatMap(a -> a.posts().stream().map(p -> EngagementRates.measurePost(p, a.account())))
                .filter(p -> p.er() != null)
                .mapToDouble(PostEngagement::er)
                .toArray();
        System.out.printf("posts with an ER: %d; %s%n", postEr.length, quartiles(postEr));
        assertThat(postEr.length).isEqualTo(100);
        System.out.println("-- the same with a minimum of 1 post per creator (not the product default)");
        summarise(reach, new EngagementRates(EngagementWindow.DEFAULT.withMinimumPosts(1)));
    }

    record Summary(List<Double> rated, Double slope) {}

    private static Summary summarise(List<AccountActivity> accounts, EngagementRates rates) {
        List<Double> ers = new ArrayList<>();
        List<ErObservation> obs = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<FollowerBasis, Integer> bases = new TreeMap<>();
        List<Double> lc = new ArrayList<>();
        for (AccountActivity a : accounts) {
            EngagementRate er = rates.engagementRate(a);
            if (er.available()) {
                ers.add(er.median());
                obs.add(new ErObservation(a.account().platform(), a.account().followers(), er.median()));
                bases.merge(er.followerBasis(), 1, Integer::sum);
            } else {
                // Reasons without their numbers, so they group.
                reasons.merge(er.unavailableReason().replaceAll(":.*", ""), 1, Integer::sum);
            }
            LikeCommentRatio ratio = rates.likeCommentRatio(a);
            if (ratio.available()) {
                lc.add(ratio.median());
            }
        }
        double[] values = ers.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(
                "accounts %d, ER available %d, unavailable %s, follower basis %s%n",
                accounts.size(), ers.size(), reasons, bases);
        if (values.length > 0) {
            System.out.println("creator median ER: " + quartiles(values));
        }
        if (!lc.isEmpty()) {
            System.out.println("likes per comment (" + lc.size() + " creators): "
                    + quartiles(lc.stream().mapToDouble(Double::doubleValue).toArray(), 1, ""));
        }
        Optional<ErCurve> curve =
                obs.size() >= 3 ? ExpectedEngagement.fit(obs, 3).curve(Platform.INSTAGRAM) : Optional.empty();
        curve.ifPresent(c -> System.out.printf(
                "fit ln(ER) = %.3f %+.3f (SE %.3f) ln(followers) (= %+.3f per log10), residual sd %.3f, n=%d,"
                        + " skipped %d,"
                        + " followers %d..%d; expected ER at 1,000 followers %.2f%%%n",
                c.intercept(),
                c.slope(),
                c.slopeStandardError(),
                c.slope() * Math.log(10),
                c.residualSd(),
                c.points(),
                c.skipped(),
                c.minFollowers(),
                c.maxFollowers(),
                100 * c.expectedEr(1_000)));
        // Sensitivity: least squares is pulled by the few far-out accounts (InstaFake has one with ~6M followers
        // among accounts of a few hundred), so the fit is repeated on the range where the data is dense.
        List<ErObservation> dense = obs.stream()
                .filter(o -> o.followers() >= 50 && o.followers() <= 5_000)
                .toList();
        if (dense.size() >= 3 && dense.size() < obs.size()) {
            ExpectedEngagement.fit(dense, 3)
                    .curve(Platform.INSTAGRAM)
                    .ifPresent(c -> System.out.printf(
                            "  same fit on 50..5,000 followers only: slope %+.3f (SE %.3f), n=%d%n",
                            c.slope(), c.slopeStandardError(), c.points()));
        }
        return new Summary(ers, curve.map(ErCurve::slope).orElse(null));
    }

    private static String quartiles(double[] v) {
        return quartiles(v, 100, "%");
    }

    private static String quartiles(double[] v, double scale, String unit) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(
                "p10 %.2f%6$s, p25 %.2f%6$s, median %.2f%6$s, p75 %.2f%6$s, p90 %.2f%6$s",
                scale * RealDataFolder.quantile(s, 0.10),
                scale * RealDataFolder.quantile(s, 0.25),
                scale * RealDataFolder.quantile(s, 0.5),
                scale * RealDataFolder.quantile(s, 0.75),
                scale * RealDataFolder.quantile(s, 0.90),
                unit);
    }
}
