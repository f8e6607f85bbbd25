package io.microreach.campaigns;

import io.microreach.domain.Captions;
import io.microreach.domain.Post;
import io.microreach.signals.AccentFolding;
import io.microreach.signals.commercial.PostSponsorship;
import io.microreach.signals.commercial.SponsorshipDetector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a published campaign post for disclosure and for what the deliverable requires.
 *
 * <p>Disclosure is the sponsorship detector's (signals.commercial): a disclosure marker such as {@code #ad}, {@code
 * #anzeige}, {@code #werbung}, {@code #publicidad} or "paid partnership", negations such as "not sponsored" taken back,
 * or the platform's paid-partnership label. A promo code or a link alone is not a disclosure: the audience is not
 * told. Reusing the detector keeps one definition of disclosure in the product.
 *
 * <p>Requirements: a hashtag counts in the post's hashtag list or as {@code #tag} in the caption, a mention in the
 * mention list or as {@code @handle} in the caption, both as whole tags, ignoring case and accents, with {@code #}/
 * {@code @} optional in the requirement. The link counts when the tracking URL (any scheme) or the promo code appears
 * in the caption or the post's URL, ignoring case; the code only as a whole word.
 */
public final class DisclosureCheck {
    private static final List<String> TAG_PLACES = List.of("hashtags", "caption");
    private static final List<String> MENTION_PLACES = List.of("mentions", "caption");
    private static final List<String> LINK_PLACES = List.of("caption", "url");
    private static final List<String> DISCLOSURE_PLACES = List.of("caption", "hashtags", "paid-partnership label");

    private final SponsorshipDetector detector;

    public DisclosureCheck() {
        this(new SponsorshipDetector());
    }

    public DisclosureCheck(SponsorshipDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /**
     * @param creatorHandle the author's handle (never a partner brand), or null
     */
    public PostCheck check(Post post, String creatorHandle, PostRequirements requirements) {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(requirements, "requirements");
        PostSponsorship sponsorship = detector.classify(post, creatorHandle);
        List<String> markers = new ArrayList<>();
        if (sponsorship.disclosed()) {
            for (String m : sponsorship.markers()) {
                if (isDisclosureMarker(m)) {
                    markers.add(m);
                }
            }
        }
        List<MissingItem> missing = new ArrayList<>();
        if (!sponsorship.disclosed()) {
            missing.add(new MissingItem(MissingItem.Kind.DISCLOSURE, "disclosure", DISCLOSURE_PLACES));
        }
        Set<String> tags = new HashSet<>();
        post.hashtags().forEach(t -> tags.add(normal(t, '#')));
        Captions.hashtags(post.caption()).forEach(t -> tags.add(normal(t, '#')));
        for (String required : requirements.hashtags()) {
            String t = normal(required, '#');
            if (!t.isEmpty() && !tags.contains(t)) {
                missing.add(new MissingItem(MissingItem.Kind.HASHTAG, "#" + strip(required, '#'), TAG_PLACES));
            }
        }
        Set<String> mentions = new HashSet<>();
        post.mentions().forEach(m -> mentions.add(normal(m, '@')));
        Captions.mentions(post.caption()).forEach(m -> mentions.add(normal(m, '@')));
        for (String required : requirements.mentions()) {
            String m = normal(required, '@');
            if (!m.isEmpty() && !mentions.contains(m)) {
                missing.add(new MissingItem(MissingItem.Kind.MENTION, "@" + strip(required, '@'), MENTION_PLACES));
            }
        }
        if (requirements.requireLink() && !hasLink(post, requirements)) {
            String item = requirements.trackingUrl() != null
                            && !requirements.trackingUrl().isBlank()
                    ? requirements.trackingUrl()
                            + (requirements.promoCode() == null ? "" : " or code " + requirements.promoCode())
                    : "code " + requirements.promoCode();
            missing.add(new MissingItem(MissingItem.Kind.LINK, item, LINK_PLACES));
        }
        return new PostCheck(post.platformId(), sponsorship.disclosed(), markers, missing);
    }

    /** The detector lists codes and links among its markers; only disclosure wording and the label disclose. */
    private static boolean isDisclosureMarker(String marker) {
        String m = marker.toLowerCase(Locale.ROOT);
        if (m.startsWith("#")) {
            return true;
        }
        return !m.contains("code")
                && !m.contains("/")
                && !m.contains(".")
                && !m.contains("=")
                && !m.contains("affiliate");
    }

    private static boolean hasLink(Post post, PostRequirements r) {
        String caption = post.caption() == null ? "" : post.caption().toLowerCase(Locale.ROOT);
        String url = post.url() == null ? "" : post.url().toLowerCase(Locale.ROOT);
        if (r.trackingUrl() != null && !r.trackingUrl().isBlank()) {
            String target = withoutScheme(r.trackingUrl().strip().toLowerCase(Locale.ROOT));
            if (caption.contains(target) || url.contains(target)) {
                return true;
            }
        }
        if (r.promoCode() != null && !r.promoCode().isBlank()) {
            String code = r.promoCode().strip().toLowerCase(Locale.ROOT);
            return containsWord(caption, code) || containsWord(url, code);
        }
        return false;
    }

    private static String withoutScheme(String url) {
        int at = url.indexOf("://");
        String rest = at >= 0 ? url.substring(at + 3) : url;
        return rest.startsWith("www.") ? rest.substring(4) : rest;
    }

    private static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, accents folded, the leading {@code #} or {@code @} and surrounding spaces removed. */
    static String normal(String tag, char sign) {
        return AccentFolding.fold(strip(tag, sign));
    }

    private static String strip(String tag, char sign) {
        String t = tag == null ? "" : tag.strip();
        while (!t.isEmpty() && t.charAt(0) == sign) {
            t = t.substring(1);
        }
        return t;
    }
}
