package io.microreach.generator;

import io.microreach.domain.Platform;
import io.microreach.domain.PostFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes captions in the creator's language from the phrase bank: a body (plain, or one of the interaction-inviting
 * kinds: a question, a call to comment, tips/how-to/lists), for sponsored posts a brand mention with a discount code
 * and/or an affiliate link and, unless the creator skips it, a disclosure marker, then the hashtags. Non-sponsored
 * captions never contain a disclosure marker, a discount code or a link, so sponsored posts can be recovered from
 * the text: disclosed ones by their marker, undisclosed ones by their code or link.
 */
final class CaptionWriter {
    /** What a caption invites: nothing, an answer to a question, comments, or saving a tip/how-to/list. */
    enum Invitation {
        NONE,
        QUESTION,
        CALL_TO_COMMENT,
        TIPS
    }

    /** A written caption and what it contains. */
    record Caption(String text, String topic, boolean disclosed, String brand) {}

    private final PhraseBank phrases;

    CaptionWriter(PhraseBank phrases) {
        this.phrases = phrases;
    }

    Caption write(AccountPlan plan, PostFormat format, Invitation invitation, boolean sponsored, Rng rng) {
        CreatorIdentity identity = plan.identity();
        PhraseBank.Language lang = phrases.language(identity.language());
        Niche niche = pickNiche(identity, rng);
        PhraseBank.NicheText nicheText = phrases.niche(niche).in(identity.language());
        String topic = rng.pick(nicheText.topics());
        List<String> templates = switch (invitation) {
            case NONE -> lang.plainCaptions();
            case QUESTION -> lang.questionCaptions();
            case CALL_TO_COMMENT -> lang.ctaCaptions();
            case TIPS -> lang.tipsCaptions();
        };
        StringBuilder text = new StringBuilder(capitalise(rng.pick(templates).replace("{topic}", topic)));
        boolean disclosed = false;
        String brand = null;
        if (sponsored) {
            AccountPlan.Posting p = plan.posting();
            brand = rng.pick(p.partnerBrands());
            disclosed = rng.chance(p.disclosureRate());
            String disclosure = disclosed ? fill(rng.pick(lang.disclosures()), topic, brand, p, plan) : null;
            boolean disclosureFirst = disclosed && rng.chance(0.3);
            if (disclosureFirst) {
                text.insert(0, disclosure + " | ");
            }
            text.append("\n").append(fill(rng.pick(lang.sponsorIntros()), topic, brand, p, plan));
            boolean code = rng.chance(0.6);
            // An undisclosed deal still shows its code or link; only the marker is missing.
            boolean link = rng.chance(0.4) || (!code && !disclosed);
            if (code) {
                text.append(". ").append(fill(rng.pick(lang.codePhrases()), topic, brand, p, plan));
            }
            if (link) {
                text.append(". ").append(fill(rng.pick(lang.affiliatePhrases()), topic, brand, p, plan));
            }
            if (disclosed && !disclosureFirst) {
                text.append(" ").append(disclosure);
            }
        }
        List<String> tags = hashtags(plan, format, nicheText, rng);
        if (!tags.isEmpty()) {
            text.append("\n\n");
            for (int i = 0; i < tags.size(); i++) {
                text.append(i == 0 ? "#" : " #").append(tags.get(i));
            }
        }
        return new Caption(text.toString(), topic, disclosed, brand);
    }

    private static Niche pickNiche(CreatorIdentity identity, Rng rng) {
        double[] w = new double[identity.niches().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = identity.niches().get(i).weight();
        }
        return identity.niches().get(rng.weighted(w)).niche();
    }

    private List<String> hashtags(AccountPlan plan, PostFormat format, PhraseBank.NicheText nicheText, Rng rng) {
        int n = (int) Math.min(15, rng.poisson(plan.posting().hashtagMean()));
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        // Mostly the post's own niche; now and then a tag of the creator's other niches or the platform's.
        List<String> others = new ArrayList<>();
        for (CreatorIdentity.NicheWeight nw : plan.identity().niches()) {
            others.addAll(
                    phrases.niche(nw.niche()).in(plan.identity().language()).hashtags());
        }
        if (plan.platform() == Platform.TIKTOK) {
            others.add("fyp");
            others.add("foryou");
        } else if (format == PostFormat.REEL) {
            others.add("reels");
        } else if (format == PostFormat.SHORT) {
            others.add("shorts");
        }
        for (int tries = 0; out.size() < n && tries < 4 * n; tries++) {
            String tag = rng.pick(rng.chance(0.8) ? nicheText.hashtags() : others);
            if (!out.contains(tag)) {
                out.add(tag);
            }
        }
        return out;
    }

    private static String fill(String template, String topic, String brand, AccountPlan.Posting p, AccountPlan plan) {
        String s = template.replace("{topic}", topic).replace("{brand}", brand);
        if (s.contains("{code}") || s.contains("{pct}")) {
            s = s.replace("{code}", p.discountCode()).replace("{pct}", Integer.toString(p.discountPercent()));
        }
        if (s.contains("{link}")) {
            String who = Handles.ascii(plan.identity().firstName())
                    + Handles.ascii(plan.identity().lastName());
            s = s.replace("{link}", "https://" + brand + ".com/ref/" + who);
        }
        return s;
    }

    private static String capitalise(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
