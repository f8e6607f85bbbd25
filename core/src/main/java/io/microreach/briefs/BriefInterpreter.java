package io.microreach.briefs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the constraints a marketer states in a brief and the topic left over.
 *
 * <p>Why: a brief such as "We sell organic vegan skincare in Germany and want honest reviews from small creators" is
 * mostly words that are not about content. Embedded whole, "honest reviews", "small" and "creators" pull the brief
 * towards review and gadget channels, and "Germany" is a filter the embedding cannot apply. So the brief is split: the
 * stated country, language, platform and creator size become chips (filters or boosts the user can see and change),
 * and only the remaining content words (here "organic vegan skincare") are embedded.
 *
 * <p>How: the text is cut into words, each compared in lower case without accents (ß as ss) against phrase tables in
 * English, German, Spanish and French, longest phrase first. A country is a filter (a brand names the market it sells
 * in); a language is a boost (creators in another language may still reach the market); a platform is a filter; a
 * size word counts only next to a word for creators ("small creators", "kleine Creator", "creadores pequeños", "petits
 * créateurs", up to two words apart) or as "micro"/"nano" themselves ("micro-influencers"), and is a boost towards
 * that tier. Words of a chip and boilerplate ("we", "sell", "honest reviews", "wir", "suchen", "nous", "cherchons")
 * are left out of the topic. Two-letter codes are not read as countries: "de", "es" and "us" are ordinary words.
 */
public final class BriefInterpreter {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private record Meaning(BriefChip.Field field, String value, String label) {}

    private static final Map<String, Meaning> PHRASES = new LinkedHashMap<>();
    private static final Set<String> CREATOR_WORDS = new HashSet<>();
    private static final Map<String, String> SIZE_WORDS = new LinkedHashMap<>();
    private static final Set<String> BOILERPLATE = new HashSet<>();
    private static final int LONGEST_PHRASE = 3;

    static {
        country("DE", "Germany", "germany", "deutschland", "alemania", "allemagne", "germania");
        country("AT", "Austria", "austria", "osterreich", "autriche");
        country("CH", "Switzerland", "switzerland", "schweiz", "suiza", "suisse", "svizzera");
        country("FR", "France", "france", "frankreich", "francia");
        country("BE", "Belgium", "belgium", "belgien", "belgica", "belgique");
        country("ES", "Spain", "spain", "spanien", "espana", "espagne");
        country("MX", "Mexico", "mexico", "mexiko", "mexique");
        country("AR", "Argentina", "argentina", "argentinien", "argentine");
        country("CO", "Colombia", "colombia", "kolumbien", "colombie");
        country("IT", "Italy", "italy", "italia", "italie");
        country("BR", "Brazil", "brazil", "brasilien", "brasil", "bresil");
        country("PT", "Portugal", "portugal");
        country(
                "US",
                "United States",
                "usa",
                "united states",
                "america",
                "estados unidos",
                "etats unis",
                "vereinigte staaten",
                "vereinigten staaten");
        country(
                "GB",
                "United Kingdom",
                "uk",
                "united kingdom",
                "great britain",
                "britain",
                "england",
                "grossbritannien",
                "reino unido",
                "royaume uni",
                "angleterre");
        country("CA", "Canada", "canada", "kanada");
        country("AU", "Australia", "australia", "australien", "australie");
        country("IE", "Ireland", "ireland", "irland", "irlanda", "irlande");
        country("NZ", "New Zealand", "new zealand", "neuseeland", "nueva zelanda", "nouvelle zelande");

        language("en", "English", "english", "englisch", "englischsprachig", "englischsprachige", "ingles", "anglais");
        language(
                "de",
                "German",
                "german",
                "german speaking",
                "deutsch",
                "deutsche",
                "deutschen",
                "deutscher",
                "deutschsprachig",
                "deutschsprachige",
                "deutschsprachigen",
                "aleman",
                "alemana",
                "alemanes",
                "allemand",
                "allemande",
                "allemands");
        language(
                "es",
                "Spanish",
                "spanish",
                "spanish speaking",
                "spanisch",
                "spanischsprachige",
                "espanol",
                "espanola",
                "espanoles",
                "hispanohablantes",
                "espagnol",
                "espagnols");
        language(
                "fr",
                "French",
                "french",
                "french speaking",
                "franzosisch",
                "franzosische",
                "franzosischen",
                "frances",
                "francesa",
                "franceses",
                "francais",
                "francaise",
                "francaises",
                "francophone",
                "francophones");
        language("it", "Italian", "italian", "italienisch", "italienische", "italiano", "italiana");
        language("pt", "Portuguese", "portuguese", "portugiesisch", "portugues", "portuguesa", "portugais");

        platform("instagram", "Instagram", "instagram", "insta", "instagrammer", "instagrammers", "instagramer");
        platform("tiktok", "TikTok", "tiktok", "tik tok", "tiktoker", "tiktokers", "tiktokerinnen");
        platform("youtube", "YouTube", "youtube", "you tube", "youtuber", "youtubers", "youtuberin", "youtuberinnen");
        platform("bluesky", "Bluesky", "bluesky");
        platform("twitter", "Twitter", "twitter");

        for (String w : ("creator creators creatorin creatorinnen influencer influencers influencerin influencerinnen"
                        + " influenceur influenceurs influenceuse influenceuses createur createurs createurice"
                        + " createurices creatrice creatrices creador creadores creadora creadoras influenciador"
                        + " influenciadores influencer accounts account konten kanale kanal kanalen channels channel"
                        + " cuentas comptes perfiles blogger bloggers bloggerinnen")
                .split(" ")) {
            CREATOR_WORDS.add(w);
        }
        for (String w : "small smaller micro mikro kleine kleinen kleiner klein kleineren pequenos pequenas pequeno"
                .split(" ")) {
            SIZE_WORDS.put(w, "micro");
        }
        for (String w : "pequena petits petites petit petite".split(" ")) {
            SIZE_WORDS.put(w, "micro");
        }
        for (String w : "nano tiny winzige winzigen".split(" ")) {
            SIZE_WORDS.put(w, "nano");
        }
        for (String w : "midsize medium mittelgrosse mittelgrossen medianos medianas moyens moyennes".split(" ")) {
            SIZE_WORDS.put(w, "mid");
        }
        for (String w : "big large grosse grossen grosser grandes grands grandes".split(" ")) {
            SIZE_WORDS.put(w, "macro");
        }
        String english = "we our ours us i my me you your a an the and or of for to in on at from with who that which"
                + " is are be do does want wants would like looking look seek seeking need needs find finding sell"
                + " sells selling make makes making brand brands company shop store startup business people partner"
                + " partners partnering collaborate collaboration collaborations campaign campaigns promote promoting"
                + " honest authentic genuine real review reviews content audience audiences followers some few based"
                + " speaking language market country products product by about help get reach new launch launching"
                + " posts post them their they it its this these those can will should into across also more many"
                + " very good great sized size tier";
        String german = "wir unser unsere unseren unserer unserem ich mein meine sie ein eine einen einem einer der die"
                + " das den dem des und oder fur von zu in im auf aus mit bei nach suchen suche wollen mochten mochte"
                + " verkaufen verkauft vertreiben brauchen finden marke firma unternehmen ehrliche ehrlichen ehrlich"
                + " bewertungen bewertung rezensionen testberichte echte echten authentische inhalte publikum"
                + " follower produkte produkt kampagne zusammenarbeit sind ist uber eher gerne als wie sehr neue"
                + " neuen sprachige";
        String spanish = "nosotros vendemos vender buscamos buscar queremos quiero necesitamos para con y o el la los"
                + " las un una unos unas en de del al que por nuestra nuestro nuestros nuestras marca empresa tienda"
                + " resenas opiniones honestas honestos sinceras sinceros autenticas autenticos contenido productos"
                + " producto campana colaboracion son es muy";
        String french = "nous notre nos vendons vendre cherchons chercher voulons souhaitons avons besoin pour avec et"
                + " ou le la les l un une des en de du d au aux qui que par marque entreprise boutique avis honnetes"
                + " honnete sinceres authentiques contenu produits produit campagne sont est tres vrais";
        for (String list : List.of(english, german, spanish, french)) {
            for (String w : list.split(" ")) {
                BOILERPLATE.add(w);
            }
        }
        BOILERPLATE.addAll(CREATOR_WORDS);
    }

    private BriefInterpreter() {}

    private static void country(String code, String label, String... names) {
        for (String n : names) {
            PHRASES.put(n, new Meaning(BriefChip.Field.COUNTRY, code, label));
        }
    }

    private static void language(String code, String label, String... names) {
        for (String n : names) {
            PHRASES.put(n, new Meaning(BriefChip.Field.LANGUAGE, code, label));
        }
    }

    private static void platform(String id, String label, String... names) {
        for (String n : names) {
            PHRASES.put(n, new Meaning(BriefChip.Field.PLATFORM, id, label));
        }
    }

    /** The chips and topic of a brief; an empty interpretation for a blank one. */
    public static BriefInterpretation interpret(String brief) {
        if (brief == null || brief.isBlank()) {
            return new BriefInterpretation(List.of(), "");
        }
        List<String> raw = new ArrayList<>();
        List<String> norm = new ArrayList<>();
        Matcher m = WORD.matcher(brief);
        while (m.find()) {
            raw.add(m.group());
            norm.add(normalise(m.group()));
        }
        boolean[] used = new boolean[raw.size()];
        Map<String, BriefChip> chips = new LinkedHashMap<>();
        for (int i = 0; i < norm.size(); i++) {
            for (int len = Math.min(LONGEST_PHRASE, norm.size() - i); len >= 1; len--) {
                Meaning meaning = PHRASES.get(String.join(" ", norm.subList(i, i + len)));
                if (meaning != null) {
                    BriefChip.Mode mode =
                            meaning.field() == BriefChip.Field.LANGUAGE ? BriefChip.Mode.BOOST : BriefChip.Mode.FILTER;
                    add(chips, meaning.field(), meaning.value(), meaning.label(), raw.subList(i, i + len), mode);
                    for (int k = i; k < i + len; k++) {
                        used[k] = true;
                    }
                    i += len - 1;
                    break;
                }
            }
        }
        for (int i = 0; i < norm.size(); i++) {
            String w = norm.get(i);
            String tier = SIZE_WORDS.get(w);
            if (w.startsWith("micro") || w.startsWith("mikro")) {
                tier = "micro";
            } else if (w.startsWith("nano")) {
                tier = "nano";
            }
            if (tier == null || used[i]) {
                continue;
            }
            boolean standalone = w.startsWith("micro") || w.startsWith("mikro") || w.startsWith("nano");
            int creator = standalone ? -1 : creatorWordNear(norm, i);
            if (!standalone && creator < 0) {
                continue;
            }
            List<String> words = creator < 0
                    ? List.of(raw.get(i))
                    : creator > i ? List.of(raw.get(i), raw.get(creator)) : List.of(raw.get(creator), raw.get(i));
            add(chips, BriefChip.Field.TIER, tier, tierLabel(tier), words, BriefChip.Mode.BOOST);
            used[i] = true;
        }
        List<String> topic = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!used[i] && !BOILERPLATE.contains(norm.get(i)) && !isSizeOrCreator(norm.get(i))) {
                topic.add(raw.get(i));
            }
        }
        return new BriefInterpretation(
                List.copyOf(chips.values()), topic.isEmpty() ? brief.strip() : String.join(" ", topic));
    }

    private static boolean isSizeOrCreator(String w) {
        return w.startsWith("microinfluenc")
                || w.startsWith("mikroinfluenc")
                || w.startsWith("nanoinfluenc")
                || w.equals("micro")
                || w.equals("mikro")
                || w.equals("nano");
    }

    /** The index of a creator word at most two words after (or, as in Spanish and French, before) {@code i}, or -1. */
    private static int creatorWordNear(List<String> norm, int i) {
        for (int d = 1; d <= 3; d++) {
            if (i + d < norm.size() && CREATOR_WORDS.contains(norm.get(i + d))) {
                return i + d;
            }
        }
        if (i >= 1 && CREATOR_WORDS.contains(norm.get(i - 1))) {
            return i - 1;
        }
        return -1;
    }

    private static void add(
            Map<String, BriefChip> chips,
            BriefChip.Field field,
            String value,
            String label,
            List<String> words,
            BriefChip.Mode mode) {
        String key = field.param() + ":" + value;
        BriefChip old = chips.get(key);
        String text = String.join(" ", words);
        chips.put(
                key,
                old == null
                        ? new BriefChip(field, value, label, text, mode)
                        : new BriefChip(field, value, label, old.words() + ", " + text, old.mode()));
    }

    /** A tier id for people, with its default follower band (PRODUCT.md). */
    public static String tierLabel(String tier) {
        return switch (tier) {
            case "nano" -> "Nano (under 5k followers)";
            case "micro" -> "Micro (5k–50k followers)";
            case "mid" -> "Mid (50k–500k followers)";
            case "macro" -> "Macro (500k–1M followers)";
            case "mega" -> "Mega (1M+ followers)";
            default -> tier;
        };
    }

    static String normalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
