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
     * @param low the lowest score the account could get once every missing component is measured; {@code null}
     *     without a score
     * @param high the highest such score
     * @param coveredWeight the share of the trust weight whose components had data (0..1)
     * @param engagementWindow which posts the engagement rate was taken over, in words; {@code null} when unknown
     * @param missingEvidence the components without data and how to get them, heaviest first
     * @param unavailable metric name and reason, for every headline metric without enough data
     */
    public record Trust(
            Double score,
            Double low,
            Double high,
            double coveredWeight,
            String confidence,
            java.time.Instant computedAt,
            String engagementWindow,
            List<TrustComponentView> components,
            List<MissingEvidence> missingEvidence,
            List<String> unavailable) {}

    /** A trust component without data, why, and the data that would supply it. */
    public record MissingEvidence(String component, double weight, String reason, String howToGet) {}

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
