package io.microreach.signals;

import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import java.util.Objects;

/**
 * A sampled follower as the signals read it: its ids (for evidence and the follow graph) and the public profile
 * fields the suspicious-follower classifier needs, with the biography and the display name already reduced to what
 * is read of them (their lengths) and the link to whether there is one.
 *
 * <p>Why not the imported {@link FollowerSample}: scoring reads tens of millions of sampled followers, and keeping
 * every bio, display name and link as a string until the classifier measured it made them the scorer's largest
 * live data (copied by every young collection) and their first read a cache miss (JFR of the 100k benchmark pool:
 * measuring the bio was 6% of the scorer's CPU samples). The scorer's loader reduces them as it reads each row.
 *
 * @param followers the follower's own follower count; {@code null} when not known
 * @param hasExternalUrl whether the profile shows a link (an absent link counts as none)
 * @param bioLength code points of the stripped biography (an absent bio counts as empty: 0)
 * @param fullNameWords whitespace-separated words of the display name (an absent or blank name: 0)
 */
public record SampledFollower(
        Platform platform,
        String followerPlatformId,
        String handle,
        Long followers,
        Long following,
        Long postsCount,
        Boolean hasProfilePic,
        Boolean privateAccount,
        boolean hasExternalUrl,
        int bioLength,
        int fullNameWords) {

    public SampledFollower {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(followerPlatformId, "followerPlatformId");
        Objects.requireNonNull(handle, "handle");
        if (bioLength < 0 || fullNameWords < 0) {
            throw new IllegalArgumentException(
                    "bioLength and fullNameWords must not be negative: " + bioLength + ", " + fullNameWords);
        }
    }

    /** The follower as imported, reduced. */
    public static SampledFollower of(FollowerSample s) {
        return of(
                s.platform(),
                s.followerPlatformId(),
                s.handle(),
                s.fullName(),
                s.bio(),
                s.followers(),
                s.following(),
                s.postsCount(),
                s.hasProfilePic(),
                s.privateAccount(),
                s.externalUrl() != null);
    }

    /** A follower from its stored fields; {@code fullName} and {@code bio} may be {@code null}. */
    public static SampledFollower of(
            Platform platform,
            String followerPlatformId,
            String handle,
            String fullName,
            String bio,
            Long followers,
            Long following,
            Long postsCount,
            Boolean hasProfilePic,
            Boolean privateAccount,
            boolean hasExternalUrl) {
        return new SampledFollower(
                platform,
                followerPlatformId,
                handle,
                followers,
                following,
                postsCount,
                hasProfilePic,
                privateAccount,
                hasExternalUrl,
                bioLength(bio),
                fullNameWords(fullName));
    }

    /** Code points of the stripped bio ({@code null}: 0). */
    public static int bioLength(String bio) {
        if (bio == null) {
            return 0;
        }
        String b = bio.strip();
        return b.codePointCount(0, b.length());
    }

    /** Word count of {@code fullName}; {@code null} or blank is zero words. */
    public static int fullNameWords(String fullName) {
        return fullName == null || fullName.isBlank() ? 0 : words(fullName.strip());
    }

    /** The number of parts {@code split("\\s+")} gives for a stripped text, without a regex (scoring hot path). */
    public static int words(String stripped) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return Math.max(words, 1);
    }
}
