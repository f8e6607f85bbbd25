package io.microreach.signals.engagement;

import io.microreach.domain.Account;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Engagement rate per post and per creator, and the like-to-comment ratio (PRODUCT.md, "Engagement rate").
 *
 * <p>Per post: engagements = likes + comments + shares + saves, summing only the counts the platform reported
 * ({@code null} is "not reported" and is skipped, never read as 0; a post that reports none of them has no rate).
 * ER = engagements ÷ followers at posting time, falling back to the account's current followers when the source
 * does not know the count at posting time; the result says which ({@link FollowerBasis}). For video formats with
 * reported views, ER by views = engagements ÷ views. A zero denominator gives no rate, never a division by zero.
 *
 * <p>Per creator: the window is chosen on posts, newest first (see {@link EngagementWindow}); posts without a rate
 * stay in the window but do not count, and are not replaced by older ones, so the measure stays about recent
 * behaviour. The creator's ER is the <em>median</em> of the window's post rates: a viral post or a dead one moves a
 * mean a lot and a median hardly, and the post-to-post spread of engagement is roughly lognormal (InstaFake: sd of
 * ln(engagements) about 0.56), where the median is the natural centre. Below {@link EngagementWindow#minimumPosts()}
 * rated posts the window falls back to the last posts whatever their age, and the result names the window it used;
 * when those have too few rated posts as well, the creator gets "insufficient data" instead of a number.
 */
public final class EngagementRates {
    private final EngagementWindow window;

    public EngagementRates() {
        this(EngagementWindow.DEFAULT);
    }

    EngagementRates(EngagementWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    EngagementWindow window() {
        return window;
    }

    /** The engagement of one post of {@code account}. */
    static PostEngagement measurePost(Post post, Account account) {
        return measurePost(post, account.followers());
    }

    /**
     * The engagement of one post.
     *
     * @param currentFollowers the account's current followers, used when the post lacks {@code followersAtPost}
     */
    static PostEngagement measurePost(Post post, long currentFollowers) {
        Long engagements = engagements(post);
        Long followers;
        FollowerBasis basis;
        if (post.followersAtPost() != null) {
            followers = post.followersAtPost();
            basis = FollowerBasis.AT_POST;
        } else {
            followers = currentFollowers;
            basis = FollowerBasis.CURRENT;
        }
        Double er = engagements != null && followers > 0 ? engagements / (double) followers : null;
        Double byViews = engagements != null && post.format().isVideo() && post.views() != null && post.views() > 0
                ? engagements / (double) post.views()
                : null;
        return new PostEngagement(
                post.platformId(),
                post.publishedAt(),
                post.format(),
                engagements,
                followers,
                basis,
                er,
                post.views(),
                byViews);
    }

    /**
     * The creator's engagement rate over the window of its posts: the recent window, or the last posts when the
     * recent window has too few posts with a rate (see {@link EngagementWindow}).
     */
    public EngagementRate engagementRate(AccountActivity activity) {
        List<Post> recent = windowOf(activity.posts());
        List<PostEngagement> recentMeasured = measure(recent, activity.account());
        int recentRated = rated(recentMeasured);
        if (recentRated >= window.minimumPosts() || window.fallbackPosts() == 0) {
            return rate(recent, recentMeasured, EngagementRate.Window.RECENT, null);
        }
        List<Post> last = newest(activity.posts(), window.fallbackPosts());
        if (last.size() <= recent.size()) {
            // The last posts are the recent window or part of it: falling back adds no post.
            return rate(recent, recentMeasured, EngagementRate.Window.RECENT, null);
        }
        List<PostEngagement> lastMeasured = measure(last, activity.account());
        int lastRated = rated(lastMeasured);
        if (lastRated >= window.minimumPosts()) {
            return rate(last, lastMeasured, EngagementRate.Window.LAST_POSTS, recentRated);
        }
        EngagementRate thin = rate(recent, recentMeasured, EngagementRate.Window.RECENT, null);
        return new EngagementRate(
                thin.median(),
                thin.medianByViews(),
                thin.postsUsed(),
                thin.postsUsedByViews(),
                thin.followerBasis(),
                thin.formula(),
                thin.unavailableReason() + "; the last " + last.size() + " posts have " + lastRated + " with a rate",
                thin.byViewsUnavailableReason(),
                thin.evidencePostIds(),
                thin.confidence(),
                thin.posts(),
                thin.window(),
                thin.windowDescription());
    }

    private static List<PostEngagement> measure(List<Post> posts, Account account) {
        List<PostEngagement> measured = new ArrayList<>(posts.size());
        for (Post p : posts) {
            measured.add(measurePost(p, account));
        }
        return measured;
    }

    private static int rated(List<PostEngagement> measured) {
        return (int) measured.stream().filter(m -> m.er() != null).count();
    }

    /**
     * The rate over {@code inWindow}.
     *
     * @param recentRated for the fallback window, how many posts of the recent window had a rate; else {@code null}
     */
    private EngagementRate rate(
            List<Post> inWindow, List<PostEngagement> measured, EngagementRate.Window kind, Integer recentRated) {
        List<PostEngagement> byFollowers =
                measured.stream().filter(m -> m.er() != null).toList();
        List<PostEngagement> byViews =
                measured.stream().filter(m -> m.erByViews() != null).toList();

        Double median = null;
        String reason = null;
        FollowerBasis basis = null;
        if (byFollowers.size() >= window.minimumPosts()) {
            median = Median.of(
                    byFollowers.stream().mapToDouble(PostEngagement::er).toArray());
            basis = basisOf(byFollowers);
        } else {
            reason = insufficient(byFollowers.size(), "posts with an engagement rate", measured, inWindow.isEmpty());
        }
        Double medianByViews = null;
        String viewsReason = null;
        if (byViews.size() >= window.minimumPosts()) {
            medianByViews = Median.of(
                    byViews.stream().mapToDouble(PostEngagement::erByViews).toArray());
        } else if (byViews.isEmpty()) {
            viewsReason = "no video posts with reported views in the window";
        } else {
            viewsReason = "insufficient data: " + byViews.size() + " video posts with views in the window, at least "
                    + window.minimumPosts() + " needed";
        }

        Set<String> evidence = new LinkedHashSet<>();
        for (PostEngagement m : measured) {
            if ((median != null && m.er() != null) || (medianByViews != null && m.erByViews() != null)) {
                evidence.add(m.postId());
            }
        }
        List<Post> rated = new ArrayList<>();
        for (int i = 0; i < inWindow.size(); i++) {
            if (measured.get(i).er() != null || measured.get(i).erByViews() != null) {
                rated.add(inWindow.get(i));
            }
        }
        Confidence confidence = median == null
                ? Confidence.NONE
                : Confidence.of(byFollowers.size(), window.minimumPosts(), window.highConfidencePosts());
        if (kind == EngagementRate.Window.LAST_POSTS && confidence.ordinal() > Confidence.LOW.ordinal()) {
            // Older posts describe the account of today less well than recent ones: one step less.
            confidence = Confidence.values()[confidence.ordinal() - 1];
        }
        return new EngagementRate(
                median,
                medianByViews,
                median == null ? 0 : byFollowers.size(),
                medianByViews == null ? 0 : byViews.size(),
                basis,
                formula(rated, basis, medianByViews != null),
                reason,
                viewsReason,
                List.copyOf(evidence),
                confidence,
                measured,
                kind,
                describe(inWindow, kind, recentRated));
    }

    private String describe(List<Post> inWindow, EngagementRate.Window kind, Integer recentRated) {
        if (kind == EngagementRate.Window.RECENT) {
            return window.describeRecent() + " ("
                    + (inWindow.isEmpty()
                            ? "no posts"
                            : inWindow.size() + (inWindow.size() == 1 ? " post" : " posts") + " over " + days(inWindow)
                                    + " days")
                    + ")";
        }
        return "the last " + inWindow.size() + " posts, whatever their age (over " + days(inWindow) + " days), because "
                + window.describeRecent() + " had " + recentRated + " with a rate, fewer than "
                + window.minimumPosts();
    }

    private static long days(List<Post> newestFirst) {
        return newestFirst.isEmpty()
                ? 0
                : Duration.between(
                                newestFirst.get(newestFirst.size() - 1).publishedAt(),
                                newestFirst.get(0).publishedAt())
                        .toDays();
    }

    /** The newest {@code n} posts, newest first. */
    private static List<Post> newest(List<Post> posts, int n) {
        List<Post> sorted = new ArrayList<>(posts);
        sorted.sort(NEWEST_FIRST);
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    // Ties broken by id so the window is the same for any input order.
    private static final Comparator<Post> NEWEST_FIRST = Comparator.comparing(Post::publishedAt)
            .thenComparing(Post::platformId)
            .reversed();

    /** Median likes per comment over the window's posts with comments &gt; 0 and reported likes. */
    LikeCommentRatio likeCommentRatio(AccountActivity activity) {
        List<Post> inWindow = windowOf(activity.posts());
        List<Double> ratios = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Post p : inWindow) {
            if (p.likes() != null && p.comments() != null && p.comments() > 0) {
                ratios.add(p.likes() / (double) p.comments());
                ids.add(p.platformId());
            }
        }
        if (ratios.size() < window.minimumPosts()) {
            String reason = inWindow.isEmpty()
                    ? "no posts"
                    : "insufficient data: " + ratios.size() + " posts with comments and reported likes in the window"
                            + " (of " + inWindow.size() + "), at least " + window.minimumPosts() + " needed";
            return new LikeCommentRatio(null, 0, reason, List.of(), Confidence.NONE);
        }
        double median =
                Median.of(ratios.stream().mapToDouble(Double::doubleValue).toArray());
        return new LikeCommentRatio(
                median,
                ratios.size(),
                null,
                ids,
                Confidence.of(ratios.size(), window.minimumPosts(), window.highConfidencePosts()));
    }

    /** The window's posts, newest first, whatever order {@code posts} comes in. */
    List<Post> windowOf(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<Post> sorted = new ArrayList<>(posts);
        sorted.sort(NEWEST_FIRST);
        Instant oldestAllowed = sorted.get(0).publishedAt().minus(window.maxAge());
        List<Post> out = new ArrayList<>();
        for (Post p : sorted) {
            if (out.size() >= window.maxPosts() || p.publishedAt().isBefore(oldestAllowed)) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    private String insufficient(int rated, String what, List<PostEngagement> measured, boolean noPosts) {
        if (noPosts) {
            return "no posts";
        }
        long unreported = measured.stream().filter(m -> m.engagements() == null).count();
        long noFollowers = measured.stream()
                .filter(m -> m.engagements() != null && m.er() == null)
                .count();
        StringBuilder sb = new StringBuilder("insufficient data: ")
                .append(rated)
                .append(' ')
                .append(what)
                .append(" in the window (of ")
                .append(measured.size())
                .append(" posts), at least ")
                .append(window.minimumPosts())
                .append(" needed");
        if (unreported > 0) {
            sb.append("; ").append(unreported).append(" report no interaction counts");
        }
        if (noFollowers > 0) {
            sb.append("; ").append(noFollowers).append(" have zero followers to divide by");
        }
        return sb.toString();
    }

    private static FollowerBasis basisOf(List<PostEngagement> used) {
        boolean atPost = used.stream().anyMatch(m -> m.followerBasis() == FollowerBasis.AT_POST);
        boolean current = used.stream().anyMatch(m -> m.followerBasis() == FollowerBasis.CURRENT);
        return atPost && current ? FollowerBasis.MIXED : atPost ? FollowerBasis.AT_POST : FollowerBasis.CURRENT;
    }

    private static String formula(List<Post> rated, FollowerBasis basis, boolean byViews) {
        List<String> parts = new ArrayList<>();
        if (rated.stream().anyMatch(p -> p.likes() != null)) {
            parts.add("likes");
        }
        if (rated.stream().anyMatch(p -> p.comments() != null)) {
            parts.add("comments");
        }
        if (rated.stream().anyMatch(p -> p.shares() != null)) {
            parts.add("shares");
        }
        if (rated.stream().anyMatch(p -> p.saves() != null)) {
            parts.add("saves");
        }
        String sum = parts.isEmpty() ? "engagements" : "(" + String.join(" + ", parts) + ")";
        StringBuilder sb = new StringBuilder("median over the window of ").append(sum);
        if (basis != null) {
            sb.append(" ÷ ")
                    .append(
                            switch (basis) {
                                case AT_POST -> "followers at posting time";
                                case CURRENT -> "current followers (count at posting time not reported)";
                                case MIXED -> "followers at posting time, else current followers";
                            });
        }
        if (byViews) {
            sb.append("; by views: ").append(sum).append(" ÷ views over video posts");
        }
        return sb.toString();
    }

    private static Long engagements(Post post) {
        Long[] counts = {post.likes(), post.comments(), post.shares(), post.saves()};
        long sum = 0;
        boolean any = false;
        for (Long c : counts) {
            if (c != null) {
                sum = Math.addExact(sum, c);
                any = true;
            }
        }
        return any ? sum : null;
    }
}
