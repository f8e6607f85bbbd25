package io.microreach.signals.commercial;

import io.microreach.domain.Captions;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.LiteralPrefilter;
import io.microreach.signals.Proportion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sponsored posts and the sponsored share of a creator's recent posts (PRODUCT.md "Commercialisation").
 *
 * <p><b>Rules.</b> A post is sponsored when it has at least one of: a disclosure marker (a hashtag such as
 * {@code #ad}, {@code #werbung}, {@code #publi}; a phrase such as "paid partnership", "bezahlte Partnerschaft"; a
 * label such as "Werbung" standing alone), the platform's paid-partnership label, a discount code (a code word
 * followed by a code-shaped token, "code LENA15", "Rabattcode MAX20", or wording such as "use my code"), or an
 * affiliate link (a known affiliate host such as amzn.to, a tracking parameter such as {@code ?ref=} or
 * {@code utm_source}, a path segment such as {@code /ref/}, or wording such as "affiliate link"). Lists: {@link
 * SponsorshipMarkers}. Matching ignores case and accents, every language's list applies to every post.
 *
 * <p><b>Disclosure.</b> A marker or the platform label tells the audience; a code or link alone does not. Posts
 * sponsored only by a code or link are the disclosure gap, reported on their own because an undisclosed deal is a
 * legal risk for the brand (FTC Endorsement Guides; in Germany §5a UWG, in France loi 2023-451), not only a
 * commercialisation signal.
 *
 * <p><b>Decisions.</b> Ambiguous wording ({@code #collab}, {@code #gifted}, "in collaboration with", "teamed up
 * with") is not counted: it as often means a creator collaboration or an unpaid gift, and regulators do not accept
 * it as a disclosure; it is listed as a weak marker for a human to check. Generic link shorteners (bit.ly, linktr.ee)
 * are not counted either: creators use them for their own content; only affiliate hosts and tracking parameters
 * count. A code word needs a code-shaped token (letters and digits, or four or more capitals) so that "the code is
 * simple" stays organic. Brand mentions alone are not a reason: creators tag friends, places and brands they like.
 */
public final class SponsorshipDetector {
    static final Pattern LINK = Pattern.compile("(?i)(?<![\\p{L}\\p{N}@.])(?:https?://|www\\.)[^\\s<>\"')\\]]+"
            + "|(?<![\\p{L}\\p{N}@./])(?:[a-z0-9-]+\\.)+[a-z]{2,}/[^\\s<>\"')\\]]*");

    private final SponsorshipMarkers markers;
    private final CommercialSettings settings;

    public SponsorshipDetector() {
        this(SponsorshipMarkers.bundled(), CommercialSettings.DEFAULT);
    }

    SponsorshipDetector(SponsorshipMarkers markers, CommercialSettings settings) {
        this.markers = Objects.requireNonNull(markers, "markers");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Classifies one post.
     *
     * @param creatorHandle the author's handle, left out of the mentioned brands; may be {@code null}
     */
    public PostSponsorship classify(Post post, String creatorHandle) {
        Set<SponsorshipReason> reasons = EnumSet.noneOf(SponsorshipReason.class);
        Set<String> found = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        String caption = post.caption() == null ? "" : post.caption();
        // Words inside links ("/sponsored/how-to-…") are not the creator's wording; links are blanked (same length,
        // so match positions still point into the caption) and judged on their own below.
        List<MatchResult> links = links(caption);
        String folded = TextFolding.fold(links.isEmpty() ? caption : blankLinks(caption, links));
        int[] words = LiteralPrefilter.wordStartPositions(folded);

        // The listed tags, then those in the caption; found and weak keep the first occurrence of each.
        for (List<String> tags : List.of(post.hashtags(), Captions.hashtags(caption))) {
            for (String t : tags) {
                String tag = TextFolding.fold(t);
                Boolean disclosure = markers.hashtags.get(tag);
                if (Boolean.TRUE.equals(disclosure)) {
                    reasons.add(SponsorshipReason.DISCLOSURE_MARKER);
                    found.add("#" + tag);
                } else if (disclosure != null) {
                    weak.add("#" + tag);
                }
            }
        }
        if (addMatches(markers.disclosurePhrases, folded, words, caption, found)
                | addMatches(markers.disclosureLabels, folded, words, caption, found)) {
            reasons.add(SponsorshipReason.DISCLOSURE_MARKER);
        }
        if (Boolean.TRUE.equals(post.paidPartnership())) {
            reasons.add(SponsorshipReason.PAID_PARTNERSHIP_FLAG);
            found.add("paid_partnership");
        }
        if (discountCodes(folded, words, caption, found)
                | addMatches(markers.codePhrases, folded, words, caption, found)) {
            reasons.add(SponsorshipReason.DISCOUNT_CODE);
        }
        if (affiliateLinks(links, found) | addMatches(markers.affiliateWords, folded, words, caption, found)) {
            reasons.add(SponsorshipReason.AFFILIATE_LINK);
        }
        addMatches(markers.weakPhrases, folded, words, caption, weak);

        Set<String> brands = new LinkedHashSet<>();
        post.mentions().forEach(m -> brands.add(m.toLowerCase(Locale.ROOT)));
        brands.addAll(Captions.mentions(caption));
        if (creatorHandle != null) {
            brands.remove(creatorHandle.toLowerCase(Locale.ROOT));
        }
        return new PostSponsorship(
                post.platformId(), reasons, List.copyOf(found), List.copyOf(weak), List.copyOf(brands));
    }

    /** The sponsored share and disclosure gap over the account's newest posts. */
    public Commercialisation measure(AccountActivity activity) {
        List<Post> posts = activity.posts()
                .subList(0, Math.min(settings.maxPosts(), activity.posts().size()));
        String handle = activity.account().handle();
        int known = 0;
        int marker = 0;
        int flag = 0;
        int codeOrLink = 0;
        int undisclosed = 0;
        int weakOnly = 0;
        List<String> sponsoredIds = new ArrayList<>();
        List<String> undisclosedIds = new ArrayList<>();
        Map<String, Integer> brandCounts = new HashMap<>();
        for (Post p : posts) {
            if (p.caption() == null && p.paidPartnership() == null) {
                continue; // nothing to judge the post by
            }
            known++;
            PostSponsorship s = classify(p, handle);
            if (!s.sponsored()) {
                weakOnly += s.weakMarkers().isEmpty() ? 0 : 1;
                continue;
            }
            sponsoredIds.add(p.platformId());
            marker += s.reasons().contains(SponsorshipReason.DISCLOSURE_MARKER) ? 1 : 0;
            flag += s.reasons().contains(SponsorshipReason.PAID_PARTNERSHIP_FLAG) ? 1 : 0;
            codeOrLink += s.reasons().contains(SponsorshipReason.DISCOUNT_CODE)
                            || s.reasons().contains(SponsorshipReason.AFFILIATE_LINK)
                    ? 1
                    : 0;
            if (s.disclosureGap()) {
                undisclosed++;
                undisclosedIds.add(p.platformId());
            }
            s.mentionedBrands().forEach(b -> brandCounts.merge(b, 1, Integer::sum));
        }
        List<String> brands = new ArrayList<>(brandCounts.keySet());
        brands.sort((a, b) -> brandCounts.get(b).equals(brandCounts.get(a))
                ? a.compareTo(b)
                : brandCounts.get(b) - brandCounts.get(a));
        Confidence confidence = Confidence.of(known, settings.minimumPosts(), settings.highConfidencePosts());
        List<String> sponsoredSample = head(sponsoredIds);
        List<String> undisclosedSample = head(undisclosedIds);
        List<String> brandSample = head(brands);
        if (confidence == Confidence.NONE) {
            String reason = posts.isEmpty()
                    ? "no posts in the window"
                    : known == 0
                            ? "neither captions nor paid-partnership labels known for the " + posts.size() + " post(s)"
                            : "only " + known + " post(s); at least " + settings.minimumPosts() + " are needed";
            return new Commercialisation(
                    null,
                    marker,
                    flag,
                    codeOrLink,
                    undisclosed,
                    null,
                    weakOnly,
                    sponsoredSample,
                    undisclosedSample,
                    brandSample,
                    known,
                    confidence,
                    reason);
        }
        int sponsored = sponsoredIds.size();
        return new Commercialisation(
                Proportion.wilson(sponsored, known),
                marker,
                flag,
                codeOrLink,
                undisclosed,
                sponsored == 0 ? null : Proportion.wilson(undisclosed, sponsored),
                weakOnly,
                sponsoredSample,
                undisclosedSample,
                brandSample,
                known,
                confidence,
                null);
    }

    private List<String> head(List<String> ids) {
        return List.copyOf(ids.subList(0, Math.min(settings.evidenceLimit(), ids.size())));
    }

    /** Adds each match, as written in the original text, to {@code found}; whether there was any. */
    private static boolean addMatches(
            SponsorshipMarkers.Phrases phrases, String folded, int[] words, String original, Set<String> found) {
        boolean[] any = {false};
        phrases.forEachMatch(folded, words, m -> {
            found.add(original.substring(m.start(), m.end()).strip());
            any[0] = true;
        });
        return any[0];
    }

    private boolean discountCodes(String folded, int[] words, String original, Set<String> found) {
        boolean[] any = {false};
        markers.codeKeywords.forEachMatch(folded, words, m -> {
            String token = original.substring(m.start(1), m.end(1));
            if (codeShaped(token)) {
                found.add(original.substring(m.start(), m.end()).strip());
                any[0] = true;
            }
        });
        return any[0];
    }

    /** Letters and digits ("LENA15", "summer20"), or four or more capitals ("GLOW"): not an ordinary word. */
    static boolean codeShaped(String token) {
        boolean letter = false;
        boolean digit = false;
        boolean lower = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            lower |= Character.isLowerCase(c);
        }
        return letter && (digit || (!lower && token.length() >= 4));
    }

    /** The links in the text, in order ({@link #LINK}); most captions have none and pay one scan for a '/'. */
    private static List<MatchResult> links(String text) {
        if (!LiteralPrefilter.mayHoldLink(text)) {
            return List.of();
        }
        List<MatchResult> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(m.toMatchResult());
        }
        return links;
    }

    private static String blankLinks(String text, List<MatchResult> links) {
        StringBuilder out = new StringBuilder(text);
        for (MatchResult link : links) {
            for (int i = link.start(); i < link.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private boolean affiliateLinks(List<MatchResult> links, Set<String> found) {
        boolean any = false;
        for (MatchResult link : links) {
            String marker = affiliateMarker(link.group());
            if (marker != null) {
                found.add(marker);
                any = true;
            }
        }
        return any;
    }

    /** What makes a link an affiliate link ("amzn.to", "?ref=", "/ref/"), or {@code null}. */
    String affiliateMarker(String link) {
        String s = link.replaceFirst("(?i)^https?://", "");
        int end = s.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = s.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String host = s.substring(0, end).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        for (String h : markers.affiliateHosts) {
            if (host.equals(h) || host.endsWith("." + h)) {
                return h;
            }
        }
        String rest = s.substring(end);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int q = rest.indexOf('?');
        String path = q >= 0 ? rest.substring(0, q) : rest;
        String query = q >= 0 ? rest.substring(q + 1) : "";
        for (String param : query.split("[&;]")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && markers.affiliateQueryParameters.contains(name)) {
                return "?" + name + "=";
            }
        }
        String[] segments = path.toLowerCase(Locale.ROOT).split("/");
        // The last segment is the page itself; only a folder such as /ref/<creator> marks a referral link.
        for (int i = 0; i < segments.length - 1; i++) {
            if (markers.affiliatePathSegments.contains(segments[i])) {
                return "/" + segments[i] + "/";
            }
        }
        return null;
    }
}
