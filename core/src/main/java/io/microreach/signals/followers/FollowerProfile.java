package io.microreach.signals.followers;

import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.signals.SampledFollower;

/**
 * The public-profile fields of one account that the suspicious-follower classifier reads. Every field may be
 * {@code null}, meaning "not known" (a labelled CSV without that column, a data set that never recorded it); the
 * classifier then leaves that feature out instead of guessing (see {@link SuspiciousFollowerModel}).
 *
 * @param usernameLength characters of the username without platform decoration (no {@code @}, no Bluesky domain)
 * @param usernameDigitShare digits ÷ characters of that username, 0–1
 * @param bioLength characters of the biography (0 = no bio)
 * @param fullNameWords whitespace-separated words of the display name (0 = no display name)
 */
public record FollowerProfile(
        Long posts,
        Long followers,
        Long following,
        Boolean hasProfilePicture,
        Boolean privateAccount,
        Boolean hasExternalUrl,
        Integer usernameLength,
        Double usernameDigitShare,
        Integer bioLength,
        Integer fullNameWords) {

    public FollowerProfile {
        nonNegative(posts, "posts");
        nonNegative(followers, "followers");
        nonNegative(following, "following");
        nonNegative(usernameLength == null ? null : usernameLength.longValue(), "usernameLength");
        nonNegative(bioLength == null ? null : bioLength.longValue(), "bioLength");
        nonNegative(fullNameWords == null ? null : fullNameWords.longValue(), "fullNameWords");
        if (usernameDigitShare != null && !(usernameDigitShare >= 0 && usernameDigitShare <= 1)) {
            throw new IllegalArgumentException("usernameDigitShare must be within 0..1: " + usernameDigitShare);
        }
    }

    /** A profile with every field unknown; fill it with the {@code with*} methods. */
    public static FollowerProfile unknown() {
        return new FollowerProfile(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The profile of a sampled follower. The import format cannot say "bio unknown" or "no display name known", so
     * an absent bio counts as an empty bio, an absent display name as zero words and an absent URL as no URL;
     * counts, picture and private flag stay unknown when absent.
     */
    public static FollowerProfile of(FollowerSample sample) {
        return of(SampledFollower.of(sample));
    }

    /** The profile of a sampled follower as the signals read it (see {@link #of(FollowerSample)}). */
    public static FollowerProfile of(SampledFollower f) {
        // One record instead of a chain of with* copies: every sampled follower of every creator passes here.
        String username = username(f.handle(), f.platform());
        String u = username.strip();
        boolean named = !u.isEmpty() && !isPlatformId(u);
        return new FollowerProfile(
                f.postsCount(),
                f.followers(),
                f.following(),
                f.hasProfilePic(),
                f.privateAccount(),
                f.hasExternalUrl(),
                named ? u.codePointCount(0, u.length()) : null,
                named ? digitShare(u) : null,
                f.bioLength(),
                f.fullNameWords());
    }

    public FollowerProfile withCounts(Long posts, Long followers, Long following) {
        return new FollowerProfile(
                posts,
                followers,
                following,
                hasProfilePicture,
                privateAccount,
                hasExternalUrl,
                usernameLength,
                usernameDigitShare,
                bioLength,
                fullNameWords);
    }

    public FollowerProfile withFlags(Boolean hasProfilePicture, Boolean privateAccount, Boolean hasExternalUrl) {
        return new FollowerProfile(
                posts,
                followers,
                following,
                hasProfilePicture,
                privateAccount,
                hasExternalUrl,
                usernameLength,
                usernameDigitShare,
                bioLength,
                fullNameWords);
    }

    /**
     * Username length and digit share of {@code username}; {@code null}, blank or a platform id ({@link
     * #isPlatformId}) leaves both unknown.
     */
    public FollowerProfile withUsername(String username) {
        if (username == null || username.isBlank() || isPlatformId(username.strip())) {
            return withUsernameShape(null, null);
        }
        String u = username.strip();
        return withUsernameShape(u.codePointCount(0, u.length()), digitShare(u));
    }

    /**
     * Whether a stripped handle is a platform's numeric id rather than a name someone chose: at least 6 ASCII digits
     * at the end, after at most a short letter prefix and one separator ({@code 17841400000000000}, {@code
     * user12345678}, {@code id_4829301}). Some APIs and exports put the id where the handle goes; its digits say
     * nothing about the person, so the username features are unknown for it. A chosen name with a few digits
     * ({@code anna_1992}) is not an id.
     */
    static boolean isPlatformId(String u) {
        int end = u.length();
        int digits = 0;
        while (digits < end && isDigit(u.charAt(end - 1 - digits))) {
            digits++;
        }
        if (digits < 6) {
            return false;
        }
        int prefix = end - digits;
        if (prefix > 0 && (u.charAt(prefix - 1) == '_' || u.charAt(prefix - 1) == '-')) {
            prefix--;
        }
        if (prefix > 6) {
            return false;
        }
        for (int i = 0; i < prefix; i++) {
            char c = u.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ASCII digits ÷ code points of a stripped, non-empty username. */
    private static double digitShare(String u) {
        int digits = 0;
        for (int i = 0; i < u.length(); i++) {
            if (u.charAt(i) >= '0' && u.charAt(i) <= '9') {
                digits++;
            }
        }
        return (double) digits / u.codePointCount(0, u.length());
    }

    /** For sources that publish only the username's shape (length and/or digit share), not the name. */
    public FollowerProfile withUsernameShape(Integer length, Double digitShare) {
        return withDerived(length, digitShare, bioLength, fullNameWords);
    }

    /** Bio length of {@code bio}; {@code null} is an empty bio. */
    public FollowerProfile withBio(String bio) {
        return withBioLength(SampledFollower.bioLength(bio));
    }

    public FollowerProfile withBioLength(Integer bioLength) {
        return withDerived(usernameLength, usernameDigitShare, bioLength, fullNameWords);
    }

    /** Word count of {@code fullName}; {@code null} or blank is zero words. */
    public FollowerProfile withFullName(String fullName) {
        return withFullNameWords(SampledFollower.fullNameWords(fullName));
    }

    public FollowerProfile withFullNameWords(Integer fullNameWords) {
        return withDerived(usernameLength, usernameDigitShare, bioLength, fullNameWords);
    }

    /** The same counts and flags with other figures derived from the username, bio and full name. */
    private FollowerProfile withDerived(
            Integer usernameLength, Double usernameDigitShare, Integer bioLength, Integer fullNameWords) {
        return new FollowerProfile(
                posts,
                followers,
                following,
                hasProfilePicture,
                privateAccount,
                hasExternalUrl,
                usernameLength,
                usernameDigitShare,
                bioLength,
                fullNameWords);
    }

    /**
     * The username as the training data counted it: Instagram-style names have no {@code @} and no domain, so a
     * leading {@code @} is dropped and a Bluesky handle keeps only its first label ({@code anna.bsky.social} →
     * {@code anna}).
     */
    static String username(String handle, Platform platform) {
        String h = handle.strip();
        if (h.startsWith("@")) {
            h = h.substring(1);
        }
        if (platform == Platform.BLUESKY && h.indexOf('.') > 0) {
            h = h.substring(0, h.indexOf('.'));
        }
        return h;
    }

    private static void nonNegative(Long value, String field) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
    }
}
