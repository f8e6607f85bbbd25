package io.microreach.signals.engagement;

import io.microreach.domain.Account;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
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
 * rated posts the creator gets "insufficient data" instead of a number.
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

    /** The creator's engagement rate over the window of its posts. */
    public EngagementRate engagementRate(AccountActivity activity) {
        List<Post> inWindow = windowOf(activity.posts());
        List<PostEngagement> measured = new ArrayList<>(inWindow.size());
        for (Post p : inWindow) {
            measured.add(measurePost(p, activity.account()));
        }
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
                median == null
                        ? Confidence.NONE
                        : Confidence.of(byFollowers.size(), window.minimumPosts(), window.highConfidencePosts()),
                measured);
    }

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
        // Ties broken by id so the window is the same for any input order.
        sorted.sort(Comparator.comparing(Post::publishedAt)
                .thenComparing(Post::platformId)
                .reversed());
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
