package io.microreach.generator;

import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import java.time.Instant;
import java.util.List;

/**
 * The people who follow and comment: audience members (keyed by {@link Community#personKey}) and bots (keyed by farm
 * and member). A profile is a pure function of the seed and the key, so the same person shows the same handle and
 * numbers in every creator's follower sample and comment section they appear in, and nothing is stored.
 *
 * <p>Bots live in farms: {@link #SPAM_FARMS} spam farms supply the background fake followers every account has, and
 * bought followers come from one to three of the {@link #FARMS} sale farms, chosen with a popularity skew so that
 * popular farms serve many creators. Each farm has one handle style.
 */
final class Population {
    static final int FARMS = 300;
    static final int SPAM_FARMS = 30;
    static final int FARM_SIZE = 20_000;
    private static final String[] LINK_SITES = {
        "https://linktr.ee/", "https://beacons.ai/", "https://www.youtube.com/@", "https://bio.site/"
    };
    private static final String[] NAME_EMOJI = {"✨", "🌸", "⚡", "🌙", "🖤", "☀️"};

    /** A follower or commenter profile; the platform decides only the id and the handle's form. */
    record Person(
            long accountKey,
            boolean fake,
            String handle,
            String fullName,
            String bio,
            ProfileModel.Traits traits,
            String externalUrl,
            boolean verified) {}

    private final long seed;
    private final PhraseBank phrases;
    private final PlatformIds ids;

    Population(long seed, PhraseBank phrases, PlatformIds ids) {
        this.seed = seed;
        this.phrases = phrases;
        this.ids = ids;
    }

    static long botKey(int farm, int member) {
        return ((long) farm << 16) | member;
    }

    Person person(long personKey) {
        Rng rng = Rng.of(seed, Streams.PERSON, personKey);
        Country country = Community.countryOfPerson(personKey);
        PhraseBank.Language lang = phrases.language(country.language());
        String first = rng.pick(lang.firstNames());
        String last = rng.pick(lang.lastNames());
        ProfileModel.Traits t = ProfileModel.REAL.draw(rng);
        String handle = Handles.person(first, last, t.handleLength(), t.handleDigits(), rng);
        String fullName = switch (Math.min(t.fullNameWords(), 4)) {
            case 0 -> null;
            case 1 -> first;
            case 2 -> first + " " + last;
            case 3 -> first + " " + last + " " + NAME_EMOJI[rng.below(NAME_EMOJI.length)];
            default -> first + " " + rng.pick(lang.firstNames()) + " " + last + " " + rng.pick(lang.lastNames());
        };
        String city = rng.pick(phrases.cities(country));
        String bio = bio(lang.personBios(), t.bioLength(), rng, city);
        String url = t.externalUrl() ? LINK_SITES[rng.below(LINK_SITES.length)] + handle : null;
        boolean verified = t.followers() > 100_000 && rng.chance(0.3);
        return new Person(
                PlatformIds.accountKey(PlatformIds.KIND_PERSON, personKey),
                false,
                handle,
                fullName,
                bio,
                t,
                url,
                verified);
    }

    Person bot(long botKey) {
        Rng rng = Rng.of(seed, Streams.BOT, botKey);
        int farm = (int) (botKey >>> 16);
        int style = farm % 4;
        PhraseBank.Language lang = phrases.language(Country.LANGUAGES[farm % Country.LANGUAGES.length]);
        String first = rng.pick(lang.firstNames());
        ProfileModel.Traits t = ProfileModel.FAKE.draw(rng);
        String handle = Handles.bot(
                style, phrases.botSyllables(), phrases.botWords(), first, t.handleLength(), t.handleDigits(), rng);
        String fullName;
        if (t.fullNameWords() == 0) {
            fullName = null;
        } else if (rng.chance(0.066)) {
            // Kaggle fake class: 6.6% have the handle as full name.
            fullName = handle;
        } else if (t.fullNameWords() == 1) {
            fullName = rng.chance(0.5) ? first : handle.replaceAll("[0-9._]", "");
        } else {
            fullName = first + " " + rng.pick(lang.lastNames());
        }
        String bio = bio(phrases.spamBios(), t.bioLength(), rng, "");
        return new Person(
                PlatformIds.accountKey(PlatformIds.KIND_BOT, botKey),
                true,
                handle,
                fullName == null || fullName.isBlank() ? null : fullName,
                bio,
                t,
                null,
                false);
    }

    String id(Person p, Platform platform) {
        return ids.account(platform, p.accountKey());
    }

    String handle(Person p, Platform platform) {
        return Handles.forPlatform(p.handle(), platform);
    }

    FollowerSample sample(Person p, Platform platform, String accountId, Instant sampledAt) {
        ProfileModel.Traits t = p.traits();
        return new FollowerSample(
                platform,
                accountId,
                id(p, platform),
                handle(p, platform),
                p.fullName(),
                p.bio(),
                t.followers(),
                t.following(),
                t.posts(),
                t.profilePic(),
                t.privateAccount(),
                p.verified(),
                p.externalUrl(),
                sampledAt);
    }

    /**
     * A bio of about {@code length} characters: the snippet closest to the length out of three, then more snippets
     * while shorter, cut back to a word boundary when too long.
     */
    private static String bio(List<String> snippets, int length, Rng rng, String city) {
        if (length <= 0) {
            return null;
        }
        String first = rng.pick(snippets);
        for (int i = 0; i < 2; i++) {
            String other = rng.pick(snippets);
            if (Math.abs(other.length() - length) < Math.abs(first.length() - length)) {
                first = other;
            }
        }
        StringBuilder sb = new StringBuilder(first.replace("{city}", city));
        while (sb.length() < length - 4) {
            sb.append(rng.chance(0.5) ? " | " : " ").append(rng.pick(snippets).replace("{city}", city));
        }
        String s = sb.toString();
        if (s.length() > length + 4) {
            int cut = s.lastIndexOf(' ', length);
            s = cut >= Math.max(3, length / 2) ? s.substring(0, cut) : s;
        }
        s = s.strip();
        while (s.endsWith("|") || s.endsWith("•")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }
}
