package io.microreach.app.search;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.domain.TierBands;
import io.microreach.niches.Niche;
import io.microreach.niches.NicheTaxonomy;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that turns the ids of the data (niche, platform, tier, country and language codes, sort orders, filter
 * parameters) into the words a marketer reads: {@code clean_beauty} is "Clean beauty", {@code DE} "Germany (DE)",
 * {@code micro} "Micro (5k–50k)" (the product's default bands, {@link TierBands#DEFAULT}). Pages reach it as the bean
 * {@code labels} ({@code ${@labels.niche(id)}} in a template). An id it does not know comes back readable ({@code
 * some_new_thing} is "Some new thing"), never as an error: a label must not break a page.
 */
@Component("labels")
public class Labels {
    private static final Map<String, String> PLATFORMS = Map.of(
            Platform.INSTAGRAM.id(), "Instagram",
            Platform.TIKTOK.id(), "TikTok",
            Platform.YOUTUBE.id(), "YouTube",
            Platform.BLUESKY.id(), "Bluesky",
            Platform.TWITTER.id(), "X (Twitter)",
            Platform.MASTODON.id(), "Mastodon");

    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("relevance", "Best match"),
            Map.entry("followers", "Followers"),
            Map.entry("following", "Accounts followed"),
            Map.entry("posts", "Posts"),
            Map.entry("er", "Engagement rate"),
            Map.entry("er_percentile", "Engagement percentile"),
            Map.entry("trust", "Trust score"),
            Map.entry("suspicious_share", "Suspicious followers (fewest first)"),
            Map.entry("reply_rate", "Reply rate"),
            Map.entry("last_seen", "Recently active"),
            Map.entry("handle", "Handle (A–Z)"),
            Map.entry("platform", "Platform"),
            Map.entry("country", "Country"));

    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("query", "Keywords"),
            Map.entry("brief", "Brand brief"),
            Map.entry("platform", "Platform"),
            Map.entry("tier", "Size"),
            Map.entry("niche", "Niche"),
            Map.entry("niche_confidence_min", "Niche confidence at least"),
            Map.entry("followers_min", "Followers from"),
            Map.entry("followers_max", "Followers to"),
            Map.entry("er_min", "Engagement rate from"),
            Map.entry("er_max", "Engagement rate to"),
            Map.entry("er_percentile_min", "Engagement percentile at least"),
            Map.entry("er_percentile_max", "Engagement percentile at most"),
            Map.entry("trust_min", "Trust score at least"),
            Map.entry("suspicious_max", "Suspicious followers at most"),
            Map.entry("reply_rate_min", "Reply rate at least"),
            Map.entry("country", "Country"),
            Map.entry("language", "Language"),
            Map.entry("price_min", "Price from"),
            Map.entry("price_max", "Price to"),
            Map.entry("has_contact", "Contact"),
            Map.entry("text", "Handle or name"),
            Map.entry("include_demo", "Demo data"),
            Map.entry("sort", "Order by"),
            Map.entry("dir", "Direction"),
            Map.entry("page", "Page"));

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    private final NicheTaxonomy niches;

    public Labels(NicheTaxonomy niches) {
        this.niches = niches;
    }

    /** A niche's name from the taxonomy ("Clean beauty"). */
    public String niche(String id) {
        return id == null ? "" : niches.find(id).map(Niche::name).orElseGet(() -> readable(id));
    }

    /** "Instagram", "TikTok", "YouTube" ... */
    public String platform(String id) {
        return id == null ? "" : PLATFORMS.getOrDefault(id.toLowerCase(Locale.ROOT), readable(id));
    }

    /** The tier's name alone ("Micro"). */
    public String tierName(String id) {
        return id == null ? "" : readable(id);
    }

    /** The tier with its follower band ("Micro (5k–50k)", "Nano (under 5k)", "Mega (1M+)"). */
    public String tier(String id) {
        if (id == null) {
            return "";
        }
        TierBands b = TierBands.DEFAULT;
        String band;
        try {
            band = switch (Tier.valueOf(id.toUpperCase(Locale.ROOT))) {
                case NANO -> "under " + compact(b.micro());
                case MICRO -> compact(b.micro()) + "–" + compact(b.mid());
                case MID -> compact(b.mid()) + "–" + compact(b.macro());
                case MACRO -> compact(b.macro()) + "–" + compact(b.mega());
                case MEGA -> compact(b.mega()) + "+";
            };
        } catch (IllegalArgumentException e) {
            return readable(id);
        }
        return readable(id) + " (" + band + ")";
    }

    /** "Germany (DE)"; an unknown code as it is. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY_CODES.contains(upper)) {
            return upper;
        }
        return new Locale.Builder().setRegion(upper).build().getDisplayCountry(Locale.ENGLISH) + " (" + upper + ")";
    }

    /** "German (de)"; an unknown code as it is. */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code.strip()).getDisplayName(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? code : name + " (" + code.strip() + ")";
    }

    /** A search order's name ("Trust score"). */
    public String sort(String id) {
        return id == null ? "" : SORTS.getOrDefault(id, readable(id));
    }

    /** A filter or search parameter's name as the form labels it ("Followers from" for {@code followers_min}). */
    public String parameter(String key) {
        return key == null ? "" : PARAMETERS.getOrDefault(key, readable(key));
    }

    /** Whether the filter is a rate, given as a fraction (0.1) or a percentage (10%). */
    public boolean isRate(String key) {
        return SearchParameters.isRate(key);
    }

    /** {@code some_id} as "Some id". */
    static String readable(String id) {
        String words = id.replace('_', ' ').replace('-', ' ').strip();
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** 5000 as "5k", 1000000 as "1M". */
    static String compact(long n) {
        if (n >= 1_000_000 && n % 100_000 == 0) {
            return trim(n / 1_000_000.0) + "M";
        }
        if (n >= 1_000 && n % 100 == 0) {
            return trim(n / 1_000.0) + "k";
        }
        return Long.toString(n);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
