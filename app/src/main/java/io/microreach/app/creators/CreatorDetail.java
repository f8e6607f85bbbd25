package io.microreach.app.creators;

import io.microreach.domain.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the creator page shows: the raw stored data of one account, its long lists one page at a time.
 *
 * @param verdict the summary line at the top of the page; {@code null} when the account is not scored yet
 */
public record CreatorDetail(
        Profile profile,
        List<HistoryPoint> history,
        Page<PostView> posts,
        Page<CommentView> comments,
        Page<SampledFollower> followers,
        long followerSampleSize,
        long followEdges,
        List<OtherAccount> otherAccounts,
        Trust trust,
        Verdict verdict,
        CreatorCharts charts) {

    /**
     * One page of a long list.
     *
     * @param number the page, from 0
     * @param total the items in all pages
     */
    public record Page<T>(List<T> items, int number, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return (long) (number + 1) * size < total;
        }

        /** 1-based number of the first item shown (0 when empty). */
        public long from() {
            return items.isEmpty() ? 0 : (long) number * size + 1;
        }

        public long to() {
            return (long) number * size + items.size();
        }
    }

    /**
     * The verdict line (see {@code CreatorVerdict} for the thresholds).
     *
     * @param tone {@code bad}, {@code warn}, {@code good} or {@code unknown}
     */
    public record Verdict(
            String headline, String tone, List<String> redFlags, List<String> good, List<String> notChecked) {}

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

        /** The platform's name ({@code TikTok}). */
        public String platformName() {
            return ScorecardText.platform(platform());
        }

        public String tierName() {
            return ScorecardText.tier(tier);
        }

        /** The country's English name, or {@code null} when unknown. */
        public String countryName() {
            return ScorecardText.country(account.country());
        }

        public String languageName() {
            return ScorecardText.language(account.language());
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

    /**
     * @param postPlatformId the commented post's id on the platform (for matching, never shown)
     * @param postPublishedAt when the commented post was published
     * @param postCaption the start of the commented post's caption, or {@code null}
     * @param postUrl the commented post's link, or {@code null}
     */
    public record CommentView(
            String postPlatformId,
            String authorHandle,
            String text,
            Instant createdAt,
            boolean reply,
            boolean byCreator,
            Long likes,
            Instant postPublishedAt,
            String postCaption,
            String postUrl) {}

    /**
     * @param suspicion what the suspicious-follower model says of this follower; {@code null} when not assessed
     */
    public record SampledFollower(
            String handle,
            String fullName,
            Long followers,
            Long following,
            Long postsCount,
            Boolean hasProfilePic,
            Boolean privateAccount,
            String bio,
            FollowerFlags.Suspicion suspicion) {}

    public record OtherAccount(long id, String platform, String handle, long followers) {
        public String platformName() {
            return ScorecardText.platform(platform);
        }
    }

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

    /**
     * A trust component without data (or the unchecked part of a partly checked one), why, and the data that would
     * supply it; {@code component} is its plain label.
     */
    public record MissingEvidence(String component, double weight, String reason, String howToGet) {}

    /**
     * @param id the component's id (e.g. {@code real_followers}), used in evidence links
     * @param evidenceIds the first evidence ids; {@code evidenceCount} says how many there are in all
     * @param component the plain label ("Replies to fans")
     * @param valueText the value in its unit ("65.2% of fan comments answered, median 3.4 hours")
     * @param percentileText the peer percentile as an ordinal ("81st") or a dash
     * @param coverage the share of the component's evidence that was checked (below 1 for partly checked anomalies)
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
            int evidenceCount,
            String valueText,
            String percentileText,
            double coverage) {}
}
