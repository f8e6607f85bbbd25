package io.microreach.connectors.youtube;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account as a caller names it: a channel id ({@code UC} and 22 base64url characters), a handle with or without
 * {@code @}, or a channel URL ({@code https://www.youtube.com/@handle}, {@code https://www.youtube.com/channel/UC…}).
 * Exactly one of {@code id} and {@code handle} is set; the handle carries no {@code @}.
 */
record ChannelRef(String id, String handle) {
    private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}._·-]{1,100}");

    /** The reference, or {@code null} when the text names no channel (a video URL, a legacy /user/ name...). */
    static ChannelRef parse(String account) {
        String s = account == null ? "" : account.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")
                || lower.startsWith("https://")
                || lower.startsWith("www.youtube.com/")
                || lower.startsWith("youtube.com/")
                || lower.startsWith("m.youtube.com/")) {
            return fromUrl(lower.startsWith("http") ? s : "https://" + s);
        }
        if (CHANNEL_ID.matcher(s).matches()) {
            return new ChannelRef(s, null);
        }
        String handle = s.startsWith("@") ? s.substring(1) : s;
        return HANDLE.matcher(handle).matches() ? new ChannelRef(null, handle) : null;
    }

    /** The crawl-state key of this reference. */
    String key() {
        return id != null ? id : "@" + handle.toLowerCase(Locale.ROOT);
    }

    private static ChannelRef fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!(host.equals("youtube.com") || host.endsWith(".youtube.com"))) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getPath();
        String[] parts = path.split("/");
        if (parts.length >= 2 && parts[1].startsWith("@") && parts[1].length() > 1) {
            return parse(parts[1]);
        }
        if (parts.length >= 3
                && parts[1].equals("channel")
                && CHANNEL_ID.matcher(parts[2]).matches()) {
            return new ChannelRef(parts[2], null);
        }
        return null;
    }
}
