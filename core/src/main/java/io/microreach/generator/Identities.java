package io.microreach.generator;

import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws creator identities: platform (instagram 45%, tiktok 25%, youtube 15%, bluesky 15%; 10% have a second
 * account elsewhere), language and country, a primary niche and 0–2 related secondary niches with weights, a name
 * from the language's name list and a handle built from it.
 */
final class Identities {
    static final Platform[] PLATFORMS = {Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE, Platform.BLUESKY};
    static final double[] PLATFORM_SHARES = {0.45, 0.25, 0.15, 0.15};
    static final double SECOND_ACCOUNT_SHARE = 0.10;
    /** One emoji per niche, in {@link Niche} order, for display names such as "Lena 💪". */
    private static final String[] NICHE_EMOJI = {
        "💪", "🌿", "💄", "👗", "🎮", "✈️", "🌱", "🍝", "👶", "🐾", "🏡", "📱", "💸", "⚽", "🏔️", "🎶", "📚", "♻️"
    };

    private final long seed;
    private final PhraseBank phrases;
    private final PlatformIds ids;

    Identities(long seed, PhraseBank phrases, PlatformIds ids) {
        this.seed = seed;
        this.phrases = phrases;
        this.ids = ids;
    }

    CreatorIdentity of(int index) {
        Rng rng = Rng.of(seed, Streams.IDENTITY, index);
        Platform primary = PLATFORMS[rng.weighted(PLATFORM_SHARES)];
        Platform secondary = null;
        if (rng.chance(SECOND_ACCOUNT_SHARE)) {
            double[] w = PLATFORM_SHARES.clone();
            for (int i = 0; i < PLATFORMS.length; i++) {
                if (PLATFORMS[i] == primary) {
                    w[i] = 0;
                }
            }
            secondary = PLATFORMS[rng.weighted(w)];
        }
        String language = Country.LANGUAGES[rng.weighted(Country.LANGUAGE_SHARES)];
        Country country = Country.draw(language, rng);
        List<CreatorIdentity.NicheWeight> niches = niches(rng);
        PhraseBank.Language words = phrases.language(language);
        String first = rng.pick(words.firstNames());
        String last = rng.pick(words.lastNames());
        String word = rng.pick(phrases.niche(niches.get(0).niche()).handleWords());
        String handle = Handles.creator(first, last, word, country.name(), rng);
        String secondHandle = rng.chance(0.7) ? handle : Handles.creator(first, last, word, country.name(), rng);
        String display = switch (rng.below(4)) {
            case 0 -> first;
            case 1 -> first + " " + NICHE_EMOJI[niches.get(0).niche().ordinal()];
            default -> first + " " + last;
        };
        return new CreatorIdentity(
                index,
                ids.creatorKey(index),
                language,
                country,
                niches,
                first,
                last,
                display,
                primary,
                secondary,
                handle,
                secondHandle);
    }

    private static List<CreatorIdentity.NicheWeight> niches(Rng rng) {
        Niche primary = Niche.values()[rng.weighted(Niche.shares())];
        double r = rng.uniform();
        int secondaries = r < 0.4 ? 0 : r < 0.8 ? 1 : 2;
        List<Niche> chosen = new ArrayList<>();
        chosen.add(primary);
        for (int k = 0; k < secondaries; k++) {
            double[] w = new double[Niche.values().length];
            for (Niche n : Niche.values()) {
                w[n.ordinal()] = chosen.contains(n) ? 0 : primary.affinity(n);
            }
            chosen.add(Niche.values()[rng.weighted(w)]);
        }
        List<CreatorIdentity.NicheWeight> out = new ArrayList<>();
        if (secondaries == 0) {
            out.add(new CreatorIdentity.NicheWeight(primary, 1.0));
            return List.copyOf(out);
        }
        double primaryWeight = round3(rng.between(0.55, 0.85));
        double rest = 1 - primaryWeight;
        out.add(new CreatorIdentity.NicheWeight(primary, primaryWeight));
        if (secondaries == 1) {
            out.add(new CreatorIdentity.NicheWeight(chosen.get(1), round3(rest)));
        } else {
            double first = round3(rest * rng.between(0.5, 0.8));
            out.add(new CreatorIdentity.NicheWeight(chosen.get(1), first));
            out.add(new CreatorIdentity.NicheWeight(chosen.get(2), round3(rest - first)));
        }
        return List.copyOf(out);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
