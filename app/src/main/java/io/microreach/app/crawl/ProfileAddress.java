package io.microreach.app.crawl;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A creator pasted as a profile URL or a handle, resolved to the source that serves it and the account name that
 * source looks up. A Mastodon account is fetched from its own instance, which is the base URL of its add.
 *
 * @param baseUrl the instance to ask (Mastodon), or {@code null} for the source's configured base URL
 */
public record ProfileAddress(Source source, String account, String baseUrl) {
    private static final Pattern BSKY_PROFILE = Pattern.compile("^/profile/([^/?#]+)/?$");
    private static final Pattern YOUTUBE_CHANNEL = Pattern.compile("^/channel/(UC[A-Za-z0-9_-]{22})/?.*$");
    private static final Pattern YOUTUBE_HANDLE = Pattern.compile("^/(@[A-Za-z0-9._-]{3,30})/?.*$");
    private static final Pattern INSTAGRAM_USER = Pattern.compile("^/([A-Za-z0-9._]{1,30})/?$");
    private static final Pattern MASTODON_PATH = Pattern.compile("^/@([A-Za-z0-9_]{1,30})(@[a-z0-9.-]+)?/?$");
    private static final Pattern FEDI_HANDLE = Pattern.compile("^@?([A-Za-z0-9_]{1,30})@([a-z0-9.-]+\\.[a-z]{2,})$");
    private static final Pattern DID = Pattern.compile("^did:(plc|web):[a-z0-9.:%-]+$");
    private static final Pattern BSKY_HANDLE = Pattern.compile("^@?([a-z0-9-]+(\\.[a-z0-9-]+)+)$");

    /**
     * Reads a URL or a handle. A bare name ({@code rubyjohnson}) is ambiguous and needs {@code hint}, the source the
     * user chose.
     *
     * @throws SourceProblem naming the field {@code account} when the input cannot be read
     */
    public static ProfileAddress parse(String input, Optional<Source> hint) {
        if (input == null || input.isBlank()) {
            throw new SourceProblem("account", "paste a profile URL or a handle");
        }
        String s = input.strip();
        if (s.length() > 300) {
            throw new SourceProblem("account", "a profile URL or handle is at most 300 characters");
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return fromUrl(s);
        }
        if (s.contains("://")) {
            throw new SourceProblem("account", "only http(s) profile URLs can be added: " + s);
        }
        Matcher fedi = FEDI_HANDLE.matcher(s.toLowerCase(Locale.ROOT));
        if (fedi.matches() && hint.filter(h -> h != Source.MASTODON).isEmpty()) {
            return new ProfileAddress(Source.MASTODON, fedi.group(1) + "@" + fedi.group(2), "https://" + fedi.group(2));
        }
        if (DID.matcher(s).matches()) {
            return new ProfileAddress(Source.BLUESKY, s, null);
        }
        if (s.matches("UC[A-Za-z0-9_-]{22}")) {
            return new ProfileAddress(Source.YOUTUBE, s, null);
        }
        if (hint.isPresent()) {
            return new ProfileAddress(
                    hint.get(),
                    hint.get() == Source.BLUESKY
                            ? stripAt(s).toLowerCase(Locale.ROOT)
                            : hint.get() == Source.YOUTUBE ? "@" + stripAt(s) : stripAt(s),
                    null);
        }
        Matcher bsky = BSKY_HANDLE.matcher(s.toLowerCase(Locale.ROOT));
        if (bsky.matches()) {
            return new ProfileAddress(Source.BLUESKY, bsky.group(1), null);
        }
        throw new SourceProblem(
                "account", "“" + s + "” could be on any platform: paste the profile URL, or choose the platform");
    }

    private static ProfileAddress fromUrl(String s) {
        URI u;
        try {
            u = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new SourceProblem("account", "not a URL: " + s);
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        String path = u.getRawPath() == null ? "" : u.getPath();
        if (host.equals("bsky.app") || host.endsWith(".bsky.app")) {
            Matcher m = BSKY_PROFILE.matcher(path);
            if (m.matches()) {
                return new ProfileAddress(Source.BLUESKY, m.group(1).toLowerCase(Locale.ROOT), null);
            }
        } else if (host.equals("youtube.com") || host.endsWith(".youtube.com")) {
            Matcher c = YOUTUBE_CHANNEL.matcher(path);
            if (c.matches()) {
                return new ProfileAddress(Source.YOUTUBE, c.group(1), null);
            }
            Matcher h = YOUTUBE_HANDLE.matcher(path);
            if (h.matches()) {
                return new ProfileAddress(Source.YOUTUBE, h.group(1), null);
            }
        } else if (host.equals("instagram.com") || host.endsWith(".instagram.com")) {
            Matcher m = INSTAGRAM_USER.matcher(path);
            if (m.matches() && !m.group(1).equals("p") && !m.group(1).equals("reel")) {
                return new ProfileAddress(Source.INSTAGRAM, m.group(1).toLowerCase(Locale.ROOT), null);
            }
        } else {
            Matcher m = MASTODON_PATH.matcher(path);
            if (m.matches()) {
                String account = m.group(2) == null ? m.group(1) + "@" + host : m.group(1) + m.group(2);
                return new ProfileAddress(Source.MASTODON, account, u.getScheme() + "://" + host);
            }
        }
        throw new SourceProblem(
                "account",
                "not a profile URL microreach can fetch (Bluesky, YouTube, Instagram or a Mastodon instance): " + s);
    }

    private static String stripAt(String s) {
        return s.startsWith("@") ? s.substring(1) : s;
    }
}
