package io.microreach.signals.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Post;
import io.microreach.realdata.RealDataConverter;
import io.microreach.realdata.RealDataFolder;
import io.microreach.realdata.RealDataSet;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.trust.TrustWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation step, not a unit test: the trust score and the engagement rate of real Instagram accounts that have
 * only what a profile scrape or Instagram's Business Discovery API returns, a profile and its 12 newest posts. The
 * accounts are InstaFake's 700 non-automated accounts ({@code ../shared/data/instafake}), converted with {@link
 * RealDataConverter}, read back through the importer, cut to their newest 12 posts (no comments, no follower sample,
 * no follow edges, no follower history), measured with {@link SignalSuite} and assembled against the pool they form,
 * as {@code import} and {@code score} would. The Instagram reach posts (1-2 posts per account) are counted as well.
 *
 * <p>Its name does not match Surefire's test patterns, so {@code verify} never runs it; asked for explicitly it fails
 * (never skips) when the data folder is missing. It prints aggregates only, never a handle.
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=TrustRealDataCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dmicroreach.realdata=DIR}).
 */
class TrustRealDataCheck {
    static final int PROFILE_POSTS = 12;

    @TempDir
    Path tmp;

    @Test
    void trustScoreOnProfilePlusTwelvePosts() throws Exception {
        Path root = RealDataFolder.require();

        List<AccountActivity> instafake = RealDataFolder.convertAndGroup(RealDataSet.INSTAFAKE, root, tmp).stream()
                .filter(a -> a.account().platformId().startsWith("instafake-na-"))
                .filter(a -> !a.posts().isEmpty())
                .map(TrustRealDataCheck::profileAndTwelvePosts)
                .toList();
        System.out.println("== InstaFake non-automated accounts, profile + newest " + PROFILE_POSTS + " posts");
        Result fake = evaluate(instafake);
        assertThat(fake.accounts()).isGreaterThan(650);

        List<AccountActivity> reach = RealDataFolder.convertAndGroup(RealDataSet.INSTAGRAM_REACH, root, tmp);
        System.out.println("== Instagram reach (1-2 posts per account)");
        evaluate(reach);
    }

    record Result(int accounts, int withEr, int withTrust) {}

    private static Result evaluate(List<AccountActivity> accounts) {
        SignalSuite suite = new SignalSuite();
        List<AccountSignals> signals =
                accounts.parallelStream().map(suite::measure).toList();
        PoolStatistics.Builder builder = PoolStatistics.builder();
        signals.forEach(builder::add);
        PoolStatistics pool = builder.build();
        ScorecardAssembler assembler = new ScorecardAssembler(TrustWeights.DEFAULT, suite.anomalyDetector());
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        int withEr = 0;
        int withTrust = 0;
        int thinRecent = 0;
        List<Double> ers = new ArrayList<>();
        List<Double> thinErs = new ArrayList<>();
        List<Double> allWindowErs = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        int fallback = 0;
        Map<String, Integer> missing = new TreeMap<>();
        Map<String, Integer> covered = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (int i = 0; i < signals.size(); i++) {
            AccountSignals s = signals.get(i);
            Scorecard card = assembler.assemble(s, pool, at);
            boolean thin = recentPosts(accounts.get(i)) < 5;
            if (thin) {
                thinRecent++;
            }
            Double allPosts = medianEr(accounts.get(i));
            if (allPosts != null) {
                allWindowErs.add(allPosts);
            }
            if (s.engagement().available()) {
                withEr++;
                ers.add(s.engagement().median());
                if (thin) {
                    thinErs.add(s.engagement().median());
                }
            } else {
                reasons.merge(s.engagement().unavailableReason().replaceAll(":.*", ""), 1, Integer::sum);
            }
            if (card.trustScore() != null) {
                withTrust++;
                scores.add(card.trustScore());
                widths.add(card.trustHigh() - card.trustLow());
            }
            if (s.engagement().window() == io.microreach.signals.engagement.EngagementRate.Window.LAST_POSTS) {
                fallback++;
            }
            card.missingEvidence().forEach(m -> missing.merge(m.component(), 1, Integer::sum));
            double weight = card.components().stream()
                    .filter(c -> c.unavailableReason() == null)
                    .mapToDouble(c -> c.weight())
                    .sum();
            covered.merge(String.format(java.util.Locale.ROOT, "%.0f%%", weight * 100), 1, Integer::sum);
        }
        System.out.printf(
                "accounts %d; fewer than 5 posts within 90 days of the newest: %d%n", accounts.size(), thinRecent);
        System.out.printf("engagement rate available: %d (unavailable: %s)%n", withEr, reasons);
        System.out.printf("trust score available: %d%n", withTrust);
        System.out.printf("engagement rate over the last-posts fallback window: %d%n", fallback);
        System.out.println("missing evidence listed (accounts): " + missing);
        System.out.println("weight with data (accounts): " + covered);
        if (!ers.isEmpty()) {
            System.out.println("pool median ER: " + quartiles(ers, 100, "%"));
        }
        if (!thinErs.isEmpty()) {
            System.out.println("  of which thin 90-day window: " + quartiles(thinErs, 100, "%"));
        }
        if (!allWindowErs.isEmpty()) {
            System.out.println("reference, median over all " + PROFILE_POSTS
                    + " posts of every account with >= 5 rated: " + quartiles(allWindowErs, 100, "%"));
        }
        if (!scores.isEmpty()) {
            System.out.println("trust scores: " + quartiles(scores, 1, ""));
            System.out.println("trust band widths: " + quartiles(widths, 1, ""));
        }
        return new Result(accounts.size(), withEr, withTrust);
    }

    /** The account as a profile scrape sees it: the profile and its newest posts, nothing else. */
    private static AccountActivity profileAndTwelvePosts(AccountActivity a) {
        List<Post> newest = a.posts().stream()
                .sorted(Comparator.comparing(Post::publishedAt).reversed())
                .limit(PROFILE_POSTS)
                .toList();
        return new AccountActivity(a.account(), newest, List.of(), List.of(), List.of(), List.of());
    }

    private static int recentPosts(AccountActivity a) {
        if (a.posts().isEmpty()) {
            return 0;
        }
        Instant newest = a.posts().stream()
                .map(Post::publishedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return (int) a.posts().stream()
                .filter(p -> !p.publishedAt().isBefore(newest.minus(Duration.ofDays(90))))
                .count();
    }

    /** Reference: the median ER over all of the account's posts, computed here independently of the product. */
    private static Double medianEr(AccountActivity a) {
        double[] rates = a.posts().stream()
                .filter(p -> p.followersAtPost() != null && p.followersAtPost() > 0)
                .filter(p -> p.likes() != null || p.comments() != null)
                .mapToDouble(p -> ((p.likes() == null ? 0 : p.likes()) + (p.comments() == null ? 0 : p.comments()))
                        / (double) p.followersAtPost())
                .sorted()
                .toArray();
        if (rates.length < 5) {
            return null;
        }
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    private static String quartiles(List<Double> values, double scale, String unit) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                java.util.Locale.ROOT,
                "n=%d, p10 %.2f%7$s, p25 %.2f%7$s, median %.2f%7$s, p75 %.2f%7$s, p90 %.2f%7$s",
                s.length,
                scale * RealDataFolder.quantile(s, 0.10),
                scale * RealDataFolder.quantile(s, 0.25),
                scale * RealDataFolder.quantile(s, 0.5),
                scale * RealDataFolder.quantile(s, 0.75),
                scale * RealDataFolder.quantile(s, 0.90),
                unit);
    }
}
