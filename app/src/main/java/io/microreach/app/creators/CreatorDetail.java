package io.microreach.app.creators;

import io.microreach.domain.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the creator page shows: the raw stored data of one account. */
public record CreatorDetail(
        Profile profile,
        List<HistoryPoint> history,
        List<PostView> posts,
        List<CommentView> comments,
        List<SampledFollower> followers,
        long followerSampleSize,
        long followEdges,
        List<OtherAccount> otherAccounts,
        Trust trust,
        CreatorCharts charts) {

    /**
     * The profile header: the stored account as the core reads it, plus what only the page shows.
     *
     * @param id the account's database id
     * @param tier the tier id of its follower count
     */
    public record Profile(long id, Account account, Instant firstSeen, Instant lastSeen, String tier) {
        /** The platform id ({@code instagram}), as the page and the URLs write it. */
        public String platform() {
            return account.platform().id();
        }

        public String platformId() {
            return account.platformId();
        }

        public String handle() {
            return account.handle();
        }

        public long followers() {
            return account.followers();
        }
    }

    public record HistoryPoint(LocalDate day, long followers) {}

    public record PostView(
            long id,
            String platformId,
            Instant publishedAt,
            String format,
            String caption,
            List<String> hashtags,
            Long likes,
            Long comments,
            Long shares,
            Long saves,
            Long views,
            Long followersAtPost,
            Boolean paidPartnership,
            String url) {}

    public record CommentView(
            String postPlatformId,
            String authorHandle,
            String text,
            Instant createdAt,
            boolean reply,
            boolean byCreator,
            Long likes) {}

    public record SampledFollower(
            String handle,
            String fullName,
            Long followers,
            Long following,
            Long postsCount,
            Boolean hasProfilePic,
            Boolean privateAccount,
            String bio) {}

    public record OtherAccount(long id, String platform, String handle, long followers) {}

    /**
     * The scorecard's trust score and components, or {@code null} when the account is not scored yet.
     *
     * @param unavailable metric name and reason, for every headline metric without enough data
     */
    public record Trust(
            Double score,
            String confidence,
            java.time.Instant computedAt,
            List<TrustComponentView> components,
            List<String> unavailable) {}

    /**
     * @param id the component's id (e.g. {@code real_followers}), used in evidence links
     * @param evidenceIds the first evidence ids; {@code evidenceCount} says how many there are in all
     */
    public record TrustComponentView(
            String id,
            String component,
            Double value,
            Double percentile,
            double weight,
            double contribution,
            String confidence,
            String basis,
            String unavailableReason,
            List<String> evidenceIds,
            int evidenceCount) {}
}
