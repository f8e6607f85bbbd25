package io.microreach.app.tracking;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a tracking code leads: the campaign's stored landing URL with the UTM parameters and a click id. Lookups are
 * cached in memory for {@link #TTL} (unknown codes too, so a flood of made-up codes does not reach the database);
 * {@link #forget()} drops the cache at once, for a change to a campaign's landing URL or name or to its creators.
 *
 * <p>Only a stored landing URL with scheme http or https is ever a target: the code selects a row, nothing in the
 * request enters the address (no open redirect). Our parameters replace parameters of the same name in the landing
 * URL; its other parameters and its fragment are kept.
 */
@Component
public class TrackingLinks {
    /** How long a lookup is reused; a campaign change shows within this time even without {@link #forget()}. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{6,32}");
    private static final Set<String> OURS =
            Set.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "mr_click");
    private static final int MAX_CACHED = 100_000;

    /** A code's target, with the address up to the click id precomputed. */
    record Target(long workspaceId, long creatorId, String prefix, String fragment) {
        String withClick(String clickId) {
            return prefix + clickId + fragment;
        }
    }

    private record Cached(Optional<Target> target, long expiresAt) {}

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    TrackingLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops every cached lookup: call after changing a campaign's landing URL or name, or its creators' codes. */
    public void forget() {
        cache.clear();
    }

    Optional<Target> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached c = cache.get(code);
        if (c != null && now - c.expiresAt() < 0) {
            return c.target();
        }
        Optional<Target> target = load(code);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(code, new Cached(target, now + TTL.toNanos()));
        return target;
    }

    private Optional<Target> load(String code) {
        return jdbc
                .query(
                        "SELECT cc.id, cc.workspace_id, cc.platform, cc.handle, c.name, c.landing_url"
                                + " FROM campaign_creator cc JOIN campaign c ON c.id = cc.campaign_id"
                                + " WHERE cc.tracking_code = ?",
                        (rs, i) -> target(
                                rs.getLong(2),
                                rs.getLong(1),
                                rs.getString(6),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)),
                        code)
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The target for a landing URL, or empty when the URL is missing or not an absolute http(s) address. */
    static Optional<Target> target(
            long workspaceId, long creatorId, String landingUrl, String platform, String handle, String campaign) {
        if (landingUrl == null || landingUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(landingUrl.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        String s = landingUrl.strip();
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? "" : s.substring(hash);
        String beforeFragment = hash < 0 ? s : s.substring(0, hash);
        int q = beforeFragment.indexOf('?');
        String base = q < 0 ? beforeFragment : beforeFragment.substring(0, q);
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String pair : beforeFragment.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!OURS.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.add(pair);
                }
            }
        }
        kept.add("utm_source=" + enc(platform));
        kept.add("utm_medium=influencer");
        kept.add("utm_campaign=" + enc(slug(campaign)));
        kept.add("utm_content=" + enc(handle));
        String prefix = base + "?" + String.join("&", kept) + "&mr_click=";
        return Optional.of(new Target(workspaceId, creatorId, prefix, fragment));
    }

    /** "Spring Launch 2026!" → "spring-launch-2026". */
    static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return plain.isEmpty() ? "campaign" : plain;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
