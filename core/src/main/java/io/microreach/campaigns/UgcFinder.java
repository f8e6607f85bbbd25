package io.microreach.campaigns;

import io.microreach.domain.Captions;
import io.microreach.domain.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * User-generated content of a campaign (PRODUCT.md "Campaign KPIs"): posts by accounts that are not partners of the
 * campaign, published inside the campaign window, that use the campaign hashtag (in the hashtag list or as {@code
 * #tag} in the caption) or mention a brand handle (in the mention list or as {@code @handle} in the caption). Tags
 * and handles match whole, ignoring case, accents and a leading {@code #}/{@code @}. The brand's own posts are not
 * UGC. Amplification = UGC engagements ÷ partner engagements.
 */
public final class UgcFinder {

    /**
     * @param partnerAccountIds platform ids of the campaign's partner accounts (their posts are never UGC)
     * @param hashtag the campaign hashtag, or null
     * @param brandHandles the brand's handles
     * @param start the window's first instant, inclusive
     * @param end the window's last instant, inclusive
     * @return the UGC posts in the order given
     */
    public List<UgcPost> find(
            Collection<AuthoredPost> posts,
            Set<String> partnerAccountIds,
            String hashtag,
            Collection<String> brandHandles,
            Instant start,
            Instant end) {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(partnerAccountIds, "partnerAccountIds");
        Objects.requireNonNull(brandHandles, "brandHandles");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the window ends (" + end + ") before it starts (" + start + ")");
        }
        String tag = hashtag == null || hashtag.isBlank() ? null : DisclosureCheck.normal(hashtag, '#');
        Map<String, String> brands = new LinkedHashMap<>();
        for (String b : brandHandles) {
            String n = DisclosureCheck.normal(b, '@');
            if (!n.isEmpty()) {
                brands.putIfAbsent(n, b.strip().replaceFirst("^@+", ""));
            }
        }
        List<UgcPost> out = new ArrayList<>();
        for (AuthoredPost authored : posts) {
            Post p = authored.post();
            if (p.publishedAt().isBefore(start)
                    || p.publishedAt().isAfter(end)
                    || partnerAccountIds.contains(p.accountPlatformId())
                    || (authored.authorHandle() != null
                            && brands.containsKey(DisclosureCheck.normal(authored.authorHandle(), '@')))) {
                continue;
            }
            boolean tagged = false;
            if (tag != null) {
                tagged = contains(p.hashtags(), Captions.hashtags(p.caption()), tag, '#');
            }
            List<String> mentioned = new ArrayList<>();
            if (!brands.isEmpty()) {
                Set<String> m = new HashSet<>();
                p.mentions().forEach(x -> m.add(DisclosureCheck.normal(x, '@')));
                Captions.mentions(p.caption()).forEach(x -> m.add(DisclosureCheck.normal(x, '@')));
                brands.forEach((normal, given) -> {
                    if (m.contains(normal)) {
                        mentioned.add(given);
                    }
                });
            }
            if (tagged || !mentioned.isEmpty()) {
                out.add(new UgcPost(p, authored.authorHandle(), engagements(p), tagged, mentioned));
            }
        }
        return out;
    }

    private static boolean contains(List<String> listed, List<String> inCaption, String tag, char sign) {
        for (String t : listed) {
            if (DisclosureCheck.normal(t, sign).equals(tag)) {
                return true;
            }
        }
        for (String t : inCaption) {
            if (DisclosureCheck.normal(t, sign).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Likes + comments + shares + saves, those reported. */
    public static long engagements(Post p) {
        return orZero(p.likes()) + orZero(p.comments()) + orZero(p.shares()) + orZero(p.saves());
    }

    /** UGC engagements ÷ partner engagements; null when the partners have none. */
    public static Double amplification(long ugcEngagements, long partnerEngagements) {
        if (ugcEngagements < 0 || partnerEngagements < 0) {
            throw new IllegalArgumentException("engagements must be at least 0");
        }
        return partnerEngagements == 0 ? null : (double) ugcEngagements / partnerEngagements;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
