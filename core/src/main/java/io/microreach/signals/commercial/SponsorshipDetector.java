package io.microreach.signals.commercial;

import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.LiteralPrefilter;
import io.microreach.signals.Proportion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * {@code #ad}, {@code #werbung}, {@code #publi}, {@code #gifted}; a phrase such as "paid partnership", "bezahlte
 * Partnerschaft", "PR sample"; a label such as "Werbung" or "gifted" standing alone; a brand's partner tag such as
 * {@code #kendrascottpartner} when the post tags that brand), the platform's paid-partnership label, a discount
 * code (a code word followed by a code-shaped or quoted token, "code LENA15", "Rabattcode MAX20", "code 'Celine'",
 * or wording such as "use my code"), or an affiliate link (a known affiliate host such as amzn.to, a tracking
 * parameter such as {@code ?ref=} or {@code utm_source}, a path segment such as {@code /ref/}, or wording such as
 * "affiliate link"). Lists: {@link SponsorshipMarkers}. Matching ignores case and accents, every language's list
 * applies to every post.
 *
 * <p><b>Context.</b> Three rules read the words around a marker, because on hand-labelled real captions
 * (docs/eval/sponsorship-labelling.md) the bare markers went wrong in three ways. A negation ("not", "n't", "kein",
 * "no es", "pas", "non", "não"), up to three filler words and a sponsorship term ("this post wasn't sponsored by
 * @brand", "not an ad", "keine Werbung") take back the disclosure markers and affiliate wording of their sentence,
 * never a code or a link, never another sentence's marker. Partner brands are the accounts the post ties to the deal
 * (partner tag, a hashtag echoing the handle, the sentence of a marker, or the only account tagged), never a
 * platform, a credit ("📸 @anna") or a list of three or more tags (friends). A post whose only evidence is a code or
 * link and that speaks of the creator's own product ("my e-book", "my shop") is self-promotion, not sponsored, unless
 * the code's sentence tags another account.
 *
 * <p><b>Disclosure.</b> A marker or the platform label tells the audience; a code or link alone does not. Posts
 * sponsored only by a code or link are the disclosure gap, reported on their own because an undisclosed deal is a
 * legal risk for the brand (FTC Endorsement Guides; in Germany §5a UWG, in France loi 2023-451), not only a
 * commercialisation signal. A gift stated as such ("gifted") is a disclosed deal: a free product is a material
 * connection (FTC Endorsement Guides §255.5).
 *
 * <p><b>Decisions.</b> Ambiguous wording ({@code #collab}, {@code #partner}, {@code #gift}, "in collaboration with",
 * "teamed up with", "partnered with") is not counted: it as often means a creator collaboration or a friend's present,
 * and regulators do not accept it as a disclosure; it is listed as a weak marker for a human to check. Generic link
 * shorteners (bit.ly, linktr.ee) are not counted either: creators use them for their own content; only affiliate
 * hosts and tracking parameters count. A code word needs a code-shaped token (letters and digits, or four or more
 * capitals) or a quoted one so that "the code is simple" stays organic. Brand mentions alone are not a reason:
 * creators tag friends, places and brands they like.
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
     * @param creatorHandle the author's handle, never a partner brand; may be {@code null}
     */
    public PostSponsorship classify(Post post, String creatorHandle) {
        String caption = post.caption() == null ? "" : post.caption();
        // Words inside links ("/sponsored/how-to-…") are not the creator's wording; links are blanked (same length,
        // so match positions still point into the caption) and judged on their own below.
        List<MatchResult> links = links(caption);
        String folded = TextFolding.fold(links.isEmpty() ? caption : blankLinks(caption, links));
        int[] words = LiteralPrefilter.wordStartPositions(folded);
        // Mentions are found only when a partner tag or a sponsored verdict needs them: most captions need neither.
        Mentions mentions = new Mentions(caption, creatorHandle);
        List<Evidence> evidence = new ArrayList<>();
        Set<String> weak = new LinkedHashSet<>();
        List<int[]> weakSpans = new ArrayList<>();
        List<String> tags = new ArrayList<>();

        // The listed tags (no position in the caption), then those in the caption.
        for (String t : post.hashtags()) {
            hashtag(TextFolding.fold(t), -1, -1, mentions, evidence, weak, tags);
        }
        for (int at = folded.indexOf('#'); at >= 0; at = folded.indexOf('#', at + 1)) {
            int end = at + 1;
            boolean letter = false;
            while (end < folded.length()
                    && (Character.isLetterOrDigit(folded.charAt(end)) || folded.charAt(end) == '_')) {
                letter |= Character.isLetter(folded.charAt(end));
                end++;
            }
            // "#nakdfashion#adv": a tag glued to the previous one still counts; "a#b" and "&#39;" do not.
            char before = at == 0 ? ' ' : folded.charAt(at - 1);
            boolean blocked = Character.isLetterOrDigit(before) || before == '&' || before == '_';
            if (letter && (!blocked || gluedTag(folded, at))) {
                hashtag(folded.substring(at + 1, end), at, end, mentions, evidence, weak, tags);
            }
        }
        addMatches(markers.disclosurePhrases, folded, words, caption, SponsorshipReason.DISCLOSURE_MARKER, evidence);
        addMatches(markers.disclosureLabels, folded, words, caption, SponsorshipReason.DISCLOSURE_MARKER, evidence);
        if (Boolean.TRUE.equals(post.paidPartnership())) {
            evidence.add(new Evidence(SponsorshipReason.PAID_PARTNERSHIP_FLAG, "paid_partnership", -1, -1, null));
        }
        discountCodes(folded, words, caption, evidence);
        addMatches(markers.codePhrases, folded, words, caption, SponsorshipReason.DISCOUNT_CODE, evidence);
        affiliateLinks(links, evidence);
        addMatches(markers.affiliateWords, folded, words, caption, SponsorshipReason.AFFILIATE_LINK, evidence);
        markers.weakPhrases.forEachMatch(folded, words, m -> {
            weak.add(caption.substring(m.start(), m.end()).strip());
            weakSpans.add(new int[] {m.start(), m.end()});
        });

        if (evidence.isEmpty() && weakSpans.isEmpty()) {
            // Most captions: nothing to read in context.
            return new PostSponsorship(post.platformId(), Set.of(), List.of(), List.copyOf(weak), List.of(), false);
        }
        // "Not sponsored", "this is not an ad", "keine Werbung": the sentence's own disclosure words and affiliate
        // wording are taken back. A code or a link stays evidence whatever the caption says about it.
        int[] sentenceEnds = sentenceEnds(folded);
        boolean takeBack = evidence.stream()
                .anyMatch(e -> e.start() >= 0 && e.reason() != SponsorshipReason.DISCOUNT_CODE && !e.link());
        Set<Integer> negated = takeBack ? negatedSentences(folded, sentenceEnds) : Set.of();
        if (!negated.isEmpty()) {
            evidence.removeIf(e -> e.start() >= 0
                    && e.reason() != SponsorshipReason.DISCOUNT_CODE
                    && !e.link()
                    && negated.contains(sentence(sentenceEnds, e.start())));
        }

        Set<SponsorshipReason> reasons = EnumSet.noneOf(SponsorshipReason.class);
        evidence.forEach(e -> reasons.add(e.reason()));
        boolean selfPromotion = false;
        if (!reasons.isEmpty()
                && reasons.stream().noneMatch(SponsorshipReason::discloses)
                && ownProduct(folded, words)
                && !thirdPartyNamed(evidence, mentions.get(), sentenceEnds)) {
            // A code for the creator's own e-book or shop: commercial, but no brand pays for it.
            selfPromotion = true;
            reasons.clear();
        }
        Set<String> found = new LinkedHashSet<>();
        evidence.forEach(e -> found.add(e.text()));
        List<String> brands = reasons.isEmpty()
                ? List.of()
                : partnerBrands(evidence, weakSpans, mentions.get(), tags, folded, sentenceEnds);
        return new PostSponsorship(
                post.platformId(), reasons, List.copyOf(found), List.copyOf(weak), brands, selfPromotion);
    }

    /**
     * One piece of evidence: why, as written, where in the caption ({@code -1} for listed tags and the platform
     * label), and for a brand's partner tag the brand.
     */
    private record Evidence(SponsorshipReason reason, String text, int start, int end, String brand, boolean link) {
        Evidence(SponsorshipReason reason, String text, int start, int end, String brand) {
            this(reason, text, start, end, brand, false);
        }
    }

    /** A mention of another account: where it is and the lower-case handle. */
    private record Mention(int start, int end, String handle) {}

    /** The caption's mentions, found on first use. */
    private static final class Mentions {
        private final String caption;
        private final String creatorHandle;
        private List<Mention> found;

        Mentions(String caption, String creatorHandle) {
            this.caption = caption;
            this.creatorHandle = creatorHandle;
        }

        List<Mention> get() {
            if (found == null) {
                found = mentions(caption, creatorHandle);
            }
            return found;
        }
    }

    /** Whether the '#' at {@code at} directly follows a run of tag characters that itself starts with '#'. */
    private static boolean gluedTag(String folded, int at) {
        int i = at - 1;
        while (i >= 0 && (Character.isLetterOrDigit(folded.charAt(i)) || folded.charAt(i) == '_')) {
            i--;
        }
        return i >= 0 && i < at - 1 && folded.charAt(i) == '#';
    }

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([\\p{L}\\p{N}_][\\p{L}\\p{N}_.]*)");

    private void hashtag(
            String tag,
            int start,
            int end,
            Mentions mentions,
            List<Evidence> evidence,
            Set<String> weak,
            List<String> tags) {
        tags.add(tag);
        Boolean disclosure = markers.hashtags.get(tag);
        if (Boolean.TRUE.equals(disclosure)) {
            evidence.add(new Evidence(SponsorshipReason.DISCLOSURE_MARKER, "#" + tag, start, end, null));
        } else if (disclosure != null) {
            weak.add("#" + tag);
        } else {
            String brand = partnerTagBrand(tag, mentions);
            if (brand != null) {
                evidence.add(new Evidence(SponsorshipReason.DISCLOSURE_MARKER, "#" + tag, start, end, brand));
            }
        }
    }

    /**
     * The brand a partner tag names, or {@code null}: the tag is a brand's name plus a suffix such as "partner" or
     * "ambassador" ({@code #kendrascottpartner}, {@code #t3partner}), and the name must match an account the post
     * mentions, so "#lifepartner" or "#partnerincrime" never count.
     */
    private String partnerTagBrand(String tag, Mentions mentions) {
        for (String suffix : markers.partnerTagSuffixes) {
            if (tag.length() > suffix.length() + 1 && tag.endsWith(suffix)) {
                String name = tag.substring(0, tag.length() - suffix.length()).replace("_", "");
                for (Mention m : mentions.get()) {
                    String stem = stem(m.handle());
                    if (stem.startsWith(name) || (stem.length() >= 3 && name.startsWith(stem))) {
                        return m.handle();
                    }
                }
            }
        }
        return null;
    }

    private static String stem(String handle) {
        String folded = TextFolding.fold(handle);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c != '.' && c != '_') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Accounts mentioned in the caption or listed, in order of appearance, the creator left out. */
    private static List<Mention> mentions(String caption, String creatorHandle) {
        List<Mention> out = new ArrayList<>();
        if (caption.indexOf('@') >= 0) {
            Matcher m = MENTION.matcher(caption);
            while (m.find()) {
                String handle = m.group(1);
                int end = handle.length();
                while (end > 0 && handle.charAt(end - 1) == '.') {
                    end--; // "@glowco." ends a sentence
                }
                handle = handle.substring(0, end).toLowerCase(Locale.ROOT);
                if (!handle.isEmpty() && (creatorHandle == null || !handle.equalsIgnoreCase(creatorHandle))) {
                    out.add(new Mention(m.start(), m.start() + 1 + handle.length(), handle));
                }
            }
        }
        return out;
    }

    /**
     * The partner brands of a sponsored post. A tagged account is a partner only where the post ties it to the
     * deal: named by a partner tag; echoed by one of the post's hashtags (@glowco with #glowco); in the sentence of
     * a disclosure, code, link or weak marker ("Paid partnership with @glowco", "code LENA15 at @glowco"); or the
     * only account tagged. Never a platform (the affiliate app, Instagram), a credit ("📸 @anna"), a winner, or one
     * of a list of three or more tags in a row (friends, the giveaway's co-hosts).
     */
    private List<String> partnerBrands(
            List<Evidence> evidence,
            List<int[]> weakSpans,
            List<Mention> mentions,
            List<String> tags,
            String folded,
            int[] sentenceEnds) {
        Set<String> out = new LinkedHashSet<>();
        evidence.stream().map(Evidence::brand).filter(Objects::nonNull).forEach(out::add);
        List<Mention> candidates = new ArrayList<>();
        for (Mention m : mentions) {
            if (!markers.platformHandles.contains(m.handle()) && !credited(folded, m)) {
                candidates.add(m);
            }
        }
        boolean[] inList = tagLists(folded, candidates);
        Set<Integer> markedSentences = new HashSet<>();
        for (Evidence e : evidence) {
            if (e.start() >= 0) {
                markedSentences.add(sentence(sentenceEnds, e.start()));
            }
        }
        weakSpans.forEach(w -> markedSentences.add(sentence(sentenceEnds, w[0])));
        List<String> loose = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Mention m = candidates.get(i);
            String stem = stem(m.handle());
            boolean echoed = tags.stream()
                    .anyMatch(t -> t.equals(stem)
                            || (t.length() >= 5 && stem.startsWith(t))
                            || (stem.length() >= 5 && t.contains(stem)));
            if (echoed || (!inList[i] && markedSentences.contains(sentence(sentenceEnds, m.start())))) {
                out.add(m.handle());
            } else if (!inList[i]) {
                loose.add(m.handle());
            }
        }
        if (out.isEmpty() && new HashSet<>(loose).size() == 1) {
            out.add(loose.get(0));
        }
        return List.copyOf(out);
    }

    /** Whether a credit word or camera emoji stands right before the mention ("photo by @anna", "📸 @anna"). */
    private boolean credited(String folded, Mention m) {
        return markers.credit
                .matcher(folded.substring(Math.max(0, m.start() - 40), m.start()))
                .find();
    }

    /** Mentions that stand in a run of three or more, with nothing but spaces, marks and "&" between them. */
    private static boolean[] tagLists(String folded, List<Mention> mentions) {
        boolean[] out = new boolean[mentions.size()];
        int runStart = 0;
        for (int i = 1; i <= mentions.size(); i++) {
            boolean joined = i < mentions.size()
                    && LIST_GAP.matcher(folded.substring(
                                    mentions.get(i - 1).end(), mentions.get(i).start()))
                            .matches();
            if (!joined) {
                if (i - runStart >= 3) {
                    for (int k = runStart; k < i; k++) {
                        out[k] = true;
                    }
                }
                runStart = i;
            }
        }
        return out;
    }

    private static final Pattern LIST_GAP = Pattern.compile("[^\\p{L}\\p{N}]{0,6}|\\s*(?:and|und|y|e|et|&)\\s*");

    /**
     * Where sentences end: at '.', '!' or '?' before a space, at a line break, and at the separators '|' and '•'
     * that captions use between sentences. {@link #sentence} numbers the sentences by these positions.
     */
    private static int[] sentenceEnds(String folded) {
        List<Integer> ends = new ArrayList<>();
        int n = folded.length();
        for (int i = 0; i < n; i++) {
            char c = folded.charAt(i);
            boolean end = c == '\n'
                    || c == '|'
                    || c == '•'
                    || ((c == '.' || c == '!' || c == '?')
                            && (i + 1 == n || Character.isWhitespace(folded.charAt(i + 1))));
            if (end) {
                ends.add(i);
            }
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int sentence(int[] ends, int position) {
        int at = Arrays.binarySearch(ends, position);
        return at >= 0 ? at : -at - 1;
    }

    private Set<Integer> negatedSentences(String folded, int[] sentenceEnds) {
        if (markers.negation == null) {
            return Set.of();
        }
        Set<Integer> out = new HashSet<>();
        Matcher m = markers.negation.matcher(folded);
        while (m.find()) {
            out.add(sentence(sentenceEnds, m.start()));
        }
        return out;
    }

    private boolean ownProduct(String folded, int[] words) {
        if (markers.ownProduct == null) {
            return false;
        }
        boolean[] any = {false};
        markers.ownProduct.forEachMatch(folded, words, m -> any[0] = true);
        return any[0];
    }

    /** Whether a code or link stands in a sentence that tags another account: then it is that brand's code. */
    private boolean thirdPartyNamed(List<Evidence> evidence, List<Mention> mentions, int[] sentenceEnds) {
        for (Evidence e : evidence) {
            if (e.start() < 0) {
                continue;
            }
            int s = sentence(sentenceEnds, e.start());
            for (Mention m : mentions) {
                if (!markers.platformHandles.contains(m.handle()) && sentence(sentenceEnds, m.start()) == s) {
                    return true;
                }
            }
        }
        return false;
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
        int selfPromotion = 0;
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
                selfPromotion += s.selfPromotion() ? 1 : 0;
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
            s.partnerBrands().forEach(b -> brandCounts.merge(b, 1, Integer::sum));
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
                    selfPromotion,
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
                selfPromotion,
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

    /** Adds each match, as written in the original text, as evidence for {@code reason}. */
    private static void addMatches(
            SponsorshipMarkers.Phrases phrases,
            String folded,
            int[] words,
            String original,
            SponsorshipReason reason,
            List<Evidence> evidence) {
        phrases.forEachMatch(
                folded,
                words,
                m -> evidence.add(new Evidence(
                        reason, original.substring(m.start(), m.end()).strip(), m.start(), m.end(), null)));
    }

    private void discountCodes(String folded, int[] words, String original, List<Evidence> evidence) {
        markers.codeKeywords.forEachMatch(folded, words, m -> {
            String token = original.substring(m.start(1), m.end(1));
            if (codeShaped(token) || quoted(original, m.start(1), m.end(1))) {
                evidence.add(new Evidence(
                        SponsorshipReason.DISCOUNT_CODE,
                        original.substring(m.start(), m.end()).strip(),
                        m.start(),
                        m.end(),
                        null));
            }
        });
    }

    /** A token in quotes right after a code word ("code 'Celine'", "codice “ giulslively ”") is a code. */
    private static boolean quoted(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return before >= 0
                && after < text.length()
                && QUOTES.indexOf(text.charAt(before)) >= 0
                && QUOTES.indexOf(text.charAt(after)) >= 0;
    }

    private static final String QUOTES = "\"'«»“”„‘’‚";

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

    private void affiliateLinks(List<MatchResult> links, List<Evidence> evidence) {
        for (MatchResult link : links) {
            String marker = affiliateMarker(link.group());
            if (marker != null) {
                evidence.add(
                        new Evidence(SponsorshipReason.AFFILIATE_LINK, marker, link.start(), link.end(), null, true));
            }
        }
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
